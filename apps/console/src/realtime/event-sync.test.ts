import { describe, expect, it, vi } from 'vitest';
import type { AgentEvent } from '@keluh/contracts';
import { events, ticket } from '../test/fixtures.ts';
import { createEventSync, StaleCursorError, type SyncResult } from './event-sync.ts';

const ev = (id: number): AgentEvent => events.ticketUpdated(id, ticket(1));

function deferred() {
  let resolve!: (value: SyncResult) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<SyncResult>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function harness(initialPosition: number | null = 10) {
  let position = initialPosition;
  const requests: { from: number; reply: ReturnType<typeof deferred> }[] = [];
  const dispatched: number[] = [];
  const scheduled: (() => void)[] = [];
  const sync = createEventSync({
    requestSync: (from) => {
      const reply = deferred();
      requests.push({ from, reply });
      return reply.promise;
    },
    dispatch: (list) => dispatched.push(...list.map((e) => e.id)),
    position: () => position,
    schedule: (run) => scheduled.push(run),
  });
  return { sync, requests, dispatched, scheduled, setPosition: (p: number | null) => (position = p) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('keeping the console in step with the event log', () => {
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
    h.requests[0]!.reply.resolve({ events: [ev(11), ev(12), ev(13)], latestId: 13 });
    await settle();
    expect(h.dispatched).toEqual([11, 12, 13, 14]);
    h.sync.event(ev(15));
    expect(h.dispatched).toEqual([11, 12, 13, 14, 15]);
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

  it('retries a failed sync while still holding live events back', async () => {
    const h = harness(10);
    h.sync.connected();
    h.requests[0]!.reply.reject(new Error('timeout'));
    await settle();
    h.sync.event(ev(12));
    expect(h.dispatched).toEqual([]);
    expect(h.scheduled).toHaveLength(1);
    h.scheduled[0]!();
    h.requests[1]!.reply.resolve({ events: [ev(11)], latestId: 11 });
    await settle();
    expect(h.dispatched).toEqual([11, 12]);
  });

  it('ignores the answer of a sync that belonged to a dropped connection', async () => {
    const h = harness(10);
    h.sync.connected();
    h.sync.disconnected();
    h.requests[0]!.reply.resolve({ events: [ev(11)], latestId: 11 });
    await settle();
    expect(h.dispatched).toEqual([]);
  });

  it('lets events through once connected even when nothing is loaded yet', async () => {
    const h = harness(null);
    const onSynced = vi.fn();
    const sync = createEventSync({ requestSync: vi.fn(), dispatch: (l) => h.dispatched.push(...l.map((e) => e.id)), position: () => null, onSynced });
    sync.connected();
    await settle();
    sync.event(ev(5));
    expect(h.dispatched).toEqual([5]);
    expect(onSynced).toHaveBeenCalledOnce();
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
  function staleHarness() {
    const onStale = vi.fn();
    const replies: ((value: SyncResult) => void)[] = [];
    const rejects: ((reason: unknown) => void)[] = [];
    const dispatched: number[] = [];
    const sync = createEventSync({
      requestSync: () =>
        new Promise<SyncResult>((resolve, reject) => {
          replies.push(resolve);
          rejects.push(reject);
        }),
      dispatch: (list) => dispatched.push(...list.map((e) => e.id)),
      position: () => 40,
      onStale,
    });
    return { sync, onStale, replies, rejects, dispatched };
  }

  it('reloads the snapshots when the log went backwards (a reset database)', async () => {
    const h = staleHarness();
    h.sync.connected();
    h.sync.event(ev(3));
    h.replies[0]!({ events: [], latestId: 5 });
    await settle();
    expect(h.onStale).toHaveBeenCalledOnce();
    expect(h.dispatched).toEqual([]);
    h.sync.event(ev(6));
    expect(h.dispatched).toEqual([6]);
  });

  it('reloads the snapshots when it is too far behind to replay', async () => {
    const h = staleHarness();
    h.sync.connected();
    h.rejects[0]!(new StaleCursorError('too far behind'));
    await settle();
    expect(h.onStale).toHaveBeenCalledOnce();
  });
});
