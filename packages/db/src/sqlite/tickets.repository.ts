import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { AppError, activeTicketStatuses, ticketStatuses, type Ticket, type TicketQuery, type TicketRepository, type TicketStatus } from '@keluh/core';
import { customers, tickets } from '../schema/index.ts';
import { scopeCondition } from '../shared/ticket-scope.sql.ts';
import { decodeTicketCursor, encodeTicketCursor } from '../shared/ticket-cursor.ts';
import { selectTicketViews, toTicketView } from './ticket.query.ts';
import { isUniqueViolation } from './sqlite-errors.ts';
import type { SqliteDb } from './sqlite-db.ts';
import { param } from '../shared/placeholders.ts';

const active = sql.raw(activeTicketStatuses.map((status) => `'${status}'`).join(', '));

/**
 * True for a status in `reopen`, written into the statement as literals: each caller passes one of a few
 * constant lists, so one prepared statement per list (see `perReopenList`) costs nothing, where binding
 * the list and unpacking it with json_each cost more than the rest of the update.
 */
function inReopenList(reopen: readonly TicketStatus[]): SQL {
  const known = reopen.filter((status) => (ticketStatuses as readonly string[]).includes(status));
  return known.length === 0 ? sql`0` : sql`${tickets.status} in (${sql.raw(known.map((status) => `'${status}'`).join(', '))})`;
}

/**
 * A reply reopens a finished ticket only when the customer has no other active one: the unique index
 * would refuse a second, and the newer ticket is where the conversation now lives.
 */
const replyReopens = (reopen: readonly TicketStatus[]) => sql`(${inReopenList(reopen)} and not exists (
  select 1 from tickets other where other.customer_id = ${tickets.customerId} and other.id <> ${tickets.id} and other.status in (${active})
))`;

/** Builds a statement once per distinct reopen list. */
function perReopenList<T>(build: (reopen: readonly TicketStatus[]) => T): (reopen: readonly TicketStatus[]) => T {
  const built = new Map<string, T>();
  return (reopen) => {
    const key = reopen.join(',');
    let statement = built.get(key);
    if (!statement) built.set(key, (statement = build(reopen)));
    return statement;
  };
}

