import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { faults, type WorkflowStage } from '@keluh/core';
import { tickets } from './tickets.table.ts';

/** One row per ticket, made lazily (`ensure`); the stage is mirrored on tickets.stage for the list. */
export const ticketWorkflows = sqliteTable(
  'ticket_workflows',
  {
    ticketId: integer('ticket_id')
      .primaryKey()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    complaint: integer('complaint', { mode: 'boolean' }).notNull().default(true),
    notComplaintReason: text('not_complaint_reason'),
    stage: integer('stage').$type<WorkflowStage>().notNull().default(1),
    stageEnteredAt: text('stage_entered_at').notNull(),
    category: text('category'),
    fault: text('fault', { enum: faults }),
    rootCause: text('root_cause'),
    rootCauseNote: text('root_cause_note'),
    solution: text('solution'),
    linkedCaseId: integer('linked_case_id'),
    stuckNudgedAt: text('stuck_nudged_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // The stuck scan: per stage, tickets that entered it before a cut-off.
    index('ticket_workflows_stuck_idx').on(t.stage, t.stageEnteredAt),
  ],
);
