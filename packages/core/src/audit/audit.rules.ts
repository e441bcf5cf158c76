import type { NewAuditEntry } from '../ports/admin.port.ts';
import type { Repositories } from '../ports/repositories.ts';
import type { Instant } from '../shared/instant.ts';
import type { AuditAction, AuditEntry } from './audit.types.ts';

/** Field names whose values are credentials: whatever a caller passes, these never reach the log. */
const SECRET_NAME = /secret|token|password|apikey|api_key|accesskey|private/i;
export const AUDIT_REDACTED = '[redacted]';

/**
 * A second line of defence: callers record which settings changed, not their values, but a value that
 * slips into `data` under a secret-looking name is replaced before it is written.
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, SECRET_NAME.test(key) ? AUDIT_REDACTED : redactSecrets(inner)]));
}

export interface AuditRecord {
  action: AuditAction;
  actorUserId: number | null;
  target: string;
  data?: Record<string, unknown>;
}

/**
 * Writes the entry through the transaction of the action it describes: both commit or neither does, so
 * the log never claims a change that was rolled back nor misses one that happened.
 */
export function recordAudit(tx: Pick<Repositories, 'auditLog'>, record: AuditRecord, now: Instant): Promise<AuditEntry> {
  const entry: NewAuditEntry = { ...record, data: redactSecrets(record.data ?? {}) as Record<string, unknown>, at: now };
  return tx.auditLog.append(entry);
}

/** What changed between two flat records, as `{ field: { from, to } }`; the fields compared are the caller's. */
export function changesOf<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of fields) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changes[field] = { from: before[field], to: after[field] };
  }
  return changes;
}
