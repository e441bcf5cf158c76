import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { TicketActivity } from '@keluh/core';
import { tickets } from './tickets.table.ts';
import { users } from './users.table.ts';

export const ticketActivities = sqliteTable(
  'ticket_activities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').$type<TicketActivity['kind']>().notNull(),
    data: text('data', { mode: 'json' }).$type<TicketActivity['data']>().notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('ticket_activities_ticket_idx').on(t.ticketId, t.id)],
);
