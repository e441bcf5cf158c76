import type { VisitorReviewDto } from '@keluh/contracts';
import type { Realtime } from './realtime.ts';
import type { AnswerReview } from './review-errors.ts';

/** The answer could not be sent: no connection right now. */
export const OFFLINE = 'widget.offline';

/**
 * Answers a rating or consent card. Not queued like messages: the visitor sees the card wait for the
 * answer, and an answer lost with the connection is for them to send again, not for us to repeat.
 */
export function createReviewAnswerer(connection: () => Realtime | null, answered: (review: VisitorReviewDto) => void): AnswerReview {
  return async (answer) => {
    const live = connection();
    if (!live?.ready) return { ok: false, code: OFFLINE };
    const result = await live.answerReview(answer);
    if (result.kind === 'ok') {
      answered(result.review);
      return { ok: true };
    }
    return { ok: false, code: result.kind === 'lost' ? OFFLINE : result.error.code };
  };
}
