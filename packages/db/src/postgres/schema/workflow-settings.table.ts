import { integer, pgTable } from 'drizzle-orm/pg-core';
import type { WorkflowSettings } from '@keluh/core';
import { instant } from './instant.column.ts';
import { jsonb } from './jsonb.column.ts';

/** One document (id 1): absent until an admin saves settings, so the defaults apply until then. */
export const workflowSettings = pgTable('workflow_settings', {
  id: integer('id').primaryKey(),
  value: jsonb<WorkflowSettings>('value').notNull(),
  updatedAt: instant('updated_at').notNull(),
});
