import type { SocketError } from '@keluh/contracts';
import type { LoggedEvent, SyncResult } from './event-sync.ts';
import { StaleCursorError, SyncRefusedError } from './sync.errors.ts';

/** The `sync` ack as both namespaces answer it (contracts' `Ack<{ events; latestId }>`). */
export type SyncReply<E extends LoggedEvent> = { ok: true; events: E[]; latestId: number } | { ok: false; error: SocketError };

/**
 * Reads a `sync` answer: the replay, or the error that tells the sync what to do next. The server marks
 * a cursor it will not replay from with `details.tooFarBehind` (apps/api realtime/replay.ts).
 */
export function syncResultOf<E extends LoggedEvent>(reply: SyncReply<E>): SyncResult<E> {
  if (reply.ok) return { events: reply.events, latestId: reply.latestId };
  if (reply.error.details?.tooFarBehind === true) throw new StaleCursorError(reply.error.message);
  throw new SyncRefusedError(reply.error);
}
