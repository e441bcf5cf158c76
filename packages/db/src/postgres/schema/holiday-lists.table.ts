import { pgTable, text } from 'drizzle-orm/pg-core';
import type { Holiday } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { jsonb } from './jsonb.column.ts';

/** A named set of holidays the admin edits (the shipped "Indonesia 2026", a company's own days …). */
export const holidayLists = pgTable('holiday_lists', {
  id: id('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull().unique(),
  holidays: jsonb<Holiday[]>('holidays').notNull().default([]),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
});
