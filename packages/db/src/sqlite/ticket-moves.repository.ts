import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { TicketMove, TicketMoveRepository } from '@keluh/core';
import { messages, ticketMoves, tickets } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createTicketMoveRepository(db: SqliteDb): TicketMoveRepository {
  return {
    async create(move) {
      return db.insert(ticketMoves).values(move).returning().get() as TicketMove;
    },

    async findById(id) {
      return (db.select().from(ticketMoves).where(eq(ticketMoves.id, id)).get() as TicketMove | undefined) ?? null;
    },

    async listForTicket(ticketId) {
      return db
        .select()
        .from(ticketMoves)
        .where(or(eq(ticketMoves.sourceTicketId, ticketId), eq(ticketMoves.targetTicketId, ticketId)))
        .orderBy(desc(ticketMoves.id))
        .all() as TicketMove[];
    },

    async markUndone(id, byUserId, at) {
      const row = db
        .update(ticketMoves)
        .set({ undoneAt: at, undoneByUserId: byUserId })
        .where(and(eq(ticketMoves.id, id), isNull(ticketMoves.undoneAt)))
        .returning()
        .get();
      return (row as TicketMove | undefined) ?? null;
    },

    async moveMessages(messageIds, fromTicketId, toTicketId) {
      if (messageIds.length === 0) return 0;
      const moved = db
        .update(messages)
        .set({ ticketId: toTicketId })
        .where(and(inArray(messages.id, [...messageIds]), eq(messages.ticketId, fromTicketId)))
        .run();
      return moved.changes;
    },

    async setConversation(ticketId, summary, now) {
      db.update(tickets).set({ ...summary, updatedAt: now }).where(eq(tickets.id, ticketId)).run();
    },
  };
}
