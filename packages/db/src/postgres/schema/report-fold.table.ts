import { pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { channelKinds, customerCharacteristics, customerTypes, slaMetrics } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';

export const reportFoldCursor = pgTable('report_fold_cursor', {
  name: text('name').primaryKey(),
  lastEventId: id('last_event_id').notNull(),
});

export const reportTicketStates = pgTable('report_ticket_states', {
  ticketId: id('ticket_id').primaryKey(),
  teamId: id('team_id'),
  channel: text('channel', { enum: channelKinds }).notNull(),
  agentId: id('agent_id'),
  customerType: text('customer_type', { enum: customerTypes }),
  characteristic: text('characteristic', { enum: customerCharacteristics }),
  awaitingSince: instant('awaiting_since'),
  firstRepliedAt: instant('first_replied_at'),
});

/** A key, not a time anyone computes with: the clock's startedAt exactly as the event carried it. */
export const reportSlaOutcomes = pgTable(
  'report_sla_outcomes',
  {
    ticketId: id('ticket_id').notNull(),
    metric: text('metric', { enum: slaMetrics }).notNull(),
    clockStartedAt: text('clock_started_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.metric, t.clockStartedAt] })],
);
