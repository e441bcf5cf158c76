import { boolean, integer, pgTable, text } from 'drizzle-orm/pg-core';
import type { FactDefinition, LocalizedText } from '@keluh/core';
import { instant } from './instant.column.ts';
import { jsonb } from './jsonb.column.ts';

export const complaintCategories = pgTable('complaint_categories', {
  key: text('key').primaryKey(),
  label: jsonb<LocalizedText>('label').notNull(),
  facts: jsonb<FactDefinition[]>('facts').notNull(),
  position: integer('position').notNull().default(0),
  archived: boolean('archived').notNull().default(false),
  updatedAt: instant('updated_at').notNull(),
});