export function createTicketRepository(db: SqliteDb): TicketRepository {
  const byId = db.select().from(tickets).where(eq(tickets.id, sql.placeholder('id'))).prepare();
  const viewById = selectTicketViews(db).where(eq(tickets.id, sql.placeholder('id'))).prepare();
  const activeFor = selectTicketViews(db)
    .where(and(eq(tickets.customerId, sql.placeholder('customerId')), sql`${tickets.status} in (${active})`))
    .prepare();
  const insertActive = db
    .insert(tickets)
    .values({
      customerId: param('customerId'),
      subject: param('subject'),
      status: param('status'),
      priority: param('priority'),
      channel: param('channel'),
      lastChannel: param('channel'),
      // The default team (the lowest id) in the same statement: a ticket never exists without a team.
      teamId: sql`coalesce(${param('teamId')}, (select min(id) from teams))`,
      previousTicketId: param('previousTicketId'),
      lastMessageAt: param('now'),
      createdAt: param('now'),
      updatedAt: param('now'),
    })
    // No target: the only unique key a new row can hit is "one active ticket per customer".
    .onConflictDoNothing()
    .returning()
    .prepare();
  // The activity update leaves `status` alone: assigning it (even to itself) makes SQLite rewrite the
  // entries of every index on it — three of them — and a customer writing again rarely reopens anything.
  // The reopen runs only when the row says it applies; SQLite's one writer keeps the two atomic.
  const reopenForInbound = perReopenList((reopen) =>
    db
      .update(tickets)
      .set({ status: 'open', version: sql`${tickets.version} + 1` })
      .where(and(eq(tickets.id, sql.placeholder('id')), inReopenList(reopen)))
      .prepare(),
  );
  const inbound = db
    .update(tickets)
    .set({
      unreadCount: sql`${tickets.unreadCount} + 1`,
      lastMessageAt: param('at'),
      lastMessagePreview: sql`coalesce(${sql.placeholder('preview')}, ${tickets.lastMessagePreview})`,
      lastChannel: param('channel'),
      lastInboundAt: param('at'),
      updatedAt: param('now'),
    })
    .where(eq(tickets.id, sql.placeholder('id')))
    .returning()
    .prepare();
  const reply = perReopenList((reopen) =>
    db
      .update(tickets)
      .set({
        unreadCount: 0,
        lastMessageAt: param('at'),
        lastMessagePreview: param('preview'),
        firstResponseAt: sql`coalesce(${tickets.firstResponseAt}, ${sql.placeholder('at')})`,
        status: sql`case when ${replyReopens(reopen)} then 'open' else ${tickets.status} end`,
        version: sql`${tickets.version} + ${replyReopens(reopen)}`,
        updatedAt: param('now'),
      })
      .where(eq(tickets.id, sql.placeholder('id')))
      .returning()
      .prepare(),
  );
  const activity = db
    .update(tickets)
    .set({ lastMessageAt: param('at'), lastMessagePreview: param('preview'), updatedAt: param('now') })
    .where(eq(tickets.id, sql.placeholder('id')))
    .returning()
    .prepare();
  const read = db
    .update(tickets)
    .set({ unreadCount: 0, updatedAt: param('now') })
    .where(and(eq(tickets.id, sql.placeholder('id')), sql`${tickets.unreadCount} > 0`))
    .returning()
    .prepare();

  const latestFinished = db
    .select()
    .from(tickets)
    .where(and(eq(tickets.customerId, sql.placeholder('customerId')), inArray(tickets.status, ['resolved', 'closed']), isNull(tickets.mergedIntoTicketId)))
    .orderBy(sql`${tickets.resolvedAt} desc nulls last`, desc(tickets.id))
    .limit(1)
    .prepare();
  const reopenFinished = db
    .update(tickets)
    .set({ status: 'open', resolvedAt: null, version: sql`${tickets.version} + 1`, updatedAt: param('now') })
    .where(
      and(
        eq(tickets.id, sql.placeholder('id')),
        inArray(tickets.status, ['resolved', 'closed']),
        isNull(tickets.mergedIntoTicketId),
        sql`not exists (select 1 from tickets other where other.customer_id = ${tickets.customerId} and other.id <> ${tickets.id} and other.status in (${active}))`,
      ),
    )
    .returning()
    .prepare();

  const mustExist = (row: Ticket | undefined, id: number): Ticket => {
    if (!row) throw new AppError('ticket.not_found', `Ticket ${id} does not exist`);
    return row;
  };

  return {
    async createActiveIfAbsent(input, now) {
      return (
        insertActive.get({
          customerId: input.customerId,
          subject: input.subject,
          status: input.status ?? 'open',
          priority: input.priority ?? 'normal',
          channel: input.channel,
          teamId: input.teamId ?? null,
          previousTicketId: input.previousTicketId ?? null,
          now,
        }) ?? null
      );
    },

    async findById(id) {
      return byId.get({ id }) ?? null;
    },

    // SQLite's single writer already holds every row for the transaction: nothing more to lock.
    async lock(id) {
      return byId.get({ id }) ?? null;
    },

    async findView(id) {
      const row = viewById.get({ id });
      return row ? toTicketView(row) : null;
    },

    async findActiveForCustomer(customerId) {
      const row = activeFor.get({ customerId });
      return row ? toTicketView(row) : null;
    },

    async findLatestFinishedForCustomer(customerId) {
      return latestFinished.get({ customerId }) ?? null;
    },

    async reopenFinished(id, now) {
      return reopenFinished.get({ id, now }) ?? null;
    },

    async listForCustomer(customerId) {
      return db.select().from(tickets).where(eq(tickets.customerId, customerId)).orderBy(asc(tickets.id)).all();
    },

    async update(id, patch, now, expectedVersion) {
      let row: Ticket | undefined;
      try {
        row = db
          .update(tickets)
          .set({ ...patch, version: sql`${tickets.version} + 1`, updatedAt: now })
          .where(expectedVersion === undefined ? eq(tickets.id, id) : and(eq(tickets.id, id), eq(tickets.version, expectedVersion)))
          .returning()
          .get();
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('ticket.active_exists', `The customer of ticket ${id} already has an active ticket`, { ticketId: id });
        throw error;
      }
      if (row) return row;
      const current = byId.get({ id });
      if (!current) throw new AppError('ticket.not_found', `Ticket ${id} does not exist`);
      throw new AppError('ticket.conflict', `Ticket ${id} was changed by someone else; reload it`, { ticketId: id, currentVersion: current.version });
    },

    async recordInbound(id, activity, now) {
      const row = mustExist(inbound.get({ id, at: activity.at, preview: activity.preview, channel: activity.channel, now }), id);
      if (!activity.reopen.includes(row.status)) return row;
      reopenForInbound(activity.reopen).run({ id });
      return { ...row, status: 'open', version: row.version + 1 };
    },

    async recordReply(id, activity, now) {
      return mustExist(reply(activity.reopen).get({ id, at: activity.at, preview: activity.preview, now }), id);
    },

    async recordActivity(id, change, now) {
      return mustExist(activity.get({ id, at: change.at, preview: change.preview, now }), id);
    },

    async markRead(id, now) {
      return read.get({ id, now }) ?? null;
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

    async moveToCustomer(ids, customerId, now) {
      if (ids.length === 0) return;
      db.update(tickets).set({ customerId, version: sql`${tickets.version} + 1`, updatedAt: now }).where(inArray(tickets.id, [...ids])).run();
    },

    async setMergedInto(id, change, now) {
      const row = db
        .update(tickets)
        .set({ mergedIntoTicketId: change.intoTicketId, status: change.status, version: sql`${tickets.version} + 1`, updatedAt: now })
        .where(eq(tickets.id, id))
        .returning()
        .get();
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
