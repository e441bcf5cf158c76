import { describe, expect, it } from 'vitest';
import { findReplyCollision } from './collision.rules.ts';

const NOW = '2026-03-02T03:00:00.000Z';
const secondsAgo = (s: number) => new Date(Date.parse(NOW) - s * 1000).toISOString();

const ME = 7;
const MAYA = 9;
const customer = { id: 10, direction: 'in', authorKind: 'customer', authorUserId: null, authorName: null, body: 'Paket saya belum sampai', status: 'received', deletedAt: null, sentAt: secondsAgo(120) } as const;
const mayaReply = (over: Partial<{ id: number; sentAt: string; status: 'sent' | 'failed'; deletedAt: string | null; authorUserId: number | null; authorKind: 'agent' | 'system'; body: string }> = {}) => ({
  id: 11,
  direction: 'out' as const,
  authorKind: 'agent' as const,
  authorUserId: MAYA,
  authorName: 'Maya',
  body: 'Mohon maaf, kami cek sekarang.',
  status: 'sent' as const,
  deletedAt: null,
  sentAt: secondsAgo(12),
  ...over,
});

describe('warning an agent whose reply would cross another agent’s', () => {
  it.each([
    ['Maya replied 12 s ago, after the customer message the agent saw', [customer, mayaReply()], 10, 11],
    ['Maya replied 59 s ago', [customer, mayaReply({ sentAt: secondsAgo(59) })], 10, 11],
    ['someone answered from the channel’s own app (no user of ours) 5 s ago', [customer, mayaReply({ authorUserId: null, sentAt: secondsAgo(5) })], 10, 11],
    ['two agents replied since: the newest is named', [customer, mayaReply(), mayaReply({ id: 12, sentAt: secondsAgo(3) })], 10, 12],
  ] as const)('warns when %s', (_case, messages, seen, expected) => {
    expect(findReplyCollision(messages, { authorUserId: ME, seenMessageId: seen }, NOW)?.messageId).toBe(expected);
  });

  it.each([
    ['the agent had Maya’s reply on screen', [customer, mayaReply()], 11],
    ['Maya replied a minute ago or longer', [customer, mayaReply({ sentAt: secondsAgo(60) })], 10],
    ['the reply since was the agent’s own, from another tab', [customer, mayaReply({ authorUserId: ME })], 10],
    ['the reply since never reached the customer (failed)', [customer, mayaReply({ status: 'failed' })], 10],
    ['the reply since was deleted', [customer, mayaReply({ deletedAt: secondsAgo(2) })], 10],
    ['what came since was a system message (a rating request)', [customer, mayaReply({ authorKind: 'system', authorUserId: null })], 10],
    ['what came since was an automated send (a rule’s template)', [customer, { ...mayaReply(), automated: true }], 10],
    ['what came since was the customer writing again', [customer, { ...customer, id: 11, sentAt: secondsAgo(2) }], 10],
    ['nobody replied at all', [customer], 10],
  ] as const)('lets the reply through when %s', (_case, messages, seen) => {
    expect(findReplyCollision(messages, { authorUserId: ME, seenMessageId: seen }, NOW)).toBeNull();
  });

  it('says who replied, when, and what the customer got', () => {
    expect(findReplyCollision([customer, mayaReply({ body: 'Mohon maaf,\n\nkami   cek sekarang.' })], { authorUserId: ME, seenMessageId: 10 }, NOW)).toEqual({
      messageId: 11,
      authorUserId: MAYA,
      authorName: 'Maya',
      sentAt: secondsAgo(12),
      preview: 'Mohon maaf, kami cek sekarang.',
    });
  });
});
