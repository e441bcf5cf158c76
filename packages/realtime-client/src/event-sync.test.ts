import { describe, expect, it, vi } from 'vitest';
import { createEventSync, type EventSyncOptions, type SyncResult } from './event-sync.ts';
import { StaleCursorError } from './sync.errors.ts';

interface Ev {
  id: number;
}
const ev = (id: number): Ev => ({ id });

function deferred() {
  let resolve!: (value: SyncResult<Ev>) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<SyncResult<Ev>>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A sync whose server answers only when the test says so, and whose retries wait for the test. */
function harness(initialPosition: number | null = 10, extra: Partial<EventSyncOptions<Ev>> = {}) {
  let position = initialPosition;
  const requests: { from: number; reply: ReturnType<typeof deferred> }[] = [];
  const dispatched: number[] = [];
  const scheduled: { run: () => void; ms: number }[] = [];
  const sync = createEventSync<Ev>({
    requestSync: (from) => {
      const reply = deferred();
      requests.push({ from, reply });
      return reply.promise;
    },
    dispatch: (list) => dispatched.push(...list.map((e) => e.id)),
    position: () => position,
    schedule: (run, ms) => scheduled.push({ run, ms }),
    ...extra,
  });
  return { sync, requests, dispatched, scheduled, setPosition: (p: number | null) => (position = p) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('keeping a client in step with the event log', () => {
  it('asks for everything after its position on connect', () => {
    const h = harness(10);
    h.sync.connected();
    expect(h.requests.map((r) => r.from)).toEqual([10]);
  });

  it('holds live events during the sync and applies them after the replay, in order, without duplicates', async () => {
    const h = harness(10);
    h.sync.connected();
    h.sync.event(ev(14));
    h.sync.event(ev(12));
    expect(h.sync.isHolding).toBe(true);
    h.requests[0]!.reply.resolve({ events: [ev(11), ev(12), ev(13)], latestId: 13 });
    await settle();
    expect(h.dispatched).toEqual([11, 12, 13, 14]);
    expect(h.sync.isHolding).toBe(false);
    h.sync.event(ev(15));
    expect(h.dispatched).toEqual([11, 12, 13, 14, 15]);
  });

  it('drops a live event the replay already brought, as the push can trail the replay', async () => {
    const h = harness(10);
    h.sync.connected();
    h.requests[0]!.reply.resolve({ events: [ev(11), ev(12)], latestId: 12 });
    await settle();
    h.sync.event(ev(11));
    h.sync.event(ev(12));
    h.sync.event(ev(13));
    expect(h.dispatched).toEqual([11, 12, 13]);
  });

  it('remembers the replay only until the push has passed it, and not across a reconnect', async () => {
    const h = harness(10);
    h.sync.connected();
    h.requests[0]!.reply.resolve({ events: [ev(11)], latestId: 11 });
    await settle();
    h.sync.event(ev(12));
    // Not a trailing copy any more: a replay later in this connection is needed for it to come again.
    h.sync.event(ev(11));
    expect(h.dispatched).toEqual([11, 12, 11]);
    h.sync.disconnected();
    h.sync.connected();
    h.requests[1]!.reply.resolve({ events: [], latestId: 12 });
    await settle();
    h.sync.event(ev(11));
    expect(h.dispatched).toEqual([11, 12, 11, 11]);
  });

  it('syncs again from its position after a reconnect', async () => {
    const h = harness(10);
    h.sync.connected();
    h.requests[0]!.reply.resolve({ events: [ev(11)], latestId: 11 });
    await settle();
    h.sync.disconnected();
    h.sync.event(ev(12)); // cannot happen on a closed socket, but must not leak through if it does
    h.setPosition(11);
    h.sync.connected();
    expect(h.requests.map((r) => r.from)).toEqual([10, 11]);
    h.requests[1]!.reply.resolve({ events: [ev(12), ev(13)], latestId: 13 });
    await settle();
    expect(h.dispatched).toEqual([11, 12, 13]);
  });

  it('replays what streamed past a consumer that loaded an older snapshot', async () => {
    const h = harness(10);
    h.sync.connected();
    h.requests[0]!.reply.resolve({ events: [], latestId: 20 });
    await settle();
    h.setPosition(15);
    h.sync.catchUp(15);
    expect(h.requests.map((r) => r.from)).toEqual([10, 15]);
    h.sync.event(ev(21));
    expect(h.dispatched).toEqual([]);
    h.requests[1]!.reply.resolve({ events: [ev(16), ev(20)], latestId: 20 });
    await settle();
    expect(h.dispatched).toEqual([16, 20, 21]);
  });

  it('does not ask the server when a snapshot is already current', async () => {
    const h = harness(10);
    h.sync.connected();
    h.requests[0]!.reply.resolve({ events: [], latestId: 20 });
    await settle();
    h.sync.catchUp(20);
    expect(h.requests).toHaveLength(1);
  });

  it('leaves a catch-up while disconnected to the next connect', () => {
    const h = harness(10);
    h.sync.catchUp(5);
    expect(h.requests).toHaveLength(0);
  });

  it('ignores the answer of a sync that belonged to a dropped connection', async () => {
    const h = harness(10);
    h.sync.connected();
    h.sync.disconnected();
    h.requests[0]!.reply.resolve({ events: [ev(11)], latestId: 11 });
    await settle();
    expect(h.dispatched).toEqual([]);
  });

  it('answers the current connection, not the one that dropped while its sync was pending', async () => {
    const onSynced = vi.fn();
    const h = harness(10, { onSynced });
    h.sync.connected();
    h.sync.disconnected();
    h.sync.connected();
    h.requests[0]!.reply.resolve({ events: [ev(11)], latestId: 11 });
    await settle();
    expect(h.dispatched).toEqual([]);
    expect(onSynced).not.toHaveBeenCalled();
    h.requests[1]!.reply.resolve({ events: [ev(11), ev(12)], latestId: 12 });
    await settle();
    expect(h.dispatched).toEqual([11, 12]);
    expect(onSynced).toHaveBeenCalledOnce();
  });

  it('lets events through once connected even when nothing is loaded yet', async () => {
    const onSynced = vi.fn();
    const requestSync = vi.fn();
    const h = harness(null, { onSynced, requestSync });
    h.sync.connected();
    await settle();
    h.sync.event(ev(5));
    expect(h.dispatched).toEqual([5]);
    expect(requestSync).not.toHaveBeenCalled();
    expect(onSynced).toHaveBeenCalledOnce();
  });
});

describe('a sync that fails', () => {
  it('is retried while still holding live events back', async () => {
    const h = harness(10);
    h.sync.connected();
    h.requests[0]!.reply.reject(new Error('timeout'));
    await settle();
    h.sync.event(ev(12));
    expect(h.dispatched).toEqual([]);
    expect(h.scheduled).toHaveLength(1);
    h.scheduled[0]!.run();
    h.requests[1]!.reply.resolve({ events: [ev(11)], latestId: 11 });
    await settle();
    expect(h.dispatched).toEqual([11, 12]);
  });

  it('waits longer after each failure, up to a ceiling, and from the start again after a success', async () => {
    const h = harness(10, { retry: { firstMs: 100, maxMs: 350 } });
    h.sync.connected();
    for (let attempt = 0; attempt < 4; attempt += 1) {
      h.requests.at(-1)!.reply.reject(new Error('db'));
      await settle();
      h.scheduled.at(-1)!.run();
    }
    expect(h.scheduled.map((s) => s.ms)).toEqual([100, 200, 350, 350]);
    h.requests.at(-1)!.reply.resolve({ events: [], latestId: 10 });
    await settle();
    h.sync.disconnected();
    h.sync.connected();
    h.requests.at(-1)!.reply.reject(new Error('db'));
    await settle();
    expect(h.scheduled.at(-1)!.ms).toBe(100);
  });

  it('is not retried for a connection that has since dropped', async () => {
    const h = harness(10);
    h.sync.connected();
    h.requests[0]!.reply.reject(new Error('timeout'));
    await settle();
    h.sync.disconnected();
    h.scheduled[0]!.run();
    expect(h.requests).toHaveLength(1);
  });
});

describe('a catch-up requested during a sync', () => {
  it('runs a second sync and keeps holding live events until it is answered', async () => {
    const h = harness(10);
    h.sync.connected();
    h.sync.catchUp(5);
    h.setPosition(5);
    h.requests[0]!.reply.resolve({ events: [ev(11)], latestId: 11 });
    await settle();
    expect(h.requests.map((r) => r.from)).toEqual([10, 5]);
    h.sync.event(ev(12));
    expect(h.dispatched).toEqual([11]);
    h.requests[1]!.reply.resolve({ events: [ev(6), ev(11)], latestId: 11 });
    await settle();
    expect(h.dispatched).toEqual([11, 6, 11, 12]);
  });
});

describe('when the server cannot replay', () => {
  it('reloads the snapshots when the log went backwards (a reset database), then follows the new log', async () => {
    const onStale = vi.fn();
    const onSynced = vi.fn();
    const h = harness(40, { onStale, onSynced });
    h.sync.connected();
    h.sync.event(ev(3));
    h.requests[0]!.reply.resolve({ events: [], latestId: 5 });
    await settle();
    expect(onStale).toHaveBeenCalledOnce();
    expect(onSynced).toHaveBeenCalledOnce();
    expect(h.dispatched).toEqual([]);
    h.sync.event(ev(6));
    expect(h.dispatched).toEqual([6]);
  });

  it('reloads the snapshots when it is too far behind to replay', async () => {
    const onStale = vi.fn();
    const h = harness(40, { onStale });
    h.sync.connected();
    h.requests[0]!.reply.reject(new StaleCursorError('too far behind'));
    await settle();
    expect(onStale).toHaveBeenCalledOnce();
    expect(h.scheduled).toHaveLength(0);
  });
});
