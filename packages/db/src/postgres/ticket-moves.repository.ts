import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { TicketMove, TicketMoveRepository } from '@keluh/core';
import { messages, ticketMoves, tickets } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

export function createTicketMoveRepository(db: PgDb): TicketMoveRepository {
  return {
    async create(move) {
      const [row] = await db.insert(ticketMoves).values(move).returning();
      return row as TicketMove;
    },

    async findById(id) {
      const [row] = await db.select().from(ticketMoves).where(eq(ticketMoves.id, id));
      return (row as TicketMove | undefined) ?? null;
    },

    async listForTicket(ticketId) {
      const rows = await db
        .select()
        .from(ticketMoves)
        .where(or(eq(ticketMoves.sourceTicketId, ticketId), eq(ticketMoves.targetTicketId, ticketId)))
        .orderBy(desc(ticketMoves.id));
      return rows as TicketMove[];
    },

    // A concurrent undo waits for the row lock and then re-checks `undone_at`: it matches nothing.
    async markUndone(id, byUserId, at) {
      const [row] = await db
        .update(ticketMoves)
        .set({ undoneAt: at, undoneByUserId: byUserId })
        .where(and(eq(ticketMoves.id, id), isNull(ticketMoves.undoneAt)))
        .returning();
      return (row as TicketMove | undefined) ?? null;
    },

    async moveMessages(messageIds, fromTicketId, toTicketId) {
      if (messageIds.length === 0) return 0;
      const moved = await db
        .update(messages)
        .set({ ticketId: toTicketId })
        .where(and(inArray(messages.id, [...messageIds]), eq(messages.ticketId, fromTicketId)));
      return moved.rowCount ?? 0;
    },

    async setConversation(ticketId, summary, now) {
      await db.update(tickets).set({ ...summary, updatedAt: now }).where(eq(tickets.id, ticketId));
    },
  };
}
