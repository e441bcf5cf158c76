import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { slaClockStates, slaMetrics } from '@keluh/core';
import { tickets } from './tickets.table.ts';

/** A ticket's SLA clocks (core's SlaClock): written by the SLA engine, read by the board and reports. */
export const slaClocks = sqliteTable(
  'sla_clocks',
  {
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id),
    metric: text('metric', { enum: slaMetrics }).notNull(),
    policyId: integer('policy_id'),
    targetSeconds: integer('target_seconds').notNull(),
    businessHours: integer('business_hours', { mode: 'boolean' }).notNull(),
    state: text('state', { enum: slaClockStates }).notNull(),
    startedAt: text('started_at').notNull(),
    dueAt: text('due_at'),
    warnAt: text('warn_at'),
    remainingSeconds: integer('remaining_seconds'),
    stoppedAt: text('stopped_at'),
    warnedAt: text('warned_at'),
    breachedAt: text('breached_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.ticketId, t.metric] }),
    // The board's "about to breach" and the queue's countdowns: running clocks by due time.
    index('sla_clocks_state_due_idx').on(t.state, t.dueAt),
  ],
);
