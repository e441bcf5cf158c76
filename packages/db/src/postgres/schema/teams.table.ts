import { pgTable, text } from 'drizzle-orm/pg-core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';

export const teams = pgTable('teams', {
  id: id('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull().unique(),
  createdAt: instant('created_at').notNull(),
});
