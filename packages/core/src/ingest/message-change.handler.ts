import type { InboundDeleteEvent, InboundEditEvent, InboundReactionEvent } from '../channels/channel.types.ts';
import { readEmotion } from '../emotion/emotion.rules.ts';
import type { Message } from '../messages/message.types.ts';
import type { MessagePatch } from '../ports/repositories.ts';
import type { TxContext } from './tx-context.ts';

export type ChangeOutcome = 'applied' | 'ignored';

/** Reactions, edits and unsends change a message already in the timeline; unknown targets are ignored. */
export async function handleMessageChange(
  ctx: TxContext,
  event: InboundReactionEvent | InboundEditEvent | InboundDeleteEvent,
): Promise<ChangeOutcome> {
  const target = await ctx.tx.messages.findByExternalId(event.channel, event.targetExternalId);
  if (!target) return 'ignored';
  const change = changeFor(target, event);
  if (!change) return 'ignored';
  const updated = await ctx.tx.messages.update(target.id, change.patch, ctx.now);
  const ticket = await ctx.tx.tickets.findById(target.ticketId);
  ctx.emit({ type: 'message.updated', ticketId: target.ticketId, customerId: ticket?.customerId ?? null, payload: { message: updated, changes: [change.name] } });
  return 'applied';
}

function changeFor(target: Message, event: InboundReactionEvent | InboundEditEvent | InboundDeleteEvent): { name: string; patch: MessagePatch } | null {
  switch (event.kind) {
    case 'reaction': {
      // One reaction per person on WhatsApp and Instagram: a new one replaces the old, null removes it.
      const others = target.reactions.filter((reaction) => reaction.by !== 'customer');
      const reactions = event.emoji ? [...others, { emoji: event.emoji, by: 'customer' as const, at: event.at }] : others;
      return { name: 'reactions', patch: { reactions } };
    }
    case 'edit':
      if (target.deletedAt || target.body === event.body) return null;
      // The reading follows the words a customer now stands by; the priority it raised stays (never lowered).
      return { name: 'body', patch: { body: event.body, editCount: target.editCount + 1, editedAt: event.at, ...(target.emotion ? { emotion: readEmotion(event.body) } : {}) } };
    case 'delete':
      return target.deletedAt ? null : { name: 'deletedAt', patch: { deletedAt: event.at } };
  }
}
