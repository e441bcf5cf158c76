import { index, integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';
import { channelKinds } from '@keluh/core';
import { customers } from './customers.table.ts';

export const identities = sqliteTable(
  'identities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    channel: text('channel', { enum: channelKinds }).notNull(),
    externalId: text('external_id').notNull(),
    displayName: text('display_name'),
    verified: integer('verified', { mode: 'boolean' }).notNull().default(false),
    lastInboundAt: text('last_inbound_at'),
    unreachableAt: text('unreachable_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    // One person per channel id: the key that lets two deliveries from the same sender find one customer.
    unique('identities_channel_external_id_uq').on(t.channel, t.externalId),
    index('identities_customer_idx').on(t.customerId),
  ],
);
