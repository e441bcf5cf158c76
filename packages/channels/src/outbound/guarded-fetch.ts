import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { guardedLookup, systemResolver, type ResolveAll } from './guarded-lookup.ts';
import { OutboundBlockedError } from './outbound.errors.ts';
import { checkOutboundUrl, isExplicitlyAllowed, type AllowedHost } from './url.rules.ts';

/** `fetch` as the adapters call it: a URL string and the usual init. */
export type GuardedFetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface OutboundPolicy {
  /** Hosts that may be http and internal (OUTBOUND_ALLOW_HOSTS, the in-process demo stand-in). */
  allowHosts: readonly AllowedHost[];
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

function headersOf(message: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

function bodyOf(init: RequestInit): string | Uint8Array | undefined {
  const body = init.body;
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  throw new TypeError('The outbound guard sends string or byte bodies only');
}

/**
 * The only HTTP client the server uses for the outside world (channel media, Graph API calls, API
 * channel webhooks). Every connection goes to an address checked in the socket's own lookup, unless
 * the host is explicitly allowed; https only otherwise. Redirects are never followed here: a redirect
 * is a new request to a new place, and the callers that want one check the next hop themselves.
 */
export function createGuardedFetch(policy: OutboundPolicy, resolve: ResolveAll = systemResolver): GuardedFetch {
  return (input, init = {}) =>
    new Promise<Response>((resolveResponse, reject) => {
      const url = new URL(input);
      const explicit = isExplicitlyAllowed(url, policy.allowHosts);
      const refusal = checkOutboundUrl(url, { allowHosts: policy.allowHosts });
      if (refusal) return reject(new OutboundBlockedError(refusal));
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return reject(new TypeError(`Unsupported protocol ${url.protocol}`));
      const signal = init.signal ?? undefined;
      if (signal?.aborted) return reject(signal.reason);

      const headers = Object.fromEntries(new Headers(init.headers).entries());
      headers['user-agent'] ??= 'Keluh';
      const body = bodyOf(init);
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const request = send(url, {
        method: init.method ?? 'GET',
        headers,
        // One connection per request: a pooled socket would skip the lookup that vets its address.
        agent: false,
        ...(explicit ? {} : { lookup: guardedLookup(url.href, resolve) }),
      });

      const onAbort = () => request.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      signal?.addEventListener('abort', onAbort, { once: true });
      const cleanUp = () => signal?.removeEventListener('abort', onAbort);

      request.on('error', (error) => {
        cleanUp();
        reject(signal?.aborted ? signal.reason : error);
      });
      request.once('response', (message) => {
        const status = message.statusCode ?? 502;
        const empty = NULL_BODY_STATUSES.has(status) || request.method === 'HEAD';
        if (empty) message.resume();
        message.once('close', cleanUp);
        try {
          const stream = empty ? null : (Readable.toWeb(message) as unknown as ReadableStream<Uint8Array>);
          resolveResponse(new Response(stream, { status, statusText: message.statusMessage ?? '', headers: headersOf(message) }));
        } catch (error) {
          // A status Response cannot represent (below 200): nothing a caller could use.
          message.destroy();
          reject(error);
        }
      });
      request.end(body);
    });
}
