import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { channelKinds } from '@keluh/core';

/** One row per connected channel; settings hold credentials, so the API only ever returns them masked. */
export const channelConfigs = sqliteTable('channel_configs', {
  kind: text('kind', { enum: channelKinds }).primaryKey(),
  settings: text('settings', { mode: 'json' }).$type<Record<string, string>>().notNull(),
  status: text('status', { enum: ['active', 'reconnect_needed'] }).notNull().default('active'),
  statusReason: text('status_reason'),
  updatedAt: text('updated_at').notNull(),
});
