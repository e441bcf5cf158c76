import { OutboundBlockedError, OutboundLimitError, outboundErrorIn } from './outbound.errors.ts';
import { checkOutboundUrl, type AllowedHost } from './url.rules.ts';

export type MediaFetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Where channel media may come from and how much of it we take. */
export interface MediaRules {
  /** Host suffixes the channel documents for media (e.g. lookaside.fbsbx.com). */
  hosts: readonly string[];
  allowHosts: readonly AllowedHost[];
  maxBytes: number;
  /** For the whole download: every redirect hop and the last byte of the body. */
  timeoutMs: number;
  maxRedirects?: number;
}

export const DEFAULT_MEDIA_LIMITS = { maxBytes: 100 * 1024 * 1024, timeoutMs: 60_000, maxRedirects: 5 } as const;

export interface DownloadedMedia {
  status: number;
  ok: boolean;
  bytes: Uint8Array;
  contentType: string | null;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Reads the body to the end or stops at the cap, cancelling the transfer so no more bytes arrive. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new OutboundLimitError('too_large', `The file is ${declared} bytes; at most ${maxBytes} are taken`);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new OutboundLimitError('too_large', `The file is larger than ${maxBytes} bytes; the download was stopped`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Downloads one media URL under the channel's rules. Redirects are followed by hand so every hop is
 * checked like the first (https, the channel's hosts, no internal address); the bearer token goes only
 * to the origin it was meant for. One deadline covers the whole exchange, so a server that trickles
 * bytes cannot hold the media worker (which downloads one file at a time) for longer than that.
 */
export async function downloadMedia(fetcher: MediaFetch, url: string, headers: Record<string, string>, rules: MediaRules): Promise<DownloadedMedia> {
  const signal = AbortSignal.timeout(rules.timeoutMs);
  const origin = safeOrigin(url);
  let current = url;
  try {
    for (let hop = 0; hop <= (rules.maxRedirects ?? DEFAULT_MEDIA_LIMITS.maxRedirects); hop += 1) {
      const refusal = checkOutboundUrl(current, rules);
      if (refusal) throw new OutboundBlockedError(refusal);
      const sameOrigin = safeOrigin(current) === origin;
      const response = await fetcher(current, { method: 'GET', headers: sameOrigin ? headers : {}, redirect: 'manual', signal });
      const location = response.headers.get('location');
      if (REDIRECTS.has(response.status) && location) {
        await response.body?.cancel().catch(() => undefined);
        current = nextHop(location, current);
        continue;
      }
      const contentType = response.headers.get('content-type');
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return { status: response.status, ok: false, bytes: new Uint8Array(0), contentType };
      }
      return { status: response.status, ok: true, bytes: await readCapped(response, rules.maxBytes), contentType };
    }
  } catch (error) {
    if (signal.aborted && !outboundErrorIn(error)) throw new OutboundLimitError('timeout', `The download took longer than ${rules.timeoutMs} ms and was stopped`);
    throw error;
  }
  throw new OutboundLimitError('redirects', `More than ${rules.maxRedirects ?? DEFAULT_MEDIA_LIMITS.maxRedirects} redirects`);
}

function nextHop(location: string, from: string): string {
  try {
    return new URL(location, from).href;
  } catch {
    throw new OutboundBlockedError({ kind: 'url', reason: 'invalid', url: location });
  }
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
