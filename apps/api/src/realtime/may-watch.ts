import type { Database, User } from '@keluh/core';

/**
 * Whether the user may watch the ticket (see who else has it open, and be seen). For now every staff
 * member sees every ticket, so it only has to exist; team scope narrows this one predicate, and the
 * handler answers `ticket.not_found` either way, so a refusal never confirms that a ticket exists.
 */
export function createMayWatch(db: Pick<Database, 'tickets'>) {
  return async function mayWatch(_user: User, ticketId: number): Promise<boolean> {
    return (await db.tickets.findById(ticketId)) !== null;
  };
}

export type MayWatch = ReturnType<typeof createMayWatch>;
