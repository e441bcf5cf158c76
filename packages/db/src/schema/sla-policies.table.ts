import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { channelKinds, customerTypes, ticketPriorities, type SlaEscalation } from '@keluh/core';
import { teams } from './teams.table.ts';

/** SLA targets per priority, optionally narrowed to a channel, a team and a customer type (core's SlaPolicy). */
export const slaPolicies = sqliteTable(
  'sla_policies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    priority: text('priority', { enum: ticketPriorities }).notNull(),
    channel: text('channel', { enum: channelKinds }),
    teamId: integer('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    customerType: text('customer_type', { enum: customerTypes }),
    firstResponseSeconds: integer('first_response_seconds'),
    nextResponseSeconds: integer('next_response_seconds'),
    resolutionSeconds: integer('resolution_seconds'),
    businessHours: integer('business_hours', { mode: 'boolean' }).notNull(),
    escalation: text('escalation', { mode: 'json' }).$type<SlaEscalation[]>().notNull().default([]),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('sla_policies_priority_idx').on(t.priority)],
);

