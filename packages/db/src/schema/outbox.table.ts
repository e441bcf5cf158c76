import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { channelKinds } from '@keluh/core';
import { messages } from './messages.table.ts';

export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // One row per message: a message leaves through its channel at most once.
    messageId: integer('message_id')
      .notNull()
      .unique()
      .references(() => messages.id),
    channel: text('channel', { enum: channelKinds }).notNull(),
    state: text('state', { enum: ['pending', 'done', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    availableAt: text('available_at').notNull(),
    lastError: text('last_error'),
    // Who is sending this row right now, and until when (core's Lease): claims skip live leases.
    leaseOwner: text('lease_owner'),
    leaseUntil: text('lease_until'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('outbox_due_idx').on(t.state, t.availableAt)],
);
