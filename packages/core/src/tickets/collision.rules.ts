import type { Message } from '../messages/message.types.ts';
import { previewOf } from '../messages/message.rules.ts';
import type { Instant } from '../shared/instant.ts';

/** How recent another agent's reply must be for a reply written without seeing it to warn first. */
export const REPLY_COLLISION_WINDOW_MS = 60_000;

/**
 * `automated` is optional until messages carry it (the SLA work labels rule sends and API-channel
 * replies marked automated): a bot's answer does not mean a person already answered.
 */
type Candidate = Pick<Message, 'id' | 'direction' | 'authorKind' | 'authorUserId' | 'authorName' | 'body' | 'status' | 'deletedAt' | 'sentAt'> & { automated?: boolean };

/** What the agent is told before sending again: who answered, when, and what the customer got. */
export interface ReplyCollision {
  messageId: number;
  authorUserId: number | null;
  authorName: string | null;
  sentAt: Instant;
  preview: string;
}

export interface ReplyAttempt {
  authorUserId: number;
  /** The newest message the agent had on screen when they pressed send. */
  seenMessageId: number;
}

/**
 * The reply someone else sent on the ticket after the newest message this agent had seen, within the
 * last minute — the customer is about to get two answers to one question. Only a person's reply counts
 * (our composer or the channel's own app): system messages, rating requests and automated sends are not an answer, a
 * failed or deleted reply never reached the customer, and one's own earlier reply (another tab) is known.
 * The newest such reply, when several.
 */
export function findReplyCollision(messages: readonly Candidate[], attempt: ReplyAttempt, now: Instant): ReplyCollision | null {
  const nowMs = Date.parse(now);
  let found: Candidate | null = null;
  for (const message of messages) {
    if (message.id <= attempt.seenMessageId) continue;
    if (message.direction !== 'out' || message.authorKind !== 'agent') continue;
    if (message.authorUserId === attempt.authorUserId || message.status === 'failed' || message.deletedAt !== null || message.automated === true) continue;
    const age = nowMs - Date.parse(message.sentAt);
    if (age >= REPLY_COLLISION_WINDOW_MS) continue;
    if (!found || message.id > found.id) found = message;
  }
  if (!found) return null;
  return { messageId: found.id, authorUserId: found.authorUserId, authorName: found.authorName, sentAt: found.sentAt, preview: previewOf(found.body) };
}
