import type { Socket } from 'socket.io';
import { answerReviewAsVisitor } from '@keluh/core';
import { visitorReviewAnswerSchema, type VisitorClientToServer, type VisitorServerToClient } from '@keluh/contracts';
import type { Services } from '../services.ts';
import { eventCall, toSocketError, type AckValue } from './socket-errors.ts';
import { toVisitorReview } from './visitor-projection.ts';

type VisitorSocket = Socket<VisitorClientToServer, VisitorServerToClient>;

/**
 * The widget's rating card answers over the socket: stars, an optional comment and consent in one go.
 * Only the visitor's own review can be answered; anyone else's is `review.not_found`, as if absent.
 */
export function handleVisitorReviewAnswer(socket: VisitorSocket, services: Services, customerOf: () => Promise<number | null>): void {
  socket.on('review.answer', async (...args: unknown[]) => {
    const { reply, parse } = eventCall<AckValue<VisitorClientToServer['review.answer']>>(args);
    try {
      const { reviewId, score, comment, consent } = parse(visitorReviewAnswerSchema);
      const review = await answerReviewAsVisitor(services.core, await customerOf(), reviewId, {
        score,
        // The widget sends an empty comment box as ''; that is no comment.
        ...(comment ? { comment } : {}),
        ...(consent !== undefined ? { consent } : {}),
      });
      reply({ ok: true, review: toVisitorReview(review) });
    } catch (error) {
      reply({ ok: false, error: toSocketError(error) });
    }
  });
}
