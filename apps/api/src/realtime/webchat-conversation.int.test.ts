import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentEvent, VisitorEvent } from '@keluh/contracts';
import { connected, nextPushed, startTestApp, type TestApp } from '../testing/test-app.ts';
import { REOPEN_DAYS_KEY } from '@keluh/core';

type SendAck = { ok: true; message: { id: number; ticketId: number; status: string }; duplicate: boolean } | { ok: false; error: { code: string } };

describe('a web-chat conversation between a visitor and an agent', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login();
  });
  afterAll(() => t.close());

  const send = (socket: ReturnType<TestApp['visitorSocket']>, payload: unknown): Promise<SendAck> =>
    new Promise((resolve) => socket.emit('message.send', payload as never, resolve as never));

  it('threads a visitor message into a new ticket the agent sees live', async () => {
    const agent = t.agentSocket(token);
    await connected(agent);
    const visitor = await t.newVisitor();
    const socket = t.visitorSocket(visitor.visitorToken);
    await connected(socket);

    const created = nextPushed<AgentEvent>(agent, (event) => event.type === 'ticket.created');
    const ack = await send(socket, { clientMessageId: 'client-msg-0001', body: 'Paket saya belum sampai' });
    expect(ack.ok).toBe(true);
    const event = await created;
    expect(event.type === 'ticket.created' && event.payload.ticket.subject).toBe('Paket saya belum sampai');
  });

  it('stores a message resent with the same client id once', async () => {
    const visitor = await t.newVisitor();
    const socket = t.visitorSocket(visitor.visitorToken);
    await connected(socket);
    const first = await send(socket, { clientMessageId: 'resend-0001', body: 'Halo?' });
    const second = await send(socket, { clientMessageId: 'resend-0001', body: 'Halo?' });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.duplicate).toBe(true);
    expect(second.message.id).toBe(first.message.id);
    expect(await t.db.messages.listForTicket(first.message.ticketId)).toHaveLength(1);
  });

  it('joins the open ticket with a second message, and opens a new linked ticket after resolve once the reopen window is zero', async () => {
    const visitor = await t.newVisitor();
    const socket = t.visitorSocket(visitor.visitorToken);
    await connected(socket);
    const a = await send(socket, { clientMessageId: 'thread-0001', body: 'Ukurannya salah' });
    const b = await send(socket, { clientMessageId: 'thread-0002', body: 'Saya pesan M, datang L' });
    if (!a.ok || !b.ok) throw new Error('send failed');
    expect(b.message.ticketId).toBe(a.message.ticketId);

    await t.db.settings.set(REOPEN_DAYS_KEY, '0');
    await t.app.inject({ method: 'PATCH', url: `/api/tickets/${a.message.ticketId}`, headers: { authorization: `Bearer ${token}` }, payload: { status: 'resolved' } });
    const c = await send(socket, { clientMessageId: 'thread-0003', body: 'Masalah baru: refund belum masuk' });
    await t.db.settings.set(REOPEN_DAYS_KEY, '3');
    if (!c.ok) throw new Error('send failed');
    expect(c.message.ticketId).not.toBe(a.message.ticketId);
    expect((await t.db.tickets.findById(c.message.ticketId))?.previousTicketId).toBe(a.message.ticketId);
  });

  it.each([
    ['an empty body', { clientMessageId: 'bad-input-01', body: '' }, 'validation.failed'],
    ['a whitespace-only body', { clientMessageId: 'bad-input-02', body: '  \t ' }, 'validation.failed'],
    ['a body over 4,096 characters', { clientMessageId: 'bad-input-03', body: 'x'.repeat(4097) }, 'validation.failed'],
    ['a non-string body', { clientMessageId: 'bad-input-04', body: ['hi'] }, 'validation.failed'],
    ['a missing client id', { body: 'hi' }, 'validation.failed'],
    ['a payload that is not an object', 'just text', 'validation.failed'],
  ])('refuses %s over the socket and stores nothing', async (_label, payload, code) => {
    const visitor = await t.newVisitor();
    const socket = t.visitorSocket(visitor.visitorToken);
    await connected(socket);
    const ack = await send(socket, payload);
    expect(ack).toMatchObject({ ok: false, error: { code } });
    expect(await t.db.identities.findByExternalId('webchat', visitor.visitorId)).toBeNull();
  });

  it('refuses a forged visitor token on HTTP and on the socket', async () => {
    const real = await t.newVisitor();
    const forged = real.visitorToken.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    const session = await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: { visitorToken: forged } });
    expect(session.statusCode).toBe(401);
    expect(session.json().error.code).toBe('widget.invalid_visitor_token');
    const history = await t.app.inject({ method: 'GET', url: '/api/widget/conversation', headers: { authorization: `Bearer ${forged}` } });
    expect(history.statusCode).toBe(401);
    const socket = t.visitorSocket(forged);
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error.message).toBe('widget.invalid_visitor_token');
    socket.disconnect();
  });

  it('delivers the agent reply to the visitor and reports it read back to the agent', async () => {
    const agent = t.agentSocket(token);
    await connected(agent);
    const visitor = await t.newVisitor();
    const socket = t.visitorSocket(visitor.visitorToken);
    await connected(socket);
    const opened = await send(socket, { clientMessageId: 'reply-flow-1', body: 'Where is my order?' });
    if (!opened.ok) throw new Error('send failed');

    const received = nextPushed<VisitorEvent>(socket, (event) => event.type === 'message.created' && event.message.direction === 'out');
    const reply = await t.app.inject({
      method: 'POST',
      url: `/api/tickets/${opened.message.ticketId}/messages`,
      headers: { authorization: `Bearer ${token}` },
      payload: { body: 'It ships today, sorry for the wait!' },
    });
    const replyId = reply.json().id as number;
    const event = await received;
    expect(event.type === 'message.created' && event.message.body).toBe('It ships today, sorry for the wait!');

    await expect.poll(async () => (await t.db.messages.findById(replyId))?.status).toBe('sent');
    const readEvent = nextPushed<AgentEvent>(agent, (e) => e.type === 'message.status' && e.payload.messageId === replyId && e.payload.status === 'read');
    const ack = await new Promise((resolve) => socket.emit('message.receipt', { messageIds: [replyId], status: 'read' }, resolve as never));
    expect(ack).toEqual({ ok: true });
    await readEvent;
    expect((await t.db.messages.findById(replyId))?.status).toBe('read');
  });

  it("ignores a visitor's receipt for someone else's message", async () => {
    const owner = await t.newVisitor();
    const ownerSocket = t.visitorSocket(owner.visitorToken);
    await connected(ownerSocket);
    const opened = await send(ownerSocket, { clientMessageId: 'owner-msg-01', body: 'Mine' });
    if (!opened.ok) throw new Error('send failed');
    const reply = await t.app.inject({ method: 'POST', url: `/api/tickets/${opened.message.ticketId}/messages`, headers: { authorization: `Bearer ${token}` }, payload: { body: 'For the owner' } });
    const replyId = reply.json().id as number;
    await expect.poll(async () => (await t.db.messages.findById(replyId))?.status).toBe('sent');

    const stranger = t.visitorSocket((await t.newVisitor()).visitorToken);
    await connected(stranger);
    await new Promise((resolve) => stranger.emit('message.receipt', { messageIds: [replyId], status: 'read' }, resolve as never));
    expect((await t.db.messages.findById(replyId))?.status).toBe('sent');
  });

  it('replays exactly the events an agent missed while disconnected, in order', async () => {
    const agent = t.agentSocket(token);
    await connected(agent);
    const cursor = await t.db.events.latestId();
    agent.disconnect();

    const visitor = await t.newVisitor();
    const socket = t.visitorSocket(visitor.visitorToken);
    await connected(socket);
    for (const n of [1, 2, 3]) await send(socket, { clientMessageId: `missed-msg-${n}`, body: `Pesan ${n}` });

    agent.connect();
    await connected(agent);
    const result = await new Promise<{ ok: boolean; events: AgentEvent[]; latestId: number }>((resolve) =>
      agent.emit('sync', { lastEventId: cursor }, resolve as never),
    );
    expect(result.ok).toBe(true);
    const bodies = result.events.flatMap((event) => (event.type === 'message.created' ? [event.payload.message.body] : []));
    expect(bodies).toEqual(['Pesan 1', 'Pesan 2', 'Pesan 3']);
    const ids = result.events.map((event) => event.id);
    expect(ids).toEqual([...new Set(ids)].sort((x, y) => x - y));
    expect(ids[0]).toBeGreaterThan(cursor);
    expect(result.latestId).toBe(ids.at(-1));
  });

  it('refuses a malformed sync request with a coded error', async () => {
    const agent = t.agentSocket(token);
    await connected(agent);
    const result = await new Promise((resolve) => agent.emit('sync', { lastEventId: 'yesterday' } as never, resolve as never));
    expect(result).toMatchObject({ ok: false, error: { code: 'validation.failed' } });
  });

  it('gives a returning visitor their whole conversation', async () => {
    const visitor = await t.newVisitor();
    const socket = t.visitorSocket(visitor.visitorToken);
    await connected(socket);
    await send(socket, { clientMessageId: 'history-0001', body: 'Halo' });
    const response = await t.app.inject({ method: 'GET', url: '/api/widget/conversation', headers: { authorization: `Bearer ${visitor.visitorToken}` } });
    expect(response.statusCode).toBe(200);
    expect(response.json().messages.map((message: { body: string }) => message.body)).toEqual(['Halo']);
    const resumed = await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: { refreshToken: visitor.refreshToken } });
    expect(resumed.json().visitorId).toBe(visitor.visitorId);
  });
});
