import { and, asc, eq, gt, max } from 'drizzle-orm';
import type { EventRepository, StoredEvent } from '@keluh/core';
import { events } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

type EventRow = typeof events.$inferSelect;

// The row cannot prove that `payload` matches `type`; only append writes rows, and it takes a typed event.
function toStoredEvent(row: EventRow): StoredEvent {
  return row as StoredEvent;
}

export function createEventRepository(db: SqliteDb): EventRepository {
  return {
    async append(event, now) {
      const row = db
        .insert(events)
        .values({
          type: event.type,
          ticketId: event.ticketId,
          customerId: event.customerId,
          payload: event.payload,
          createdAt: now,
        })
        .returning()
        .get();
      return toStoredEvent(row);
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
      return db.select({ id: max(events.id) }).from(events).get()?.id ?? 0;
    },
  };
}
