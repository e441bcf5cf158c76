import { index, pgTable, text } from 'drizzle-orm/pg-core';
import type { AuditAction } from '@keluh/core';
import { id } from './id.column.ts';
import { instant } from './instant.column.ts';
import { jsonb } from './jsonb.column.ts';
import { users } from './users.table.ts';

/** Sensitive actions, append-only (docs/supervisors.md §Audit); read newest first by id. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id('id').primaryKey().generatedAlwaysAsIdentity(),
    action: text('action').$type<AuditAction>().notNull(),
    actorUserId: id('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    target: text('target').notNull(),
    data: jsonb<Record<string, unknown>>('data').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [index('audit_log_action_idx').on(t.action, t.id), index('audit_log_actor_idx').on(t.actorUserId, t.id)],
);
