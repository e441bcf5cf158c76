import { timingSafeEqual } from 'node:crypto';

export type HandshakeResult = { ok: true; challenge: string } | { ok: false };

/**
 * The GET verification handshake (channels.md §1.1): echo `hub.challenge` only for mode `subscribe`
 * and the channel's own verify token.
 */
export function answerHandshake(query: Record<string, unknown>, verifyToken: string): HandshakeResult {
  const mode = query['hub.mode'];
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (mode !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string' || challenge.length === 0) return { ok: false };
  if (verifyToken.length === 0) return { ok: false };
  const given = Buffer.from(token);
  const expected = Buffer.from(verifyToken);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { ok: true, challenge } : { ok: false };
}
