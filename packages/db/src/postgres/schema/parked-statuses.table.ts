import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { channelKinds } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { jsonb } from './jsonb.column.ts';

/** Delivery statuses that arrived before the send they describe was stored (channels.md §2.5). */
export const parkedStatuses = pgTable(
  'parked_statuses',
  {
    id: id('id').primaryKey().generatedAlwaysAsIdentity(),
    channel: text('channel', { enum: channelKinds }).notNull(),
    externalId: text('external_id').notNull(),
    status: text('status', { enum: ['sent', 'delivered', 'read', 'failed'] }).notNull(),
    at: instant('at').notNull(),
    error: jsonb<{ code: string; reason: string }>('error'),
    receivedAt: instant('received_at').notNull(),
  },
  (t) => [index('parked_statuses_key_idx').on(t.channel, t.externalId), index('parked_statuses_received_idx').on(t.receivedAt)],
);
