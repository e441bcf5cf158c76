import { ApiError } from '../../api/http.ts';

/** What the console shows of a `reply.collision`: the other reply, and the text this agent was sending. */
export interface ReplyCollisionView {
  messageId: number;
  authorName: string | null;
  sentAt: string;
  preview: string;
  /** The reply held back, sent as is on "Send anyway". */
  body: string;
}

/** The collision a refused reply reports, or null for any other failure (or details not as promised). */
export function replyCollisionOf(error: unknown, body: string): ReplyCollisionView | null {
  if (!(error instanceof ApiError) || error.code !== 'reply.collision' || !error.details) return null;
  const { messageId, authorName, sentAt, preview } = error.details;
  if (typeof messageId !== 'number' || typeof sentAt !== 'string' || typeof preview !== 'string') return null;
  return { messageId, authorName: typeof authorName === 'string' ? authorName : null, sentAt, preview, body };
}
