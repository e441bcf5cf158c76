import { boolean, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { channelKinds, type DeliveryStatus, type EmotionReading, type MessageChoices, type MessageAttachment, type MessageReaction, type MessageTemplate } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { jsonb } from './jsonb.column.ts';
import { identities } from './identities.table.ts';
import { tickets } from './tickets.table.ts';
import { users } from './users.table.ts';

const deliveryStatuses = ['received', 'queued', 'sent', 'delivered', 'read', 'failed'] as const satisfies readonly DeliveryStatus[];

export const messages = pgTable(
  'messages',
  {
    id: id('id').primaryKey().generatedAlwaysAsIdentity(),
    ticketId: id('ticket_id')
      .notNull()
      .references(() => tickets.id),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    authorKind: text('author_kind', { enum: ['customer', 'agent', 'system'] }).notNull(),
    authorUserId: id('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    channel: text('channel', { enum: channelKinds }).notNull(),
    /** The identity the message came through or was sent to: an unmerge sends it back with that identity. */
    identityId: id('identity_id').references(() => identities.id),
    externalId: text('external_id'),
    body: text('body').notNull(),
    attachments: jsonb<MessageAttachment[]>('attachments').notNull().default([]),
    status: text('status', { enum: deliveryStatuses }).notNull(),
    error: jsonb<{ code: string; reason: string }>('error'),
    via: text('via', { enum: ['instagram_app', 'whatsapp_business_app'] }),
    replyToExternalId: text('reply_to_external_id'),
    context: jsonb<Record<string, unknown>>('context'),
    placeholder: text('placeholder', { enum: ['unsupported', 'unavailable'] }),
    template: jsonb<MessageTemplate>('template'),
    choices: jsonb<MessageChoices>('choices'),
    editCount: integer('edit_count').notNull().default(0),
    editedAt: instant('edited_at'),
    deletedAt: instant('deleted_at'),
    reactions: jsonb<MessageReaction[]>('reactions').notNull().default([]),
    emotion: jsonb<EmotionReading>('emotion'),
    /** Sent by the system, a rule or a bot, not typed by a person: it never stops a response clock. */
    automated: boolean('automated').notNull().default(false),
    sentAt: instant('sent_at').notNull(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    /*
     * The search port's generated `search` tsvector column and its GIN index live in the custom migration
     * 0009_search_index.sql: the SQLite schema has no such column (FTS5 there), and the two must stay in parity.
     */
  },
  (t) => [
    // The idempotency key for redeliveries. PostgreSQL treats NULLs as distinct (NULLS DISTINCT, the
    // default), so queued outbound messages (no channel id yet) never collide with each other.
    unique('messages_channel_external_id_uq').on(t.channel, t.externalId),
    index('messages_ticket_timeline_idx').on(t.ticketId, t.sentAt, t.id),
    // The board's volume per channel per hour: the last hours of messages without scanning the rest.
    index('messages_created_idx').on(t.createdAt),
    index('messages_identity_idx').on(t.identityId),
  ],
);
