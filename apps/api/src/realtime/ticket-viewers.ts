import type { TicketViewer } from '@keluh/contracts';

/** What one socket (a tab) says about one ticket: who, since when, typing or not. */
export type WatchEntry = TicketViewer;

/**
 * One viewer per person, however many tabs or processes they have the ticket open in: typing in any
 * tab counts, and they have been viewing since their earliest tab. Earliest viewer first, so the avatars
 * keep their places as others come and go.
 */
export function foldViewers(entries: readonly WatchEntry[]): TicketViewer[] {
  const byUser = new Map<number, TicketViewer>();
  for (const entry of entries) {
    const seen = byUser.get(entry.userId);
    if (!seen) {
      byUser.set(entry.userId, { ...entry });
      continue;
    }
    seen.typing ||= entry.typing;
    if (entry.since < seen.since) seen.since = entry.since;
  }
  return [...byUser.values()].sort((a, b) => (a.since === b.since ? a.userId - b.userId : a.since < b.since ? -1 : 1));
}

/** Whether the other processes' answers to a `watchers.list` are entries at all (they come over Redis). */
export function isWatchEntryList(value: unknown): value is WatchEntry[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof (entry as WatchEntry).userId === 'number' &&
        typeof (entry as WatchEntry).name === 'string' &&
        typeof (entry as WatchEntry).typing === 'boolean' &&
        typeof (entry as WatchEntry).since === 'string',
    )
  );
}
