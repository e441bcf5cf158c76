import { commit, type CoreDeps } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import type { User } from '../users/user.types.ts';
import type { TicketNote } from './note.types.ts';

/**
 * An internal note: staff only. Its `note.created` event is never projected to a visitor and nothing
 * is queued for a channel.
 */
export async function createNote(deps: CoreDeps, input: { ticketId: number; body: string; author: Pick<User, 'id'> }): Promise<TicketNote> {
  return commit(deps, async (tx, emit) => {
    const now = deps.clock.now();
    const ticket = await tx.tickets.lock(input.ticketId);
    if (!ticket) throw new AppError('ticket.not_found', `Ticket ${input.ticketId} does not exist`);
    const body = input.body.trim();
    if (!body) throw new AppError('validation.failed', 'The note is empty', { issues: [{ path: 'body', message: 'The note is empty' }] });
    const workflow = await tx.workflows.ensure(ticket.id, now);
    const note = await tx.notes.create({ ticketId: ticket.id, authorUserId: input.author.id, body, stage: workflow.stage, createdAt: now });
    emit({ type: 'note.created', ticketId: ticket.id, customerId: ticket.customerId, payload: { note } });
    return note;
  });
}
