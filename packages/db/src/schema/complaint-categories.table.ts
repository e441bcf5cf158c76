import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { FactDefinition, LocalizedText } from '@keluh/core';

export const complaintCategories = sqliteTable('complaint_categories', {
  key: text('key').primaryKey(),
  label: text('label', { mode: 'json' }).$type<LocalizedText>().notNull(),
  facts: text('facts', { mode: 'json' }).$type<FactDefinition[]>().notNull(),
  position: integer('position').notNull().default(0),
  archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
  updatedAt: text('updated_at').notNull(),
});
