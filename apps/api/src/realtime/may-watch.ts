import { canSeeTicket, scopeOf, type Database, type User } from '@keluh/core';

/**
 * Whether the user may watch the ticket (see who else has it open, and be seen): exactly the tickets their
 * scope lets them read. The handler answers `ticket.not_found` either way, so a refusal never confirms that
 * a ticket of another team exists.
 */
export function createMayWatch(db: Pick<Database, 'tickets' | 'settings'>) {
  return async function mayWatch(user: User, ticketId: number): Promise<boolean> {
    const ticket = await db.tickets.findById(ticketId);
    return ticket !== null && canSeeTicket(await scopeOf(db, user), ticket);
  };
}

export type MayWatch = ReturnType<typeof createMayWatch>;
