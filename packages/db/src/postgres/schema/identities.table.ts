import { boolean, index, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { channelKinds } from '@keluh/core';
import { customers } from './customers.table.ts';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';

export const identities = pgTable(
  'identities',
  {
    id: id('id').primaryKey().generatedAlwaysAsIdentity(),
    customerId: id('customer_id')
      .notNull()
      .references(() => customers.id),
    channel: text('channel', { enum: channelKinds }).notNull(),
    externalId: text('external_id').notNull(),
    displayName: text('display_name'),
    verified: boolean('verified').notNull().default(false),
    lastInboundAt: instant('last_inbound_at'),
    unreachableAt: instant('unreachable_at'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    // One person per channel id: the key that lets two deliveries from the same sender find one customer.
    unique('identities_channel_external_id_uq').on(t.channel, t.externalId),
    index('identities_customer_idx').on(t.customerId),
  ],
);
