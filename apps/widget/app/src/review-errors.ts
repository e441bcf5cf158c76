import type { VisitorReviewAnswer } from '@keluh/contracts';
import type { MessageKey } from './i18n.ts';

/** What the visitor reads when a rating or consent answer is refused; unknown codes get the generic line. */
const words: Record<string, MessageKey> = {
  'review.invalid_score': 'reviewErrorInvalidScore',
  'review.not_requested': 'reviewErrorClosed',
  'review.not_found': 'reviewErrorClosed',
  rate_limited: 'reviewErrorTooFast',
  'widget.offline': 'reviewErrorOffline',
  'widget.timeout': 'reviewErrorOffline',
};

export const reviewErrorKey = (code: string): MessageKey => words[code] ?? 'reviewErrorGeneric';

export type AnswerReview = (answer: VisitorReviewAnswer) => Promise<{ ok: true } | { ok: false; code: string }>;
