import { pgTable, text } from 'drizzle-orm/pg-core';
import { channelKinds } from '@keluh/core';
import { instant } from './instant.column.ts';
import { jsonb } from './jsonb.column.ts';

/** One row per connected channel; settings hold credentials, so the API only ever returns them masked. */
export const channelConfigs = pgTable('channel_configs', {
  kind: text('kind', { enum: channelKinds }).primaryKey(),
  settings: jsonb<Record<string, string>>('settings').notNull(),
  status: text('status', { enum: ['active', 'reconnect_needed'] }).notNull().default('active'),
  statusReason: text('status_reason'),
  updatedAt: instant('updated_at').notNull(),
});
