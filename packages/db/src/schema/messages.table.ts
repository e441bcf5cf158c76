import { index, integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { channelKinds, type DeliveryStatus, type EmotionReading, type MessageChoices, type MessageAttachment, type MessageReaction, type MessageTemplate } from '@keluh/core';
import { identities } from './identities.table.ts';
import { tickets } from './tickets.table.ts';
import { users } from './users.table.ts';

const deliveryStatuses = ['received', 'queued', 'sent', 'delivered', 'read', 'failed'] as const satisfies readonly DeliveryStatus[];

export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    authorKind: text('author_kind', { enum: ['customer', 'agent', 'system'] }).notNull(),
    authorUserId: integer('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    channel: text('channel', { enum: channelKinds }).notNull(),
    /** The identity the message came through or was sent to: an unmerge sends it back with that identity. */
    identityId: integer('identity_id').references(() => identities.id),
    externalId: text('external_id'),
    body: text('body').notNull(),
    attachments: text('attachments', { mode: 'json' }).$type<MessageAttachment[]>().notNull().default([]),
    status: text('status', { enum: deliveryStatuses }).notNull(),
    error: text('error', { mode: 'json' }).$type<{ code: string; reason: string }>(),
    via: text('via', { enum: ['instagram_app', 'whatsapp_business_app'] }),
    replyToExternalId: text('reply_to_external_id'),
    context: text('context', { mode: 'json' }).$type<Record<string, unknown>>(),
    placeholder: text('placeholder', { enum: ['unsupported', 'unavailable'] }),
    template: text('template', { mode: 'json' }).$type<MessageTemplate>(),
    choices: text('choices', { mode: 'json' }).$type<MessageChoices>(),
    editCount: integer('edit_count').notNull().default(0),
    editedAt: text('edited_at'),
    deletedAt: text('deleted_at'),
    reactions: text('reactions', { mode: 'json' }).$type<MessageReaction[]>().notNull().default([]),
    emotion: text('emotion', { mode: 'json' }).$type<EmotionReading>(),
    /** Sent by the system, a rule or a bot, not typed by a person: it never stops a response clock. */
    automated: integer('automated', { mode: 'boolean' }).notNull().default(false),
    sentAt: text('sent_at').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // The idempotency key for redeliveries. SQLite treats NULLs as distinct, so queued outbound
    // messages (no channel id yet) never collide with each other.
    unique('messages_channel_external_id_uq').on(t.channel, t.externalId),
    index('messages_ticket_timeline_idx').on(t.ticketId, t.sentAt, t.id),
    // The board's volume per channel per hour: the last hours of messages without scanning the rest.
    index('messages_created_idx').on(t.createdAt),
    index('messages_identity_idx').on(t.identityId),
  ],
);
