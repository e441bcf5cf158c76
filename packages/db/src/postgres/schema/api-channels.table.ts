import { pgTable, text } from 'drizzle-orm/pg-core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';

/**
 * API channel integrations. Ids come from an identity sequence, which never reuses a number: ids prefix
 * every identity and message key an integration creates, so a new channel must never inherit a deleted
 * one's id (and with it that channel's customers).
 */
export const apiChannels = pgTable('api_channels', {
  id: id('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  secret: text('secret').notNull(),
  webhookUrl: text('webhook_url').notNull(),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
});
