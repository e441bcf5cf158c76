import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { channelKinds, customerCharacteristics, customerTypes, slaMetrics } from '@keluh/core';

/** The last event folded into the rollups: one row, locked by each fold for its transaction. */
export const reportFoldCursor = sqliteTable('report_fold_cursor', {
  name: text('name').primaryKey(),
  lastEventId: integer('last_event_id').notNull(),
});

/** What the fold remembers per ticket (core's ReportTicketState). */
export const reportTicketStates = sqliteTable('report_ticket_states', {
  ticketId: integer('ticket_id').primaryKey(),
  teamId: integer('team_id'),
  channel: text('channel', { enum: channelKinds }).notNull(),
  agentId: integer('agent_id'),
  customerType: text('customer_type', { enum: customerTypes }),
  characteristic: text('characteristic', { enum: customerCharacteristics }),
  awaitingSince: text('awaiting_since'),
  firstRepliedAt: text('first_replied_at'),
});

/** Clock outcomes already counted: every later `sla.updated` repeats a final clock, and it counts once. */
export const reportSlaOutcomes = sqliteTable(
  'report_sla_outcomes',
  {
    ticketId: integer('ticket_id').notNull(),
    metric: text('metric', { enum: slaMetrics }).notNull(),
    clockStartedAt: text('clock_started_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.metric, t.clockStartedAt] })],
);
