import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sha256=';

/**
 * Checks `X-Hub-Signature-256` over the raw request bytes (channels.md §1.2). Meta signs the bytes it
 * sent — for Instagram with non-ASCII escaped as \uXXXX — so the body is never re-serialised first.
 */
export function isValidMetaSignature(rawBody: Uint8Array, header: unknown, appSecret: string): boolean {
  if (typeof header !== 'string' || !header.startsWith(PREFIX) || appSecret.length === 0) return false;
  const given = header.slice(PREFIX.length);
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

export function metaSignature(rawBody: Uint8Array | string, appSecret: string): string {
  return PREFIX + createHmac('sha256', appSecret).update(rawBody).digest('hex');
}
