import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { languages, presenceStatuses, userRoles } from '@keluh/core';
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
  /** The status the user chose by hand; their effective presence also depends on their sockets. */
  presenceChoice: text('presence_choice', { enum: presenceStatuses }).notNull().default('online'),
  /** The effective status last announced (`presence.updated`), and since when; written with its event. */
  presenceStatus: text('presence_status', { enum: presenceStatuses }).notNull().default('offline'),
  presenceSince: text('presence_since'),
});
