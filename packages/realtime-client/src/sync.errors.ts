import type { SocketError } from '@keluh/contracts';

/** The server cannot replay from the requested position (too far behind); reload the snapshots instead. */
export class StaleCursorError extends Error {
  override name = 'StaleCursorError';
}

/** The server answered `sync` with a refusal worth retrying (a database hiccup, a timeout). */
export class SyncRefusedError extends Error {
  override name = 'SyncRefusedError';
  constructor(readonly refusal: SocketError) {
    super(`sync refused: ${refusal.code}`);
  }
}
