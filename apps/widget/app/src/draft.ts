import { MAX_MESSAGE_LENGTH } from '@keluh/core';

/** The server's message body rule (core's validateMessageBody): non-blank, at most 4,096 characters. */
export const MAX_BODY_LENGTH = MAX_MESSAGE_LENGTH;

export type DraftCheck =
  | { ok: true; body: string }
  | { ok: false; reason: 'empty' | 'too_long'; length: number };

/** Surrounding whitespace is dropped (a stray Enter or space); the limit applies to what is sent. */
export function checkDraft(text: string): DraftCheck {
  const body = text.trim();
  if (body.length === 0) return { ok: false, reason: 'empty', length: 0 };
  if (body.length > MAX_BODY_LENGTH) return { ok: false, reason: 'too_long', length: body.length };
  return { ok: true, body };
}
