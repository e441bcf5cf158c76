import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick } from 'vue';
import type { WidgetMessageDto } from '@keluh/contracts';
import { FakeSocket } from './fakeSocket.fixture.ts';
import type { ParentBridge, ToParent } from './parent.ts';
import { createTokenStore, HttpError, type SessionCredential, type WidgetApi } from './session.ts';
import { useChat } from './useChat.ts';

const dto = (id: number, over: Partial<WidgetMessageDto> = {}): WidgetMessageDto => ({
  id,
  ticketId: 1,
  direction: 'in',
  authorKind: 'customer',
  authorName: null,
  body: `message ${id}`,
  attachments: [],
  status: 'received',
  sentAt: new Date(Date.UTC(2025, 2, 1, 10, 0, id)).toISOString(),
  createdAt: '2025-03-01T10:00:00.000Z',
  ...over,
});
const agentReply = (id: number) => dto(id, { direction: 'out', authorKind: 'agent', authorName: 'Rina', status: 'sent' });

const grant = (visitorId: string, n: number) => ({
  visitorId,
  visitorToken: `access-${n}`,
  visitorTokenExpiresAt: '2026-03-02T08:15:00.000Z',
  refreshToken: `refresh-${n}`,
  refreshTokenExpiresAt: '2026-04-01T08:00:00.000Z',
});

interface SetUpOptions {
  history?: WidgetMessageDto[];
  startOpen?: boolean;
  createSession?: (credential: SessionCredential, call: number) => Promise<ReturnType<typeof grant>>;
  conversation?: (visitorToken: string) => Promise<{ messages: WidgetMessageDto[]; lastEventId: number }>;
}

