import { and, asc, eq, gte, isNull, like, ne } from 'drizzle-orm';
import { AppError, type Message, type MessageRepository } from '@keluh/core';
import { messages } from '../schema/index.ts';
import { selectMessages } from './message.query.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createMessageRepository(db: SqliteDb): MessageRepository {
  const findById = (id: number): Message | null => selectMessages(db).where(eq(messages.id, id)).get() ?? null;

  return {
    async insertIfAbsent(input, now) {
      const inserted = db
        .insert(messages)
        .values({
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
          createdAt: now,
          updatedAt: now,
        })
        // The unique key, not a prior lookup, decides: two racing deliveries cannot both insert.
        .onConflictDoNothing({ target: [messages.channel, messages.externalId] })
        .returning({ id: messages.id })
        .get();
      return inserted ? findById(inserted.id) : null;
    },

    async findById(id) {
      return findById(id);
    },

    async findByExternalId(channel, externalId) {
      return selectMessages(db)
        .where(and(eq(messages.channel, channel), eq(messages.externalId, externalId)))
        .get() ?? null;
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

    async listWithPendingMedia(limit) {
      // The attachments column is JSON text; pending items carry this exact marker.
      return selectMessages(db)
        .where(like(messages.attachments, '%"state":"pending"%'))
        .orderBy(asc(messages.id))
        .limit(limit)
        .all();
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
  };
}
