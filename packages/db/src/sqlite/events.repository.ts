import { and, asc, eq, gt, max } from 'drizzle-orm';
import type { EventRepository, StoredEvent } from '@keluh/core';
import { events } from '../schema/index.ts';
import { eventScopeCondition } from '../shared/ticket-scope.sql.ts';
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
  // The ticket's team and assignee are read by the insert itself, after every other write of the transaction.
  const insert = db.$client.prepare<[Record<string, unknown>], { id: number; teamId: number | null; assigneeId: number | null }>(
    `insert into events (type, ticket_id, customer_id, payload, created_at, team_id, assignee_id)
     values (@type, @ticketId, @customerId, @payload, @now, (select team_id from tickets where id = @ticketId), (select assignee_id from tickets where id = @ticketId))
     returning id, team_id as teamId, assignee_id as assigneeId`,
  );
  const latest = db.select({ id: max(events.id) }).from(events).prepare();

  return {
    async appendAll(pending, now) {
      return pending.map((event) => {
        const stored = insert.get({ type: event.type, ticketId: event.ticketId, customerId: event.customerId, payload: JSON.stringify(event.payload), now })!;
        return { ...event, ...stored, createdAt: now } as StoredEvent;
      });
    },

    async listAfter(afterId, { limit, customerId, scope }) {
      return db
        .select()
        .from(events)
        .where(and(gt(events.id, afterId), customerId === undefined ? undefined : eq(events.customerId, customerId), eventScopeCondition(scope, events)))
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
