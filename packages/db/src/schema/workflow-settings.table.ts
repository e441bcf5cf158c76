import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { WorkflowSettings } from '@keluh/core';

/** One document (id 1): absent until an admin saves settings, so the defaults apply until then. */
export const workflowSettings = sqliteTable('workflow_settings', {
  id: integer('id').primaryKey(),
  value: text('value', { mode: 'json' }).$type<WorkflowSettings>().notNull(),
  updatedAt: text('updated_at').notNull(),
});
