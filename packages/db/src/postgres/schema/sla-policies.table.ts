import { boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { channelKinds, customerTypes, ticketPriorities, type SlaEscalation } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { jsonb } from './jsonb.column.ts';
import { teams } from './teams.table.ts';

/** SLA targets per priority, optionally narrowed to a channel, a team and a customer type (core's SlaPolicy). */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: id('id').primaryKey().generatedAlwaysAsIdentity(),
    priority: text('priority', { enum: ticketPriorities }).notNull(),
    channel: text('channel', { enum: channelKinds }),
    teamId: id('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    customerType: text('customer_type', { enum: customerTypes }),
    firstResponseSeconds: integer('first_response_seconds'),
    nextResponseSeconds: integer('next_response_seconds'),
    resolutionSeconds: integer('resolution_seconds'),
    businessHours: boolean('business_hours').notNull(),
    escalation: jsonb<SlaEscalation[]>('escalation').notNull().default([]),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [index('sla_policies_priority_idx').on(t.priority)],
);
