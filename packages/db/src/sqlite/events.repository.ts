import { and, asc, eq, gt, max } from 'drizzle-orm';
import type { EventRepository, StoredEvent } from '@keluh/core';
import { events } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

type EventRow = typeof events.$inferSelect;

// The row cannot prove that `payload` matches `type`; only appendAll writes rows, and it takes typed events.
function toStoredEvent(row: EventRow): StoredEvent {
  return row as StoredEvent;
}

/**
 * Commit order comes free here: SQLite has one writer (BEGIN IMMEDIATE, across processes too), so ids are
 * assigned in the order transactions commit, and a rolled-back transaction's ids are handed out again.
 */
export function createEventRepository(db: SqliteDb): EventRepository {
  // Straight to better-sqlite3, as for messages (drizzle's parameter mapping cost more than the insert).
  const insert = db.$client.prepare<unknown[], { id: number }>(
    'insert into events (type, ticket_id, customer_id, payload, created_at) values (?, ?, ?, ?, ?) returning id',
  );
  const latest = db.select({ id: max(events.id) }).from(events).prepare();

  return {
    async appendAll(pending, now) {
      return pending.map((event) => {
        const { id } = insert.get(event.type, event.ticketId, event.customerId, JSON.stringify(event.payload), now)!;
        return { ...event, id, createdAt: now } as StoredEvent;
      });
    },

    async listAfter(afterId, { limit, customerId }) {
      const after = gt(events.id, afterId);
      return db
        .select()
        .from(events)
        .where(customerId === undefined ? after : and(after, eq(events.customerId, customerId)))
        .orderBy(asc(events.id))
        .limit(limit)
        .all()
        .map(toStoredEvent);
    },

    async latestId() {
      return latest.get()?.id ?? 0;
    },
  };
}
