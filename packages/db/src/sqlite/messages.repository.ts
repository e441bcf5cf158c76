import { and, asc, eq, gte, isNull, ne, sql } from 'drizzle-orm';
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
  const insert = db
    .insert(messages)
    .values({
      ticketId: sql.placeholder('ticketId'),
      direction: sql.placeholder('direction'),
      authorKind: sql.placeholder('authorKind'),
      authorUserId: sql.placeholder('authorUserId'),
      channel: sql.placeholder('channel'),
      externalId: sql.placeholder('externalId'),
      body: sql.placeholder('body'),
      attachments: sql.placeholder('attachments'),
      status: sql.placeholder('status'),
      sentAt: sql.placeholder('sentAt'),
      via: sql.placeholder('via'),
      replyToExternalId: sql.placeholder('replyToExternalId'),
      context: sql.placeholder('context'),
      placeholder: sql.placeholder('placeholder'),
      template: sql.placeholder('template'),
      createdAt: sql.placeholder('now'),
      updatedAt: sql.placeholder('now'),
    })
    // The unique key, not a prior lookup, decides: two racing deliveries cannot both insert.
    .onConflictDoNothing({ target: [messages.channel, messages.externalId] })
    .returning()
    .prepare();
  const findById = (id: number): Message | null => byId.get({ id }) ?? null;

  return {
    async insertIfAbsent(input, now) {
      const row = insert.get({
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
        now,
      });
      if (!row) return null;
      // Customer and system messages carry no author name (see selectMessages).
      const authorName = row.authorKind === 'agent' && row.authorUserId !== null ? (userName.get({ id: row.authorUserId })?.name ?? null) : null;
      return { ...row, authorName };
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
  };
}
