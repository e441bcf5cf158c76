import { and, asc, desc, eq, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import { AppError, activeTicketStatuses, type TicketQuery, type TicketRepository } from '@keluh/core';
import { tickets } from '../schema/index.ts';
import { decodeTicketCursor, encodeTicketCursor } from './ticket-cursor.ts';
import { selectTicketViews, toTicketView } from './ticket.query.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createTicketRepository(db: SqliteDb): TicketRepository {
  const findById = (id: number) => db.select().from(tickets).where(eq(tickets.id, id)).get() ?? null;

  return {
    async create(input, now) {
      return db
        .insert(tickets)
        .values({
          customerId: input.customerId,
          subject: input.subject,
          status: input.status,
          priority: input.priority,
          channel: input.channel,
          lastChannel: input.channel,
          lastMessageAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
    },

    async findById(id) {
      return findById(id);
    },

    async findView(id) {
      const row = selectTicketViews(db).where(eq(tickets.id, id)).get();
      return row ? toTicketView(row) : null;
    },

    async findActiveForCustomer(customerId) {
      return (
        db
          .select()
          .from(tickets)
          .where(and(eq(tickets.customerId, customerId), inArray(tickets.status, [...activeTicketStatuses])))
          .orderBy(desc(tickets.id))
          .get() ?? null
      );
    },

    async listForCustomer(customerId) {
      return db.select().from(tickets).where(eq(tickets.customerId, customerId)).orderBy(asc(tickets.id)).all();
    },

    async update(id, patch, now) {
      const row = db
        .update(tickets)
        .set({ ...patch, updatedAt: now })
        .where(eq(tickets.id, id))
        .returning()
        .get();
      if (!row) throw new AppError('ticket.not_found', `Ticket ${id} does not exist`);
      return row;
    },

    async list(query) {
      const limit = Math.max(1, Math.floor(query.limit));
      // One row beyond the page tells whether another page exists without a count query.
      const rows = selectTicketViews(db)
        .where(and(...filtersFor(query)))
        .orderBy(desc(tickets.lastMessageAt), desc(tickets.id))
        .limit(limit + 1)
        .all();
      const page = rows.slice(0, limit).map(toTicketView);
      const last = page.at(-1);
      const nextCursor = rows.length > limit && last ? encodeTicketCursor({ lastMessageAt: last.lastMessageAt, id: last.id }) : null;
      return { items: page, nextCursor };
    },
  };
}

function filtersFor(query: TicketQuery): SQL[] {
  const filters: SQL[] = [];
  if (query.status?.length) filters.push(inArray(tickets.status, query.status));
  if (query.channel?.length) {
    // A ticket belongs to every channel the conversation has used: where it opened and where it is now.
    filters.push(or(inArray(tickets.channel, query.channel), inArray(tickets.lastChannel, query.channel))!);
  }
  if (query.assigneeId === null) filters.push(isNull(tickets.assigneeId));
  else if (query.assigneeId !== undefined) filters.push(eq(tickets.assigneeId, query.assigneeId));
  if (query.cursor) {
    const after = decodeTicketCursor(query.cursor);
    // Keyset: strictly after the last row in (lastMessageAt desc, id desc) order, so no gaps or repeats.
    filters.push(
      or(
        lt(tickets.lastMessageAt, after.lastMessageAt),
        and(eq(tickets.lastMessageAt, after.lastMessageAt), lt(tickets.id, after.id)),
      )!,
    );
  }
  return filters;
}
