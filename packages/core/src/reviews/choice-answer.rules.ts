import type { InboundMessageEvent } from '../channels/channel.types.ts';
import type { ChoiceAnswer } from './review.types.ts';

const asRecord = (value: unknown): Record<string, unknown> | null => (value && typeof value === 'object' ? (value as Record<string, unknown>) : null);
const asString = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/**
 * The answer a message carries. The adapters set `event.answer`; until they all do, the reply ids they
 * already keep in `context` (WhatsApp `interactive.id` and template `button.payload`, Instagram
 * `quickReply`) and the quoted message id say the same, so an answer is never lost to the adapter's age.
 */
export function answerOf(event: InboundMessageEvent): ChoiceAnswer {
  const context = asRecord(event.context);
  const fromContext = asString(asRecord(context?.interactive)?.id) ?? asString(asRecord(context?.button)?.payload) ?? asString(context?.quickReply);
  return {
    choiceId: event.answer?.choiceId ?? fromContext,
    inReplyToExternalId: event.answer?.inReplyToExternalId ?? event.replyToExternalId ?? null,
  };
}
