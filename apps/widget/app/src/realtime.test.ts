import { describe, expect, it, vi } from 'vitest';
import type { VisitorEvent, WidgetMessageDto } from '@keluh/contracts';
import { FakeSocket } from './fakeSocket.fixture.ts';
import { connectRealtime, TIMEOUT_CODE, type RealtimeHooks } from './realtime.ts';

const message = (id: number): WidgetMessageDto => ({
  id,
  ticketId: 1,
  direction: 'out',
  authorKind: 'agent',
  authorName: 'Rina',
  body: `reply ${id}`,
  attachments: [],
  status: 'sent',
  sentAt: '2025-03-01T10:00:00.000Z',
  createdAt: '2025-03-01T10:00:00.000Z',
});
const created = (id: number): VisitorEvent => ({ id, type: 'message.created', message: message(id) });
/** The sync's answer is applied a microtask after the ack. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp() {
  const socket = new FakeSocket();
  let last = 10;
  const applied: number[] = [];
  const hooks: RealtimeHooks = {
    lastEventId: () => last,
    onEvents: vi.fn((events: VisitorEvent[]) => {
      for (const event of events) {
        applied.push(event.id);
        last = Math.max(last, event.id);
      }
    }),
    onState: vi.fn(),
    onReady: vi.fn(),
    onDisconnect: vi.fn(),
    onAuthRejected: vi.fn(),
    onStale: vi.fn(),
  };
  const realtime = connectRealtime(socket.asSocket(), hooks, { ackTimeoutMs: 1000, syncRetryMs: 10 });
  return { socket, hooks, realtime, applied };
}

describe('the visitor socket', () => {
  it('syncs from the last applied id on every connect before it is ready', async () => {
    const { socket, hooks, realtime } = setUp();
    socket.serverConnect();
    expect(socket.lastPending('sync').payload).toEqual({ lastEventId: 10 });
    expect(realtime.ready).toBe(false);
    socket.lastPending('sync').ack(null, { ok: true, events: [], latestId: 10 });
    await settle();
    expect(realtime.ready).toBe(true);
    expect(hooks.onState).toHaveBeenLastCalledWith('connected');
    expect(hooks.onReady).toHaveBeenCalledTimes(1);
  });

  it('buffers live events during the sync and applies everything once, in order', async () => {
    const { socket, applied } = setUp();
    socket.serverConnect();
    socket.fire('events', [created(13)]);
    socket.fire('events', [created(12)]);
    socket.lastPending('sync').ack(null, { ok: true, events: [created(11), created(12)], latestId: 13 });
    await settle();
    // 12 again: the push trailing the replay, which read the log directly.
    socket.fire('events', [created(12), created(14)]);
    expect(applied).toEqual([11, 12, 13, 14]);
  });

  it('ignores a sync reply from a connection that has since dropped', async () => {
    const { socket, hooks } = setUp();
    socket.serverConnect();
    const stale = socket.lastPending('sync');
    socket.serverDisconnect();
    expect(hooks.onState).toHaveBeenLastCalledWith('reconnecting');
    socket.serverConnect();
    stale.ack(null, { ok: true, events: [created(11)], latestId: 11 });
    await settle();
    expect(hooks.onEvents).not.toHaveBeenCalled();
    expect(socket.lastPending('sync').payload).toEqual({ lastEventId: 10 });
  });

  it('reports a send lost to a disconnect, so it can be queued again', async () => {
    const { socket, realtime } = setUp();
    socket.serverConnect();
    socket.lastPending('sync').ack(null, { ok: true, events: [], latestId: 10 });
    await settle();
    const result = realtime.send({ clientMessageId: 'abcdefgh', body: 'hi' });
    socket.serverDisconnect();
    await expect(result).resolves.toEqual({ kind: 'lost' });
    await expect(realtime.send({ clientMessageId: 'abcdefgh', body: 'hi' })).resolves.toEqual({ kind: 'lost' });
  });

  it('passes on acks and refusals, and turns a silent server into a retryable error', async () => {
    const { socket, realtime } = setUp();
    socket.serverConnect();
    socket.lastPending('sync').ack(null, { ok: true, events: [], latestId: 10 });
    await settle();

    const ok = realtime.send({ clientMessageId: 'aaaaaaaa', body: 'one' });
    socket.lastPending('message.send').ack(null, { ok: true, message: message(50), duplicate: true });
    await expect(ok).resolves.toMatchObject({ kind: 'ok', duplicate: true });

    const refused = realtime.send({ clientMessageId: 'bbbbbbbb', body: 'two' });
    socket.lastPending('message.send').ack(null, { ok: false, error: { code: 'x.y', message: 'no' } });
    await expect(refused).resolves.toEqual({ kind: 'rejected', error: { code: 'x.y', message: 'no' } });

    const silent = realtime.send({ clientMessageId: 'cccccccc', body: 'three' });
    socket.lastPending('message.send').ack(new Error('operation has timed out'));
    await expect(silent).resolves.toMatchObject({ kind: 'rejected', error: { code: TIMEOUT_CODE } });
  });

  it('retries a failed sync while the connection stays up', async () => {
    const { socket, realtime } = setUp();
    socket.serverConnect();
    socket.lastPending('sync').ack(null, { ok: false, error: { code: 'internal', message: 'db' } });
    await vi.waitFor(() => expect(socket.pending('sync')).toHaveLength(1));
    socket.lastPending('sync').ack(null, { ok: true, events: [], latestId: 10 });
    await settle();
    expect(realtime.ready).toBe(true);
  });

  it('asks for the history again when the server is too far ahead to replay, and is ready meanwhile', async () => {
    const { socket, hooks, realtime } = setUp();
    socket.serverConnect();
    socket.lastPending('sync').ack(null, { ok: false, error: { code: 'validation.failed', message: 'Too far behind', details: { tooFarBehind: true } } });
    await settle();
    expect(hooks.onStale).toHaveBeenCalledOnce();
    expect(socket.pending('sync')).toHaveLength(0);
    expect(realtime.ready).toBe(true);
  });

  it('replays from a reloaded history that is older than what already streamed past', async () => {
    const { socket, realtime, applied } = setUp();
    socket.serverConnect();
    socket.lastPending('sync').ack(null, { ok: true, events: [], latestId: 20 });
    await settle();
    realtime.catchUp(10);
    expect(socket.lastPending('sync').payload).toEqual({ lastEventId: 10 });
    socket.lastPending('sync').ack(null, { ok: true, events: [created(15)], latestId: 20 });
    await settle();
    expect(applied).toEqual([15]);
  });

  it.each(['widget.invalid_visitor_token', 'widget.token_expired', 'widget.token_revoked'])('hands a handshake refused with %s to the session logic', (code) => {
    const { socket, hooks } = setUp();
    socket.active = false;
    socket.fire('connect_error', Object.assign(new Error(code), { data: { code, message: 'refused' } }));
    expect(hooks.onAuthRejected).toHaveBeenCalledWith(code);
    expect(socket.connectCalls).toBe(0);
  });

  it('retries a handshake that failed for another reason by itself', async () => {
    const { socket, hooks } = setUp();
    socket.active = false;
    socket.fire('connect_error', new Error('xhr poll error'));
    expect(hooks.onAuthRejected).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(socket.connectCalls).toBe(1));
  });
});
