import type { Instant } from '../shared/instant.ts';

/** Sensitive actions an admin can review later (docs/supervisors.md §Audit). Append-only. */
export const auditActions = [
  'user.invited',
  'user.role_changed',
  'user.teams_changed',
  'user.capacity_changed',
  'user.deactivated',
  'team.created',
  'team.updated',
  'settings.changed',
  'sla.policy_changed',
  'sla.calendar_changed',
  'channel.configured',
  'secret.rotated',
  'report.exported',
  'customer.merged',
  'customer.unmerged',
  'customer.profile_changed',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditEntry {
  id: number;
  action: AuditAction;
  actorUserId: number | null;
  /** What was acted on, e.g. `user:12`, `team:3`, `settings:workflow`. */
  target: string;
  /** Before/after or parameters; never a secret value. */
  data: Record<string, unknown>;
  at: Instant;
}
