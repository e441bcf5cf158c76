import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { channelKinds } from '@keluh/core';

/** Delivery statuses that arrived before the send they describe was stored (channels.md §2.5). */
export const parkedStatuses = sqliteTable(
  'parked_statuses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channel: text('channel', { enum: channelKinds }).notNull(),
    externalId: text('external_id').notNull(),
    status: text('status', { enum: ['sent', 'delivered', 'read', 'failed'] }).notNull(),
    at: text('at').notNull(),
    error: text('error', { mode: 'json' }).$type<{ code: string; reason: string }>(),
    receivedAt: text('received_at').notNull(),
  },
  (t) => [index('parked_statuses_key_idx').on(t.channel, t.externalId), index('parked_statuses_received_idx').on(t.receivedAt)],
);
