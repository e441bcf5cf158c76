import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Holiday } from '@keluh/core';

/** A named set of holidays the admin edits (the shipped "Indonesia 2026", a company's own days …). */
export const holidayLists = sqliteTable('holiday_lists', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  holidays: text('holidays', { mode: 'json' }).$type<Holiday[]>().notNull().default([]),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});
