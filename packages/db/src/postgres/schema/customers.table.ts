import { pgTable, text } from 'drizzle-orm/pg-core';
import { customerCharacteristics, customerTypes, languages } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';

export const customers = pgTable('customers', {
  id: id('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  type: text('type', { enum: customerTypes }).notNull().default('external'),
  characteristic: text('characteristic', { enum: customerCharacteristics }).notNull().default('new'),
  language: text('language', { enum: languages }).notNull().default('id'),
  email: text('email'),
  phone: text('phone'),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
});
