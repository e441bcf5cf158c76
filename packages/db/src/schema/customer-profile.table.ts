import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { customerAttributeTypes, type CustomerAttributeValue } from '@keluh/core';
import { customers } from './customers.table.ts';
import { users } from './users.table.ts';

export const customerNotes = sqliteTable(
  'customer_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    authorUserId: integer('author_user_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('customer_notes_customer_idx').on(t.customerId, t.id)],
);

export const customerAttributeDefs = sqliteTable('customer_attribute_defs', {
  key: text('key').primaryKey(),
  label: text('label').notNull(),
  type: text('type', { enum: customerAttributeTypes }).notNull(),
  choices: text('choices', { mode: 'json' }).$type<string[]>().notNull().default([]),
  position: integer('position').notNull().default(0),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const customerAttributes = sqliteTable(
  'customer_attributes',
  {
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    key: text('key')
      .notNull()
      .references(() => customerAttributeDefs.key, { onDelete: 'cascade' }),
    value: text('value', { mode: 'json' }).$type<CustomerAttributeValue>().notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.key] })],
);
