import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { AppError, type Ticket, type TicketQuery, type TicketRepository } from '@keluh/core';
import { param } from '../shared/placeholders.ts';
import { scopeCondition } from '../shared/ticket-scope.sql.ts';
import { decodeTicketCursor, encodeTicketCursor } from '../shared/ticket-cursor.ts';
import { customers, tickets } from './schema/index.ts';
import { isUniqueViolation } from './pg-errors.ts';
import { prepared, type PgDb } from './pg-db.ts';
import { selectTicketViews, toTicketView } from './ticket.query.ts';

const ONE_ACTIVE = 'tickets_one_active_per_customer_uq';
const active = sql`${tickets.status} in ('open', 'pending')`;

/** True for a status in the text[] bound as `reopen` (lists vary per caller; statements do not). */
const inReopenList = sql`${tickets.status} = any(${sql.placeholder('reopen')}::text[])`;

/**
 * A reply reopens a finished ticket only when the customer has no other active one: the unique index
 * would refuse a second, and the newer ticket is where the conversation now lives.
 */
const replyReopens = sql`(${inReopenList} and not exists (
  select 1 from tickets other where other.customer_id = ${tickets.customerId} and other.id <> ${tickets.id} and other.status in ('open', 'pending')
))`;

const activeExists = (id: number) => new AppError('ticket.active_exists', `The customer of ticket ${id} already has an active ticket`, { ticketId: id });

/**
 * Runs a statement that may make a ticket active. Under READ COMMITTED a check such as replyReopens
 * cannot see a concurrent, uncommitted new ticket; the unique index can, and its refusal is the coded
 * conflict the port promises rather than a driver error.
 */
async function guardingOneActive<T>(id: number, statement: Promise<T>): Promise<T> {
  try {
    return await statement;
  } catch (error) {
    if (isUniqueViolation(error, ONE_ACTIVE)) throw activeExists(id);
    throw error;
  }
}

