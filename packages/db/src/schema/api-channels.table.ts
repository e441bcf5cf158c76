import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * API channel integrations. AUTOINCREMENT, not SQLite's default rowid reuse: ids prefix every identity
 * and message key an integration creates, so a new channel must never inherit a deleted one's id (and
 * with it that channel's customers).
 */
export const apiChannels = sqliteTable('api_channels', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  secret: text('secret').notNull(),
  webhookUrl: text('webhook_url').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});
