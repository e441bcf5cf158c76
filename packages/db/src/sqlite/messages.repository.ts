import { and, asc, desc, eq, gte, inArray, isNull, ne, sql } from 'drizzle-orm';
import { AppError, type Message, type MessageRepository } from '@keluh/core';
import { messages, users } from '../schema/index.ts';
import { selectMessages } from './message.query.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createMessageRepository(db: SqliteDb): MessageRepository {
  const byId = selectMessages(db).where(eq(messages.id, sql.placeholder('id'))).prepare();
  const byExternalId = selectMessages(db)
    .where(and(eq(messages.channel, sql.placeholder('channel')), eq(messages.externalId, sql.placeholder('externalId'))))
    .prepare();
  const userName = db.select({ name: users.name }).from(users).where(eq(users.id, sql.placeholder('id'))).prepare();
  // Written straight to better-sqlite3, column by column: on the ingest path drizzle's per-call mapping of
  // seventeen parameters cost four times the insert itself (20 µs against 5, measured). The unique key,
  // not a prior lookup, decides: two racing deliveries cannot both insert.
  const insert = db.$client.prepare<unknown[], { id: number }>(
    `insert into messages (ticket_id, direction, author_kind, author_user_id, channel, external_id, body, attachments, status, sent_at, via, reply_to_external_id, context, placeholder, template, emotion, choices, automated, identity_id, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (channel, external_id) do nothing
     returning id`,
  );
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  const findById = (id: number): Message | null => byId.get({ id }) ?? null;

  return {
    async insertIfAbsent(input, now) {
      const values = {
        ticketId: input.ticketId,
        direction: input.direction,
        authorKind: input.authorKind,
        authorUserId: input.authorUserId ?? null,
        channel: input.channel,
        externalId: input.externalId ?? null,
        body: input.body,
        attachments: input.attachments ?? [],
        status: input.status,
        sentAt: input.sentAt,
        via: input.via ?? null,
        replyToExternalId: input.replyToExternalId ?? null,
        context: input.context ?? null,
        placeholder: input.placeholder ?? null,
        template: input.template ?? null,
        emotion: input.emotion ?? null,
        choices: input.choices ?? null,
        automated: input.automated ?? false,
        identityId: input.identityId ?? null,
      };
      const row = insert.get(
        values.ticketId,
        values.direction,
        values.authorKind,
        values.authorUserId,
        values.channel,
        values.externalId,
        values.body,
        JSON.stringify(values.attachments),
        values.status,
        values.sentAt,
        values.via,
        values.replyToExternalId,
        json(values.context),
        values.placeholder,
        json(values.template),
        json(values.emotion),
        json(values.choices),
        values.automated ? 1 : 0,
        values.identityId,
        now,
        now,
      );
      if (!row) return null;
      // Customer and system messages carry no author name (see selectMessages).
      const authorName = values.authorKind === 'agent' && values.authorUserId !== null ? (userName.get({ id: values.authorUserId })?.name ?? null) : null;
      // The columns' defaults for a new message (schema/messages.table.ts).
      return { ...values, id: row.id, authorName, error: null, editCount: 0, editedAt: null, deletedAt: null, reactions: [], createdAt: now, updatedAt: now };
    },

    async findById(id) {
      return findById(id);
    },

    async findByExternalId(channel, externalId) {
      return byExternalId.get({ channel, externalId }) ?? null;
    },

    async listForTicket(ticketId) {
      return selectMessages(db)
        .where(eq(messages.ticketId, ticketId))
        .orderBy(asc(messages.sentAt), asc(messages.id))
        .all();
    },

    async listClockInputs(ticketId) {
      return db
        .select({ direction: messages.direction, authorKind: messages.authorKind, automated: messages.automated, status: messages.status, createdAt: messages.createdAt })
        .from(messages)
        .where(eq(messages.ticketId, ticketId))
        .orderBy(asc(messages.id))
        .all();
    },

    async latestAgentReplyAt(ticketId) {
      // Newest first along the (ticket, sentAt) timeline index: the scan stops at the first agent reply.
      const [row] = await db.select({ at: messages.sentAt }).from(messages).where(and(eq(messages.ticketId, ticketId), eq(messages.direction, 'out'), eq(messages.authorKind, 'agent'), ne(messages.status, 'failed'))).orderBy(desc(messages.sentAt), desc(messages.id)).limit(1).all();
      return row?.at ?? null;
    },

    async update(id, patch, now) {
      const changed = db
        .update(messages)
        .set({ ...patch, updatedAt: now })
        .where(eq(messages.id, id))
        .returning({ id: messages.id })
        .get();
      const message = changed ? findById(changed.id) : null;
      if (!message) throw new AppError('message.not_found', `Message ${id} does not exist`);
      return message;
    },

    async findUnconfirmedOutbound(ticketId, channel, body, since) {
      return (
        selectMessages(db)
          .where(
            and(
              eq(messages.ticketId, ticketId),
              eq(messages.channel, channel),
              eq(messages.direction, 'out'),
              isNull(messages.externalId),
              ne(messages.status, 'failed'),
              eq(messages.body, body),
              gte(messages.createdAt, since),
            ),
          )
          // The outbox sends oldest first, so an early echo belongs to the oldest reply still waiting.
          .orderBy(asc(messages.id))
          .get() ?? null
      );
    },

    // One writer at a time: a transaction never waits for another halfway, so there is no order to keep.
    async holdChannelIds() {},

    async moveToTicket(ids, ticketId) {
      if (ids.length === 0) return;
      db.update(messages).set({ ticketId }).where(inArray(messages.id, [...ids])).run();
    },

    async listByIdentities(ticketIds, identityIds) {
      if (ticketIds.length === 0 || identityIds.length === 0) return [];
      return db
        .select({ id: messages.id, ticketId: messages.ticketId, identityId: sql<number>`${messages.identityId}` })
        .from(messages)
        .where(and(inArray(messages.ticketId, [...ticketIds]), inArray(messages.identityId, [...identityIds])))
        .orderBy(asc(messages.id))
        .all();
    },
  };
}
