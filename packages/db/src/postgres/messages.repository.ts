import { and, asc, desc, eq, gte, inArray, isNull, ne, sql } from 'drizzle-orm';
import { AppError, type Message, type MessageRepository } from '@keluh/core';
import { channelIdKey, lockExternalId, lockExternalIds } from './advisory-locks.ts';
import { messages, users } from './schema/index.ts';
import { selectMessages } from './message.query.ts';
import { prepared, type PgDb } from './pg-db.ts';

/*
 * Inside a transaction, looking a message up by its channel id holds that id until the transaction ends
 * (an advisory lock taken before the read). Core decides on such a lookup — "no message has this id yet,
 * so park the status" (case 17), "so this echo is a new message" — while another transaction may be
 * giving a message exactly that id, uncommitted and so invisible under READ COMMITTED. The send's
 * settlement looks the id up too before it stores it and takes the parked statuses, so the two run one
 * after the other per id: either the status sees the stored id, or the settlement sees the parked
 * status. SQLite's single writer gives the same for free.
 */
export function createMessageRepository(db: PgDb, options: { inTransaction: boolean; heldChannelIds: Set<string> }): MessageRepository {
  const held = options.heldChannelIds;
  const byId = prepared(() => selectMessages(db).where(eq(messages.id, sql.placeholder('id'))).prepare('messages_by_id'));
  const byExternalId = prepared(() =>
    selectMessages(db)
      .where(and(eq(messages.channel, sql.placeholder('channel')), eq(messages.externalId, sql.placeholder('externalId'))))
      .prepare('messages_by_external_id'),
  );
  const forTicket = prepared(() =>
    selectMessages(db)
      .where(eq(messages.ticketId, sql.placeholder('ticketId')))
      .orderBy(asc(messages.sentAt), asc(messages.id))
      .prepare('messages_for_ticket'),
  );
  const userName = prepared(() => db.select({ name: users.name }).from(users).where(eq(users.id, sql.placeholder('id'))).prepare('messages_author_name'));
  const insert = prepared(() =>
    db
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
        emotion: sql.placeholder('emotion'),
        choices: sql.placeholder('choices'),
        automated: sql.placeholder('automated'),
        identityId: sql.placeholder('identityId'),
        createdAt: sql.placeholder('now'),
        updatedAt: sql.placeholder('now'),
      })
      // The unique key, not a prior lookup, decides: two racing deliveries cannot both insert (the second
      // waits for the first and, once it commits, inserts nothing).
      .onConflictDoNothing({ target: [messages.channel, messages.externalId] })
      .returning()
      .prepare('messages_insert'),
  );
  const findById = async (id: number): Promise<Message | null> => (await byId().execute({ id }))[0] ?? null;

  return {
    async insertIfAbsent(input, now) {
      const [row] = await insert().execute({
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
        now,
      });
      if (!row) return null;
      // Customer and system messages carry no author name (see selectMessages).
      const authorName = row.authorKind === 'agent' && row.authorUserId !== null ? ((await userName().execute({ id: row.authorUserId }))[0]?.name ?? null) : null;
      return { ...row, authorName };
    },

    findById,

    async findByExternalId(channel, externalId) {
      if (options.inTransaction && !held.has(channelIdKey(channel, externalId))) {
        await lockExternalId(db, channel, externalId);
        held.add(channelIdKey(channel, externalId));
      }
      const [row] = await byExternalId().execute({ channel, externalId });
      return row ?? null;
    },

    async listForTicket(ticketId) {
      return forTicket().execute({ ticketId });
    },

    async listClockInputs(ticketId) {
      return db
        .select({ direction: messages.direction, authorKind: messages.authorKind, automated: messages.automated, status: messages.status, createdAt: messages.createdAt })
        .from(messages)
        .where(eq(messages.ticketId, ticketId))
        .orderBy(asc(messages.id));
    },

    async latestAgentReplyAt(ticketId) {
      // Newest first along the (ticket, sentAt) timeline index: the scan stops at the first agent reply.
      const [row] = await db.select({ at: messages.sentAt }).from(messages).where(and(eq(messages.ticketId, ticketId), eq(messages.direction, 'out'), eq(messages.authorKind, 'agent'), ne(messages.status, 'failed'))).orderBy(desc(messages.sentAt), desc(messages.id)).limit(1);
      return row?.at ?? null;
    },

    async update(id, patch, now) {
      const [changed] = await db.update(messages).set({ ...patch, updatedAt: now }).where(eq(messages.id, id)).returning({ id: messages.id });
      const message = changed ? await findById(changed.id) : null;
      if (!message) throw new AppError('message.not_found', `Message ${id} does not exist`);
      return message;
    },

    async holdChannelIds(ids) {
      if (!options.inTransaction) return;
      const wanted = ids.filter((id) => !held.has(channelIdKey(id.channel, id.externalId)));
      await lockExternalIds(db, wanted);
      for (const id of wanted) held.add(channelIdKey(id.channel, id.externalId));
    },

    async findUnconfirmedOutbound(ticketId, channel, body, since) {
      const [row] = await selectMessages(db)
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
        .limit(1);
      return row ?? null;
    },

    async moveToTicket(ids, ticketId) {
      if (ids.length === 0) return;
      await db.update(messages).set({ ticketId }).where(inArray(messages.id, [...ids]));
    },

    async listByIdentities(ticketIds, identityIds) {
      if (ticketIds.length === 0 || identityIds.length === 0) return [];
      return db
        .select({ id: messages.id, ticketId: messages.ticketId, identityId: sql<number>`${messages.identityId}` })
        .from(messages)
        .where(and(inArray(messages.ticketId, [...ticketIds]), inArray(messages.identityId, [...identityIds])))
        .orderBy(asc(messages.id));
    },
  };
}
