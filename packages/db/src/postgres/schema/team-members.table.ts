import { index, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { teams } from './teams.table.ts';
import { users } from './users.table.ts';

/** Who belongs to which team: the scope of what agents and supervisors see (docs/supervisors.md §Scope). */
export const teamMembers = pgTable(
  'team_members',
  {
    teamId: id('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: id('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: instant('created_at').notNull(),
    /** When automatic assignment last gave this member a ticket of this team: round robin's order. */
    lastAssignedAt: instant('last_assigned_at'),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user_idx').on(t.userId)],
);
