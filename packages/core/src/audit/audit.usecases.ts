import type { AuditQuery } from '../ports/admin.port.ts';
import type { CoreDeps } from '../shared/deps.ts';
import type { AuditEntry } from './audit.types.ts';

export const AUDIT_PAGE_MAX = 100;

export interface AuditPage {
  items: AuditEntry[];
  /** Pass as `before` for the next (older) page; null on the last one. */
  nextBefore: number | null;
}

/** Newest first, keyset-paged: a page never shifts when entries are appended while someone reads. */
export async function listAuditLog(deps: Pick<CoreDeps, 'db'>, query: Omit<AuditQuery, 'limit'> & { limit?: number }): Promise<AuditPage> {
  const limit = Math.min(Math.max(query.limit ?? 50, 1), AUDIT_PAGE_MAX);
  // One row more than asked tells whether an older page exists without a count.
  const rows = await deps.db.auditLog.list({ ...query, limit: limit + 1 });
  const items = rows.slice(0, limit);
  return { items, nextBefore: rows.length > limit ? items[items.length - 1]!.id : null };
}
