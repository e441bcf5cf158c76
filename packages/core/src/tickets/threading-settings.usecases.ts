import { recordAudit } from '../audit/audit.rules.ts';
import type { Repositories } from '../ports/repositories.ts';
import { commit, type CoreDeps } from '../shared/deps.ts';
import { AppError } from '../shared/errors.ts';
import { defaultReopenDays, isValidReopenDays, maxReopenDays } from './reopen.rules.ts';

export const REOPEN_DAYS_KEY = 'tickets.reopen_days';

export interface ThreadingSettings {
  /** A customer message within this many days of a ticket's resolution reopens it; later, a new linked ticket. */
  reopenDays: number;
}

export async function getThreadingSettings(db: Pick<Repositories, 'settings'>): Promise<ThreadingSettings> {
  const stored = await db.settings.get(REOPEN_DAYS_KEY);
  const days = stored === null ? defaultReopenDays : Number(stored);
  return { reopenDays: isValidReopenDays(days) ? days : defaultReopenDays };
}

/** The change and its audit entry commit together; an out-of-range value stores nothing. */
export async function saveThreadingSettings(deps: CoreDeps, settings: ThreadingSettings, actorUserId: number | null = null): Promise<ThreadingSettings> {
  if (!isValidReopenDays(settings.reopenDays)) {
    throw new AppError('validation.failed', `reopenDays must be a whole number from 0 to ${maxReopenDays}`, { issues: [{ path: 'body.reopenDays', message: 'Out of range' }] });
  }
  return commit(deps, async (tx) => {
    const before = await getThreadingSettings(tx);
    await tx.settings.set(REOPEN_DAYS_KEY, String(settings.reopenDays));
    if (before.reopenDays !== settings.reopenDays) {
      await recordAudit(tx, { action: 'settings.changed', actorUserId, target: 'settings:threading', data: { reopenDays: { from: before.reopenDays, to: settings.reopenDays } } }, deps.clock.now());
    }
    return getThreadingSettings(tx);
  });
}
