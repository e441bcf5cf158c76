import { boolean, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { slaClockStates, slaMetrics } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { tickets } from './tickets.table.ts';

/** A ticket's SLA clocks (core's SlaClock): written by the SLA engine, read by the board and reports. */
export const slaClocks = pgTable(
  'sla_clocks',
  {
    ticketId: id('ticket_id')
      .notNull()
      .references(() => tickets.id),
    metric: text('metric', { enum: slaMetrics }).notNull(),
    policyId: id('policy_id'),
    targetSeconds: integer('target_seconds').notNull(),
    businessHours: boolean('business_hours').notNull(),
    state: text('state', { enum: slaClockStates }).notNull(),
    startedAt: instant('started_at').notNull(),
    dueAt: instant('due_at'),
    warnAt: instant('warn_at'),
    remainingSeconds: integer('remaining_seconds'),
    stoppedAt: instant('stopped_at'),
    warnedAt: instant('warned_at'),
    breachedAt: instant('breached_at'),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ticketId, t.metric] }),
    // The board's "about to breach" and the queue's countdowns: running clocks by due time.
    index('sla_clocks_state_due_idx').on(t.state, t.dueAt),
  ],
);