function setUp(options: SetUpOptions = {}) {
  const socket = new FakeSocket();
  const posted: ToParent[] = [];
  let panel: (open: boolean) => void = () => undefined;
  const bridge: ParentBridge = {
    embedded: true,
    post: (message) => void posted.push(message),
    onPanel: (listener) => {
      panel = listener;
      return () => undefined;
    },
  };
  let sessions = 0;
  const credentials: SessionCredential[] = [];
  const conversations: string[] = [];
  const api: WidgetApi = {
    createSession: (credential) => {
      credentials.push(credential);
      sessions += 1;
      return options.createSession ? options.createSession(credential, sessions) : Promise.resolve(grant('v1', sessions));
    },
    conversation: (visitorToken) => {
      conversations.push(visitorToken);
      return options.conversation ? options.conversation(visitorToken) : Promise.resolve({ messages: options.history ?? [], lastEventId: 100 });
    },
  };
  let tokenOf: () => string | null = () => null;
  const doc = { visibilityState: 'visible' as DocumentVisibilityState, addEventListener: vi.fn(), removeEventListener: vi.fn() };
  const scope = effectScope();
  const chat = scope.run(() =>
    useChat({
      api,
      tokens: createTokenStore(null),
      openSocket: (getToken) => {
        tokenOf = getToken;
        return socket.asSocket();
      },
      bridge,
      doc,
      startOpen: options.startOpen ?? true,
      retryDelays: [1],
    }),
  )!;
  const sends = () => socket.emitted.filter((e) => e.event === 'message.send');
  /** Connects and answers the sync; resolves once the widget has applied it and is ready to send. */
  const connectAndSync = async () => {
    socket.serverConnect();
    socket.lastPending('sync').ack(null, { ok: true, events: [], latestId: 100 });
    await vi.waitFor(() => expect(chat.connection.value).toBe('connected'));
  };
  return { socket, chat, posted, sends, connectAndSync, setPanel: (open: boolean) => panel(open), scope, credentials, conversations, token: () => tokenOf() };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('chatting from the widget', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows a message as sending at once and as sent after the ack, without duplicating it on the event', async () => {
    const { chat, socket, sends, connectAndSync } = setUp();
    await chat.start();
    await connectAndSync();
    chat.send('  Pesanan saya belum sampai  ');
    expect(chat.messages.value).toMatchObject([{ status: 'sending', body: 'Pesanan saya belum sampai' }]);
    const [send] = sends();
    const { clientMessageId } = send!.payload as { clientMessageId: string };
    send!.ack(null, { ok: true, message: dto(7, { body: 'Pesanan saya belum sampai' }), duplicate: false });
    socket.fire('events', [{ id: 101, type: 'message.created', message: dto(7, { body: 'Pesanan saya belum sampai' }) }]);
    await flush();
    expect(chat.messages.value).toHaveLength(1);
    expect(chat.messages.value[0]).toMatchObject({ id: 7, clientMessageId, status: 'received' });
  });

  it('does not send blank or over-long messages', async () => {
    const { chat, sends, connectAndSync } = setUp();
    await chat.start();
    await connectAndSync();
    expect(chat.send('   \n ')).toBe(false);
    expect(chat.send('x'.repeat(4097))).toBe(false);
    expect(chat.messages.value).toHaveLength(0);
    expect(sends()).toHaveLength(0);
  });

  it('queues messages while offline and sends each once, in order, with the same ids after reconnecting', async () => {
    const { chat, socket, sends, connectAndSync } = setUp();
    await chat.start();
    await connectAndSync();
    chat.send('first');
    const firstAttempt = sends()[0]!;
    socket.serverDisconnect();
    chat.send('second');
    await flush();
    expect(chat.connection.value).toBe('reconnecting');
    expect(chat.messages.value.map((m) => m.status)).toEqual(['sending', 'sending']);

    await connectAndSync();
    await flush();
    const retried = sends().slice(1);
    expect(retried.map((s) => (s.payload as { body: string }).body)).toEqual(['first']);
    expect(retried[0]!.payload).toEqual(firstAttempt.payload);
    retried[0]!.ack(null, { ok: true, message: dto(8, { body: 'first' }), duplicate: true });
    await flush();
    const third = sends()[2]!;
    expect((third.payload as { body: string }).body).toBe('second');
    third.ack(null, { ok: true, message: dto(9, { body: 'second' }), duplicate: false });
    await flush();
    expect(chat.messages.value.map((m) => [m.id, m.body])).toEqual([
      [8, 'first'],
      [9, 'second'],
    ]);
  });

  it('offers a retry after a refusal that re-sends the same client id', async () => {
    const { chat, sends, connectAndSync } = setUp();
    await chat.start();
    await connectAndSync();
    chat.send('hello');
    sends()[0]!.ack(null, { ok: false, error: { code: 'message.body_invalid', message: 'no' } });
    await flush();
    const failed = chat.messages.value[0]!;
    expect(failed).toMatchObject({ status: 'error', error: { code: 'message.body_invalid' } });
    chat.retry(failed.clientMessageId!);
    expect(chat.messages.value[0]!.status).toBe('sending');
    expect(sends()[1]!.payload).toEqual(sends()[0]!.payload);
  });

  it('holds a message the server refused as too fast, shows the wait, and sends it by itself — same id — when the wait is over', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 2, 2, 8) });
    try {
      const { chat, sends, connectAndSync } = setUp();
      await chat.start();
      await connectAndSync();
      chat.send('satu');
      const first = sends()[0]!;
      first.ack(null, { ok: false, error: { code: 'rate_limited', message: 'slow', details: { retryAfterMs: 8_000, scope: 'visitor' } } });
      await vi.advanceTimersByTimeAsync(0);
      expect(chat.messages.value).toMatchObject([{ body: 'satu', status: 'waiting', error: null }]);
      expect(chat.throttledUntil.value).toBe(Date.now() + 8_000);

      // Typed during the wait: queued behind, shown waiting too, nothing goes out.
      chat.send('dua');
      await vi.advanceTimersByTimeAsync(7_900);
      expect(sends()).toHaveLength(1);
      expect(chat.messages.value.map((m) => m.status)).toEqual(['waiting', 'waiting']);

      await vi.advanceTimersByTimeAsync(100);
      expect(chat.throttledUntil.value).toBeNull();
      expect(sends()).toHaveLength(2);
      expect(sends()[1]!.payload).toEqual(first.payload);
      expect(chat.messages.value.map((m) => m.status)).toEqual(['sending', 'sending']);
      sends()[1]!.ack(null, { ok: true, message: dto(7, { body: 'satu' }), duplicate: false });
      await vi.advanceTimersByTimeAsync(0);
      expect((sends()[2]!.payload as { body: string }).body).toBe('dua');
      sends()[2]!.ack(null, { ok: true, message: dto(8, { body: 'dua' }), duplicate: false });
      await vi.advanceTimersByTimeAsync(0);
      expect(chat.messages.value.map((m) => [m.id, m.status])).toEqual([
        [7, 'received'],
        [8, 'received'],
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits as long as the server says before asking for a session again', async () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      const { chat } = setUp({
        createSession: async () => {
          calls += 1;
          if (calls === 1) throw new HttpError(429, 'rate_limited', 'slow', { retryAfterMs: 20_000 }, 20_000);
          return grant('v1', calls);
        },
      });
      const started = chat.start();
      await vi.advanceTimersByTimeAsync(0);
      expect(chat.throttledUntil.value).not.toBeNull();
      await vi.advanceTimersByTimeAsync(19_000);
      expect(calls).toBe(1);
      await vi.advanceTimersByTimeAsync(1_000);
      await started;
      expect(calls).toBe(2);
      expect(chat.throttledUntil.value).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('marks agent replies read while the panel is open, delivered while hidden, and counts unread for the page', async () => {
    const { chat, socket, posted, connectAndSync, setPanel } = setUp({ startOpen: false });
    await chat.start();
    await connectAndSync();
    socket.fire('events', [{ id: 101, type: 'message.created', message: agentReply(20) }]);
    expect(socket.lastPending('message.receipt').payload).toEqual({ messageIds: [20], status: 'delivered' });
    socket.lastPending('message.receipt').ack(null, { ok: true });
    expect(posted).toContainEqual({ type: 'keluh:unread', count: 1 });

    setPanel(true);
    await nextTick();
    expect(socket.lastPending('message.receipt').payload).toEqual({ messageIds: [20], status: 'read' });
    expect(posted.at(-1)).toEqual({ type: 'keluh:unread', count: 0 });
  });

  it('refreshes an expired token on the socket and keeps the conversation it shows', async () => {
    const { chat, socket, credentials, conversations, token, connectAndSync } = setUp({ history: [dto(1), agentReply(2)] });
    await chat.start();
    await connectAndSync();
    expect(token()).toBe('access-1');
    socket.serverDisconnect();
    socket.active = false;
    socket.fire('connect_error', Object.assign(new Error('widget.token_expired'), { data: { code: 'widget.token_expired' } }));
    await vi.waitFor(() => expect(socket.connectCalls).toBe(1));
    expect(credentials).toEqual([null, { refreshToken: 'refresh-1' }]);
    expect(token()).toBe('access-2');
    // Same visitor: the history is not fetched again, nothing on screen changes, the sync resumes from 100.
    expect(conversations).toEqual(['access-1']);
    expect(chat.messages.value.map((m) => m.id)).toEqual([1, 2]);
    socket.serverConnect();
    expect(socket.lastPending('sync').payload).toEqual({ lastEventId: 100 });
  });

  it('starts over as a new visitor when the socket says the session was ended', async () => {
    const { chat, socket, credentials, conversations } = setUp({
      history: [dto(1)],
      createSession: async (credential, call) => {
        if (credential) throw new HttpError(401, 'widget.token_revoked', 'ended');
        return grant(call === 1 ? 'v1' : 'v2', call);
      },
      conversation: async (visitorToken) => ({ messages: visitorToken === 'access-1' ? [dto(1)] : [], lastEventId: 100 }),
    });
    await chat.start();
    socket.active = false;
    socket.fire('connect_error', Object.assign(new Error('widget.token_revoked'), { data: { code: 'widget.token_revoked' } }));
    await vi.waitFor(() => expect(socket.connectCalls).toBe(1));
    expect(credentials).toEqual([null, { refreshToken: 'refresh-1' }, null]);
    expect(conversations).toEqual(['access-1', 'access-3']);
    expect(chat.messages.value).toEqual([]);
    expect(chat.connection.value).toBe('connecting');
  });

  it('reloads the conversation when the server is too far ahead to replay, keeping a message still being sent', async () => {
    let loads = 0;
    const { chat, socket, sends, conversations } = setUp({
      conversation: async () => (loads++ === 0 ? { messages: [dto(1)], lastEventId: 100 } : { messages: [dto(1), agentReply(2)], lastEventId: 9_000 }),
    });
    await chat.start();
    socket.serverConnect();
    socket.lastPending('sync').ack(null, { ok: false, error: { code: 'validation.failed', message: 'Too far behind', details: { tooFarBehind: true } } });
    await vi.waitFor(() => expect(chat.connection.value).toBe('connected'));
    chat.send('masih di sini?');
    await vi.waitFor(() => expect(chat.messages.value.map((m) => m.id)).toEqual([1, 2, null]));
    expect(conversations).toEqual(['access-1', 'access-1']);
    expect(sends()).toHaveLength(1);
    // The reloaded snapshot is the new position: a later reconnect syncs from there.
    socket.serverDisconnect();
    socket.serverConnect();
    expect(socket.lastPending('sync').payload).toEqual({ lastEventId: 9_000 });
  });

  it('tells the page the visitor has a conversation, once', async () => {
    const { chat, posted } = setUp({ history: [dto(1), agentReply(2)] });
    await chat.start();
    chat.send('more');
    expect(posted.filter((m) => m.type === 'keluh:active')).toHaveLength(1);
  });
});
