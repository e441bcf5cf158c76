import { integer, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { characteristicSources, customerCharacteristics, customerTypes, languages, type CharacteristicReason } from '@keluh/core';

export const customers = sqliteTable('customers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  type: text('type', { enum: customerTypes }).notNull().default('external'),
  characteristic: text('characteristic', { enum: customerCharacteristics }).notNull().default('new'),
  language: text('language', { enum: languages }).notNull().default('id'),
  /** `agent` once a person chose it: a suggestion never overwrites that (docs/customers.md §Profile). */
  characteristicSource: text('characteristic_source', { enum: characteristicSources }).notNull().default('suggested'),
  /** Why the rules suggested the characteristic (customers/characteristic.rules.ts); null when an agent chose it. */
  characteristicReason: text('characteristic_reason', { mode: 'json' }).$type<CharacteristicReason>(),
  email: text('email'),
  phone: text('phone'),
  /** Set while this customer is merged into another (docs/customers.md): kept, so an undo restores the same ids. */
  mergedIntoId: integer('merged_into_id').references((): AnySQLiteColumn => customers.id),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});
