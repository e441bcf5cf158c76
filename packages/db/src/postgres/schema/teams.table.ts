import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './instant.column.ts';

export const teams = pgTable('teams', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull().unique(),
  createdAt: instant('created_at').notNull(),
});
