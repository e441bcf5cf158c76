import { afterEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick } from 'vue';
import type { WidgetMessageDto } from '@keluh/contracts';
import { FakeSocket } from './fakeSocket.fixture.ts';
import type { ParentBridge, ToParent } from './parent.ts';
import { createTokenStore, type WidgetApi } from './session.ts';
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

function setUp(options: { history?: WidgetMessageDto[]; startOpen?: boolean } = {}) {
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
  const api: WidgetApi = {
    createSession: async () => ({ visitorToken: 'token-1', visitorId: 'v1' }),
    conversation: async () => ({ messages: options.history ?? [], lastEventId: 100 }),
  };
  const doc = { visibilityState: 'visible' as DocumentVisibilityState, addEventListener: vi.fn(), removeEventListener: vi.fn() };
  const scope = effectScope();
  const chat = scope.run(() =>
    useChat({
      api,
      tokens: createTokenStore(null),
      openSocket: () => socket.asSocket(),
      bridge,
      doc,
      startOpen: options.startOpen ?? true,
      retryDelays: [1],
    }),
  )!;
  const sends = () => socket.emitted.filter((e) => e.event === 'message.send');
  const connectAndSync = () => {
    socket.serverConnect();
    socket.lastPending('sync').ack(null, { ok: true, events: [], latestId: 100 });
  };
  return { socket, chat, posted, sends, connectAndSync, setPanel: (open: boolean) => panel(open), scope };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('chatting from the widget', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows a message as sending at once and as sent after the ack, without duplicating it on the event', async () => {
    const { chat, socket, sends, connectAndSync } = setUp();
    await chat.start();
    connectAndSync();
    chat.send('  Pesanan saya belum sampai  ');
    expect(chat.messages.value).toMatchObject([{ status: 'sending', body: 'Pesanan saya belum sampai' }]);
    const [send] = sends();
    const { clientMessageId } = send!.payload as { clientMessageId: string };
    send!.ack(null, { ok: true, message: dto(7, { body: 'Pesanan saya belum sampai' }), duplicate: false });
    socket.fire('event', { id: 101, type: 'message.created', message: dto(7, { body: 'Pesanan saya belum sampai' }) });
    await flush();
    expect(chat.messages.value).toHaveLength(1);
    expect(chat.messages.value[0]).toMatchObject({ id: 7, clientMessageId, status: 'received' });
  });

  it('does not send blank or over-long messages', async () => {
    const { chat, sends, connectAndSync } = setUp();
    await chat.start();
    connectAndSync();
    expect(chat.send('   \n ')).toBe(false);
    expect(chat.send('x'.repeat(4097))).toBe(false);
    expect(chat.messages.value).toHaveLength(0);
    expect(sends()).toHaveLength(0);
  });

  it('queues messages while offline and sends each once, in order, with the same ids after reconnecting', async () => {
    const { chat, socket, sends, connectAndSync } = setUp();
    await chat.start();
    connectAndSync();
    chat.send('first');
    const firstAttempt = sends()[0]!;
    socket.serverDisconnect();
    chat.send('second');
    await flush();
    expect(chat.connection.value).toBe('reconnecting');
    expect(chat.messages.value.map((m) => m.status)).toEqual(['sending', 'sending']);

    connectAndSync();
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
    connectAndSync();
    chat.send('hello');
    sends()[0]!.ack(null, { ok: false, error: { code: 'rate_limited', message: 'slow down' } });
    await flush();
    const failed = chat.messages.value[0]!;
    expect(failed).toMatchObject({ status: 'error', error: { code: 'rate_limited' } });
    chat.retry(failed.clientMessageId!);
    expect(chat.messages.value[0]!.status).toBe('sending');
    expect(sends()[1]!.payload).toEqual(sends()[0]!.payload);
  });

  it('marks agent replies read while the panel is open, delivered while hidden, and counts unread for the page', async () => {
    const { chat, socket, posted, connectAndSync, setPanel } = setUp({ startOpen: false });
    await chat.start();
    connectAndSync();
    socket.fire('event', { id: 101, type: 'message.created', message: agentReply(20) });
    expect(socket.lastPending('message.receipt').payload).toEqual({ messageIds: [20], status: 'delivered' });
    socket.lastPending('message.receipt').ack(null, { ok: true });
    expect(posted).toContainEqual({ type: 'keluh:unread', count: 1 });

    setPanel(true);
    await nextTick();
    expect(socket.lastPending('message.receipt').payload).toEqual({ messageIds: [20], status: 'read' });
    expect(posted.at(-1)).toEqual({ type: 'keluh:unread', count: 0 });
  });

  it('starts over as a new visitor when the socket refuses the token', async () => {
    const { chat, socket } = setUp();
    await chat.start();
    socket.active = false;
    socket.fire('connect_error', Object.assign(new Error('widget.invalid_visitor_token'), { data: { code: 'widget.invalid_visitor_token' } }));
    await vi.waitFor(() => expect(socket.connectCalls).toBe(1));
    expect(chat.connection.value).toBe('connecting');
  });

  it('tells the page the visitor has a conversation, once', async () => {
    const { chat, posted } = setUp({ history: [dto(1), agentReply(2)] });
    await chat.start();
    chat.send('more');
    expect(posted.filter((m) => m.type === 'keluh:active')).toHaveLength(1);
  });
});
