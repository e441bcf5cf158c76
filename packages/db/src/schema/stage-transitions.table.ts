import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { ExitCriterion, WorkflowStage } from '@keluh/core';
import { tickets } from './tickets.table.ts';
import { users } from './users.table.ts';

export const stageTransitions = sqliteTable(
  'stage_transitions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ticketId: integer('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    fromStage: integer('from_stage').$type<WorkflowStage>().notNull(),
    toStage: integer('to_stage').$type<WorkflowStage>().notNull(),
    direction: text('direction', { enum: ['forward', 'back'] }).notNull(),
    byUserId: integer('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason'),
    override: integer('override', { mode: 'boolean' }).notNull().default(false),
    missing: text('missing', { mode: 'json' }).$type<ExitCriterion[]>().notNull(),
    dwellMs: integer('dwell_ms').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('stage_transitions_ticket_idx').on(t.ticketId, t.id)],
);
