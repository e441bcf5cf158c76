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
    /** E.164 (identity-keys.rules.ts), when the channel or the site gave a number; `verified` says whether it vouches for it. */
    phone: text('phone'),
    /** Trimmed and lower-cased. */
    email: text('email'),
    /** Instagram @username without the @, from the profile lookup. */
    username: text('username'),
    verified: integer('verified', { mode: 'boolean' }).notNull().default(false),
    lastInboundAt: text('last_inbound_at'),
    unreachableAt: text('unreachable_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    // One person per channel id: the key that lets two deliveries from the same sender find one customer.
    unique('identities_channel_external_id_uq').on(t.channel, t.externalId),
    index('identities_customer_idx').on(t.customerId),
    // A new identity's verified phone or email is looked up among the others to join its customer (docs/customers.md).
    index('identities_phone_idx').on(t.phone),
    index('identities_email_idx').on(t.email),
  ],
);
