import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { channelKinds } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { messages } from './messages.table.ts';

export const outbox = pgTable(
  'outbox',
  {
    id: id('id').primaryKey().generatedAlwaysAsIdentity(),
    // One row per message: a message leaves through its channel at most once.
    messageId: id('message_id')
      .notNull()
      .unique()
      .references(() => messages.id),
    channel: text('channel', { enum: channelKinds }).notNull(),
    state: text('state', { enum: ['pending', 'done', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    availableAt: instant('available_at').notNull(),
    lastError: text('last_error'),
    // Who is sending this row right now, and until when (core's Lease): claims skip live leases.
    leaseOwner: text('lease_owner'),
    leaseUntil: instant('lease_until'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('outbox_due_idx').on(t.state, t.availableAt)],
);
