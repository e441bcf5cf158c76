import { boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import type { ExitCriterion, WorkflowStage } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { jsonb } from './jsonb.column.ts';
import { tickets } from './tickets.table.ts';
import { users } from './users.table.ts';

export const stageTransitions = pgTable(
  'stage_transitions',
  {
    id: id('id').primaryKey().generatedAlwaysAsIdentity(),
    ticketId: id('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    fromStage: integer('from_stage').$type<WorkflowStage>().notNull(),
    toStage: integer('to_stage').$type<WorkflowStage>().notNull(),
    direction: text('direction', { enum: ['forward', 'back'] }).notNull(),
    byUserId: id('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason'),
    override: boolean('override').notNull().default(false),
    missing: jsonb<ExitCriterion[]>('missing').notNull(),
    // bigint: a ticket left for weeks dwells past 2^31 ms.
    dwellMs: id('dwell_ms').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [index('stage_transitions_ticket_idx').on(t.ticketId, t.id)],
);
