import type { MessageAttachment } from '../messages/message.types.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';

export type AttachmentOutcome =
  | { state: 'stored'; url: string; sha256: string; size: number; mimeType: string }
  | { state: 'unavailable'; error?: { code: string; reason: string } };

/**
 * Records what became of one downloaded attachment and tells the timeline. Attachments are matched by
 * position, which never changes after the message is stored.
 */
export async function recordAttachment(deps: CoreDeps, messageId: number, index: number, outcome: AttachmentOutcome): Promise<void> {
  await commit(deps, async (tx, emit) => {
    const message = await tx.messages.findById(messageId);
    const current = message?.attachments[index];
    if (!message || !current || current.state !== 'pending') return;
    const attachments: MessageAttachment[] = message.attachments.map((attachment, position) =>
      position === index ? { ...attachment, ...outcome } : attachment,
    );
    const updated = await tx.messages.update(messageId, { attachments }, deps.clock.now());
    const ticket = await tx.tickets.findById(message.ticketId);
    emit({ type: 'message.updated', ticketId: message.ticketId, customerId: ticket?.customerId ?? null, payload: { message: updated, changes: ['attachments'] } });
  });
}