export function createTicketRepository(db: PgDb): TicketRepository {
  const byId = prepared(() => db.select().from(tickets).where(eq(tickets.id, sql.placeholder('id'))).prepare('tickets_by_id'));
  const lockById = prepared(() => db.select().from(tickets).where(eq(tickets.id, sql.placeholder('id'))).for('update').prepare('tickets_lock'));
  const viewById = prepared(() => selectTicketViews(db).where(eq(tickets.id, sql.placeholder('id'))).prepare('tickets_view_by_id'));
  const activeFor = prepared(() =>
    selectTicketViews(db).where(and(eq(tickets.customerId, sql.placeholder('customerId')), active)).prepare('tickets_active_view_for_customer'),
  );
  const insertActive = prepared(() =>
    db
      .insert(tickets)
      .values({
        customerId: sql.placeholder('customerId'),
        subject: sql.placeholder('subject'),
        status: sql.placeholder('status'),
        priority: sql.placeholder('priority'),
        channel: sql.placeholder('channel'),
        lastChannel: sql.placeholder('channel'),
        // The default team (the lowest id) in the same statement: a ticket never exists without a team.
        teamId: sql`coalesce(${sql.placeholder('teamId')}::bigint, (select min(id) from teams))`,
        previousTicketId: sql`${sql.placeholder('previousTicketId')}::bigint`,
        lastMessageAt: sql.placeholder('now'),
        createdAt: sql.placeholder('now'),
        updatedAt: sql.placeholder('now'),
      })
      // No target: the only unique key a new row can hit is "one active ticket per customer" (a partial
      // index). A concurrent insert for the same customer makes this one wait; if it commits, nothing happens.
      .onConflictDoNothing()
      .returning()
      .prepare('tickets_insert_active'),
  );
  const inbound = prepared(() =>
    db
      .update(tickets)
      .set({
        unreadCount: sql`${tickets.unreadCount} + 1`,
        lastMessageAt: param('at'),
        lastMessagePreview: sql`coalesce(${sql.placeholder('preview')}, ${tickets.lastMessagePreview})`,
        lastChannel: param('channel'),
        lastInboundAt: param('at'),
        status: sql`case when ${inReopenList} then 'open' else ${tickets.status} end`,
        version: sql`${tickets.version} + case when ${inReopenList} then 1 else 0 end`,
        updatedAt: param('now'),
      })
      .where(eq(tickets.id, sql.placeholder('id')))
      .returning()
      .prepare('tickets_record_inbound'),
  );
  const reply = prepared(() =>
    db
      .update(tickets)
      .set({
        unreadCount: 0,
        lastMessageAt: param('at'),
        lastMessagePreview: param('preview'),
        firstResponseAt: sql`coalesce(${tickets.firstResponseAt}, ${sql.placeholder('at')})`,
        status: sql`case when ${replyReopens} then 'open' else ${tickets.status} end`,
        version: sql`${tickets.version} + case when ${replyReopens} then 1 else 0 end`,
        updatedAt: param('now'),
      })
      .where(eq(tickets.id, sql.placeholder('id')))
      .returning()
      .prepare('tickets_record_reply'),
  );
  const activity = prepared(() =>
    db
      .update(tickets)
      .set({ lastMessageAt: param('at'), lastMessagePreview: param('preview'), updatedAt: param('now') })
      .where(eq(tickets.id, sql.placeholder('id')))
      .returning()
      .prepare('tickets_record_activity'),
  );
  const read = prepared(() =>
    db
      .update(tickets)
      .set({ unreadCount: 0, updatedAt: param('now') })
      .where(and(eq(tickets.id, sql.placeholder('id')), sql`${tickets.unreadCount} > 0`))
      .returning()
      .prepare('tickets_mark_read'),
  );

  const latestFinished = prepared(() =>
    db
      .select()
      .from(tickets)
      .where(and(eq(tickets.customerId, sql.placeholder('customerId')), inArray(tickets.status, ['resolved', 'closed']), isNull(tickets.mergedIntoTicketId)))
      .orderBy(sql`${tickets.resolvedAt} desc nulls last`, desc(tickets.id))
      .limit(1)
      .prepare('tickets_latest_finished_for_customer'),
  );
  // A concurrent reopen of the same row waits for its lock and then re-checks the status here: it matches
  // nothing and the caller reads the winner.
  const reopenFinished = prepared(() =>
    db
      .update(tickets)
      .set({ status: 'open', resolvedAt: null, version: sql`${tickets.version} + 1`, updatedAt: param('now') })
      .where(
        and(
          eq(tickets.id, sql.placeholder('id')),
          inArray(tickets.status, ['resolved', 'closed']),
          isNull(tickets.mergedIntoTicketId),
          sql`not exists (select 1 from tickets other where other.customer_id = ${tickets.customerId} and other.id <> ${tickets.id} and ${sql.raw('other.status')} in ('open', 'pending'))`,
        ),
      )
      .returning()
      .prepare('tickets_reopen_finished'),
  );

  const mustExist = ([row]: Ticket[], id: number): Ticket => {
    if (!row) throw new AppError('ticket.not_found', `Ticket ${id} does not exist`);
    return row;
  };

  return {
    async createActiveIfAbsent(input, now) {
      const [row] = await insertActive().execute({
        customerId: input.customerId,
        subject: input.subject,
        status: input.status ?? 'open',
        priority: input.priority ?? 'normal',
        channel: input.channel,
        teamId: input.teamId ?? null,
        previousTicketId: input.previousTicketId ?? null,
        now,
      });
      return row ?? null;
    },

    async findById(id) {
      const [row] = await byId().execute({ id });
      return row ?? null;
    },

    async lock(id) {
      const [row] = await lockById().execute({ id });
      return row ?? null;
    },

    async findView(id) {
      const [row] = await viewById().execute({ id });
      return row ? toTicketView(row) : null;
    },

    async findActiveForCustomer(customerId) {
      const [row] = await activeFor().execute({ customerId });
      return row ? toTicketView(row) : null;
    },

    async findLatestFinishedForCustomer(customerId) {
      const [row] = await latestFinished().execute({ customerId });
      return row ?? null;
    },

    async reopenFinished(id, now) {
      const [row] = await guardingOneActive(id, reopenFinished().execute({ id, now }));
      return row ?? null;
    },

    async listForCustomer(customerId) {
      return db.select().from(tickets).where(eq(tickets.customerId, customerId)).orderBy(asc(tickets.id));
    },

    async update(id, patch, now, expectedVersion) {
      const [row] = await guardingOneActive(
        id,
        db
          .update(tickets)
          .set({ ...patch, version: sql`${tickets.version} + 1`, updatedAt: now })
          .where(expectedVersion === undefined ? eq(tickets.id, id) : and(eq(tickets.id, id), eq(tickets.version, expectedVersion)))
          .returning(),
      );
      if (row) return row;
      const [current] = await byId().execute({ id });
      if (!current) throw new AppError('ticket.not_found', `Ticket ${id} does not exist`);
      throw new AppError('ticket.conflict', `Ticket ${id} was changed by someone else; reload it`, { ticketId: id, currentVersion: current.version });
    },

    async recordInbound(id, change, now) {
      const rows = await guardingOneActive(id, inbound().execute({ id, at: change.at, preview: change.preview, channel: change.channel, reopen: [...change.reopen], now }));
      return mustExist(rows, id);
    },

    async recordReply(id, change, now) {
      const rows = await guardingOneActive(id, reply().execute({ id, at: change.at, preview: change.preview, reopen: [...change.reopen], now }));
      return mustExist(rows, id);
    },

    async recordActivity(id, change, now) {
      return mustExist(await activity().execute({ id, at: change.at, preview: change.preview, now }), id);
    },

    async markRead(id, now) {
      const [row] = await read().execute({ id, now });
      return row ?? null;
    },

    async list(query) {
      const limit = Math.max(1, Math.floor(query.limit));
      // One row beyond the page tells whether another page exists without a count query.
      const rows = await selectTicketViews(db)
        .where(and(...filtersFor(query)))
        .orderBy(desc(tickets.lastMessageAt), desc(tickets.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit).map(toTicketView);
      const last = page.at(-1);
      const nextCursor = rows.length > limit && last ? encodeTicketCursor({ lastMessageAt: last.lastMessageAt, id: last.id }) : null;
      return { items: page, nextCursor };
    },

    async moveToCustomer(ids, customerId, now) {
      if (ids.length === 0) return;
      await db.update(tickets).set({ customerId, version: sql`${tickets.version} + 1`, updatedAt: now }).where(inArray(tickets.id, [...ids]));
    },

    async setMergedInto(id, change, now) {
      const [row] = await db
        .update(tickets)
        .set({ mergedIntoTicketId: change.intoTicketId, status: change.status, version: sql`${tickets.version} + 1`, updatedAt: now })
        .where(eq(tickets.id, id))
        .returning();
      if (!row) throw new AppError('ticket.not_found', `Ticket ${id} does not exist`);
      return row;
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
  if (query.customerType?.length) filters.push(inArray(customers.type, query.customerType));
  if (query.characteristic?.length) filters.push(inArray(customers.characteristic, query.characteristic));
  const scoped = scopeCondition(query.scope, tickets);
  if (scoped) filters.push(scoped);
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
