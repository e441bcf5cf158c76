import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { languages, userRoles } from '@keluh/core';
import { teams } from './teams.table.ts';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  // Stored lowercased so sign-in is case-insensitive while the unique index stays a plain one.
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: userRoles }).notNull(),
  passwordHash: text('password_hash').notNull(),
  language: text('language', { enum: languages }).notNull().default('id'),
  teamId: integer('team_id').references(() => teams.id, { onDelete: 'set null' }),
  createdAt: text('created_at').notNull(),
  /** Set by an admin; the row stays so tickets, notes and the audit log keep a name. */
  deactivatedAt: text('deactivated_at'),
});
