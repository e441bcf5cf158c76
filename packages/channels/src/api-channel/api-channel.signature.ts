import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const API_SIGNATURE_HEADER = 'x-keluh-signature';
export const API_DELIVERY_HEADER = 'x-keluh-delivery';
const PREFIX = 'sha256=';

/**
 * `sha256=<hex HMAC-SHA256(secret, raw body)>` — the same shape as GitHub's and Meta's webhook
 * signatures, so integrators' existing helpers work unchanged. Always over the exact bytes on the
 * wire: re-serialising JSON (key order, escapes) would change them.
 */
export function apiChannelSignature(body: Uint8Array | string, secret: string): string {
  return PREFIX + createHmac('sha256', secret).update(body).digest('hex');
}

export function isValidApiChannelSignature(rawBody: Uint8Array, header: unknown, secret: string): boolean {
  if (typeof header !== 'string' || secret.length === 0) return false;
  const value = header.trim();
  if (!value.toLowerCase().startsWith(PREFIX)) return false;
  // Hex case is not part of the secret: some platforms' HMAC helpers print upper case.
  const given = value.slice(PREFIX.length).toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}

/** 32 random bytes, URL-safe: fits a header, an env file or a query string without escaping. */
export function generateApiChannelSecret(): string {
  return randomBytes(32).toString('base64url');
}
