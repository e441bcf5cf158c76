import { index, pgTable, text } from 'drizzle-orm/pg-core';
import type { DomainEventType } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { jsonb } from './jsonb.column.ts';

/*
 * The event log. Ids come from an identity sequence, which never hands out a number twice, so "everything
 * after N" stays a correct replay question forever. The sequence alone is not commit-ordered — see the
 * events repository for how positions are made so.
 * No foreign keys: the log outlives whatever it describes.
 */
export const events = pgTable(
  'events',
  {
    id: id('id').primaryKey().generatedAlwaysAsIdentity(),
    type: text('type').$type<DomainEventType>().notNull(),
    ticketId: id('ticket_id'),
    customerId: id('customer_id'),
    /** The ticket's team and assignee when the event was written: who may see it (sockets, replay). */
    teamId: id('team_id'),
    assigneeId: id('assignee_id'),
    payload: jsonb<unknown>('payload').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('events_customer_idx').on(t.customerId, t.id)],
);
