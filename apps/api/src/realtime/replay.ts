import { AppError, type EventRepository, type StoredEvent, type TicketScope } from '@keluh/core';

const PAGE = 500;
/** Past this a client is better served by reloading its lists than by replaying the log. */
export const MAX_REPLAY = 5_000;

/**
 * Everything after `lastEventId` (optionally one customer's, or what a staff scope sees), in order, plus the cursor the client
 * should keep. The cursor is read before the replay, so an event committed meanwhile is either in the
 * replay or arrives live afterwards: never skipped.
 */
export async function replaySince(
  events: EventRepository,
  lastEventId: number,
  filter: { customerId?: number; scope?: TicketScope } = {},
): Promise<{ events: StoredEvent[]; latestId: number }> {
  const latestBefore = await events.latestId();
  const replayed: StoredEvent[] = [];
  let after = lastEventId;
  for (;;) {
    const page = await events.listAfter(after, { limit: PAGE, ...filter });
    replayed.push(...page);
    if (replayed.length > MAX_REPLAY) throw new AppError('validation.failed', 'Too far behind to replay; reload', { tooFarBehind: true });
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  const lastReplayed = replayed.at(-1)?.id ?? 0;
  // The client adopts this cursor as is: after a database reset it moves backwards, as it should.
  return { events: replayed, latestId: Math.max(latestBefore, lastReplayed) };
}
