import { boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { faults, type WorkflowStage } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { tickets } from './tickets.table.ts';

/** One row per ticket, made lazily (`ensure`); the stage is mirrored on tickets.stage for the list. */
export const ticketWorkflows = pgTable(
  'ticket_workflows',
  {
    ticketId: id('ticket_id')
      .primaryKey()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    complaint: boolean('complaint').notNull().default(true),
    notComplaintReason: text('not_complaint_reason'),
    stage: integer('stage').$type<WorkflowStage>().notNull().default(1),
    stageEnteredAt: instant('stage_entered_at').notNull(),
    category: text('category'),
    fault: text('fault', { enum: faults }),
    rootCause: text('root_cause'),
    rootCauseNote: text('root_cause_note'),
    solution: text('solution'),
    linkedCaseId: id('linked_case_id'),
    stuckNudgedAt: instant('stuck_nudged_at'),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    // The stuck scan: per stage, tickets that entered it before a cut-off.
    index('ticket_workflows_stuck_idx').on(t.stage, t.stageEnteredAt),
  ],
);
