import { and, asc, eq, gt, max, sql } from 'drizzle-orm';
import type { EventRepository, NewDomainEvent, StoredEvent } from '@keluh/core';
import { lockEventLog } from './advisory-locks.ts';
import { events } from './schema/index.ts';
import { eventScopeCondition } from '../shared/ticket-scope.sql.ts';
import { prepared, type PgDb } from './pg-db.ts';

type EventRow = typeof events.$inferSelect;

// The row cannot prove that `payload` matches `type`; only appendAll writes rows, and it takes typed events.
const toStoredEvent = (row: EventRow): StoredEvent => row as StoredEvent;

/*
 * The commit-ordering technique. A sequence hands out numbers when rows are inserted, not when their
 * transactions commit: transaction A takes id 7, B takes id 8 and commits first, and a reader that saw 8
 * moves its cursor past 7 before A's commit makes it visible — an event lost for that reader for ever.
 *
 * So appendAll first takes a transaction-scoped advisory lock on one constant key and only then inserts.
 * The lock is held until COMMIT (or ROLLBACK), and PostgreSQL makes a transaction visible before it
 * releases its locks. The next appender therefore gets its ids only after every smaller id has committed
 * or vanished: positions are handed out in commit order, and "everything after N" is complete. Readers
 * need nothing special. The cost is that appends are serialised, which stays cheap because core appends
 * once per transaction as its last write: the lock is held from there to COMMIT only.
 */
export function createEventRepository(db: PgDb, options: { inTransaction: boolean }): EventRepository {
  const insertOne = prepared(() =>
    db
      .insert(events)
      .values({
        type: sql.placeholder('type'),
        ticketId: sql.placeholder('ticketId'),
        customerId: sql.placeholder('customerId'),
        teamId: sql`(select team_id from tickets where id = ${sql.placeholder('ticketId')}::bigint)`,
        assigneeId: sql`(select assignee_id from tickets where id = ${sql.placeholder('ticketId')}::bigint)`,
        payload: sql.placeholder('payload'),
        createdAt: sql.placeholder('now'),
      })
      .returning()
      .prepare('events_insert_one'),
  );
  const after = prepared(() =>
    db.select().from(events).where(gt(events.id, sql.placeholder('afterId'))).orderBy(asc(events.id)).limit(sql.placeholder('limit')).prepare('events_after'),
  );
  const afterForCustomer = prepared(() =>
    db
      .select()
      .from(events)
      .where(and(gt(events.id, sql.placeholder('afterId')), eq(events.customerId, sql.placeholder('customerId'))))
      .orderBy(asc(events.id))
      .limit(sql.placeholder('limit'))
      .prepare('events_after_for_customer'),
  );
  const latest = prepared(() => db.select({ id: max(events.id) }).from(events).prepare('events_latest_id'));

  return {
    async appendAll(pending, now) {
      if (pending.length === 0) return [];
      // The lock only orders anything inside a transaction; alone, the append gets one of its own.
      if (!options.inTransaction) return db.transaction((tx) => createEventRepository(tx, { inTransaction: true }).appendAll(pending, now));
      await lockEventLog(db);
      if (pending.length === 1) {
        const [event] = pending as [NewDomainEvent];
        const [row] = await insertOne().execute({ type: event.type, ticketId: event.ticketId, customerId: event.customerId, payload: event.payload, now });
        return [toStoredEvent(row!)];
      }
      // One multi-row INSERT numbers its rows in VALUES order; sorting by id makes that explicit.
      const rows = await db
        .insert(events)
        .values(
          pending.map((event) => ({
            type: event.type,
            ticketId: event.ticketId,
            customerId: event.customerId,
            teamId: sql`(select team_id from tickets where id = ${event.ticketId}::bigint)`,
            assigneeId: sql`(select assignee_id from tickets where id = ${event.ticketId}::bigint)`,
            payload: event.payload,
            createdAt: now,
          })),
        )
        .returning();
      return rows.sort((a, b) => a.id - b.id).map(toStoredEvent);
    },

    async listAfter(afterId, { limit, customerId, scope }) {
      const scoped = eventScopeCondition(scope, events);
      if (scoped) {
        const where = and(gt(events.id, afterId), customerId === undefined ? undefined : eq(events.customerId, customerId), scoped);
        return (await db.select().from(events).where(where).orderBy(asc(events.id)).limit(limit)).map(toStoredEvent);
      }
      const rows = customerId === undefined ? await after().execute({ afterId, limit }) : await afterForCustomer().execute({ afterId, customerId, limit });
      return rows.map(toStoredEvent);
    },

    async latestId() {
      const [row] = await latest().execute();
      return row?.id ?? 0;
    },
  };
}
