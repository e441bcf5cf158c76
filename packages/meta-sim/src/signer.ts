import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook body bytes and their `X-Hub-Signature-256` (§1.2). Meta signs the exact bytes it sends,
 * and for Messenger/Instagram those bytes have every non-ASCII character written as a lowercase
 * `\uXXXX` escape (emoji as surrogate pairs). We assume the same for WhatsApp (§8.3) but keep a
 * raw-UTF-8 switch, because the two forms of one logical JSON have different valid signatures.
 */

/** Rewrites every UTF-16 code unit above 0x7f as `\uXXXX` (lowercase hex), as Meta does. */
export function escapeNonAscii(json: string): string {
  // Non-ASCII can only occur inside JSON strings, so escaping every such code unit is always valid
  // JSON; JS strings are UTF-16, so an emoji naturally becomes its two surrogate escapes.
  return json.replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface SerializeOptions {
  /** Default true: Meta's escaped form (§1.2, §2.11). */
  escapeUnicode?: boolean;
}

/** Minified JSON bytes, in either of the two forms Meta may send. */
export function serializePayload(payload: unknown, options: SerializeOptions = {}): Buffer {
  const json = JSON.stringify(payload);
  return Buffer.from(options.escapeUnicode === false ? json : escapeNonAscii(json), 'utf8');
}

/** Lowercase hex HMAC-SHA256 of the bytes with the app secret (§1.2). */
export function signBody(body: Buffer | string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/** The full header value: `sha256=<hex>`. */
export function signatureHeader(body: Buffer | string, secret: string): string {
  return `sha256=${signBody(body, secret)}`;
}

/**
 * The check an adapter must make (§1.2): length first, then constant-time compare over raw bytes.
 * Exported so the sim's own test receiver and other packages' tests can use a reference version.
 */
export function verifySignature(body: Buffer | string, header: string | undefined, secret: string): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice('sha256='.length), 'utf8');
  const expected = Buffer.from(signBody(body, secret), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
