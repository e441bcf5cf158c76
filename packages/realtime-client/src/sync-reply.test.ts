import { describe, expect, it } from 'vitest';
import { syncResultOf } from './sync-reply.ts';
import { StaleCursorError, SyncRefusedError } from './sync.errors.ts';

describe('reading the answer to a sync', () => {
  it('takes the replay and the cursor from an accepted sync', () => {
    expect(syncResultOf({ ok: true, events: [{ id: 4 }], latestId: 9 })).toEqual({ events: [{ id: 4 }], latestId: 9 });
  });

  it('turns "too far behind to replay" into a stale cursor, so the client reloads instead of retrying', () => {
    const tooFar = { ok: false as const, error: { code: 'validation.failed', message: 'Too far behind to replay; reload', details: { tooFarBehind: true } } };
    expect(() => syncResultOf(tooFar)).toThrow(StaleCursorError);
  });

  it('turns any other refusal into an error worth retrying, keeping its code', () => {
    const refused = { ok: false as const, error: { code: 'internal', message: 'database is locked' } };
    expect(() => syncResultOf(refused)).toThrow(SyncRefusedError);
    expect(() => syncResultOf(refused)).toThrow('sync refused: internal');
  });
});
