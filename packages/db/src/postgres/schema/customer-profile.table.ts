import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { customerAttributeTypes, type CustomerAttributeValue } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { jsonb } from './jsonb.column.ts';
import { customers } from './customers.table.ts';
import { users } from './users.table.ts';

export const customerNotes = pgTable(
  'customer_notes',
  {
    id: id('id').primaryKey().generatedAlwaysAsIdentity(),
    customerId: id('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    authorUserId: id('author_user_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('customer_notes_customer_idx').on(t.customerId, t.id)],
);

export const customerAttributeDefs = pgTable('customer_attribute_defs', {
  key: text('key').primaryKey(),
  label: text('label').notNull(),
  type: text('type', { enum: customerAttributeTypes }).notNull(),
  choices: jsonb<string[]>('choices').notNull().default([]),
  position: integer('position').notNull().default(0),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

export const customerAttributes = pgTable(
  'customer_attributes',
  {
    customerId: id('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    key: text('key')
      .notNull()
      .references(() => customerAttributeDefs.key, { onDelete: 'cascade' }),
    value: jsonb<CustomerAttributeValue>('value').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.key] })],
);
