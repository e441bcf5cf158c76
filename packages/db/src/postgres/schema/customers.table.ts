import { pgTable, text, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { characteristicSources, customerCharacteristics, customerTypes, languages, type CharacteristicReason } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { jsonb } from './jsonb.column.ts';

export const customers = pgTable('customers', {
  id: id('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  type: text('type', { enum: customerTypes }).notNull().default('external'),
  characteristic: text('characteristic', { enum: customerCharacteristics }).notNull().default('new'),
  language: text('language', { enum: languages }).notNull().default('id'),
  /** `agent` once a person chose it: a suggestion never overwrites that (docs/customers.md §Profile). */
  characteristicSource: text('characteristic_source', { enum: characteristicSources }).notNull().default('suggested'),
  /** Why the rules suggested the characteristic (customers/characteristic.rules.ts); null when an agent chose it. */
  characteristicReason: jsonb<CharacteristicReason>('characteristic_reason'),
  email: text('email'),
  phone: text('phone'),
  /** Set while this customer is merged into another (docs/customers.md): kept, so an undo restores the same ids. */
  mergedIntoId: id('merged_into_id').references((): AnyPgColumn => customers.id),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
});
