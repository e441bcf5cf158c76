import { integer, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { customerCharacteristics, customerTypes, languages } from '@keluh/core';

export const customers = sqliteTable('customers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  type: text('type', { enum: customerTypes }).notNull().default('external'),
  characteristic: text('characteristic', { enum: customerCharacteristics }).notNull().default('new'),
  language: text('language', { enum: languages }).notNull().default('id'),
  email: text('email'),
  phone: text('phone'),
  /** Set while this customer is merged into another (docs/customers.md): kept, so an undo restores the same ids. */
  mergedIntoId: integer('merged_into_id').references((): AnySQLiteColumn => customers.id),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});
