import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { teams } from './teams.table.ts';
import { users } from './users.table.ts';

/** Who belongs to which team: the scope of what agents and supervisors see (docs/supervisors.md §Scope). */
export const teamMembers = sqliteTable(
  'team_members',
  {
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    /** When automatic assignment last gave this member a ticket of this team: round robin's order. */
    lastAssignedAt: text('last_assigned_at'),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user_idx').on(t.userId)],
);
