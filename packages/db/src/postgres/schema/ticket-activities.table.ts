import { index, pgTable, text } from 'drizzle-orm/pg-core';
import type { TicketActivity } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { jsonb } from './jsonb.column.ts';
import { tickets } from './tickets.table.ts';
import { users } from './users.table.ts';

export const ticketActivities = pgTable(
  'ticket_activities',
  {
    id: id('id').primaryKey().generatedAlwaysAsIdentity(),
    ticketId: id('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    actorUserId: id('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind').$type<TicketActivity['kind']>().notNull(),
    data: jsonb<TicketActivity['data']>('data').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [index('ticket_activities_ticket_idx').on(t.ticketId, t.id)],
);
