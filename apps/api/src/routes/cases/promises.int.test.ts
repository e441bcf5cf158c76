import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentEvent, PromiseDto, VisitorEvent } from '@keluh/contracts';
import { connected, nextPushed, startTestApp, type TestApp } from '../../testing/test-app.ts';

type SendAck = { ok: true; message: { ticketId: number } } | { ok: false; error: { code: string } };
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe('promises to a customer over HTTP, seen live by the agent and by the visitor', () => {
  let t: TestApp;
  let token: string;
  let headers: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    token = await t.login();
    headers = { authorization: `Bearer ${token}` };
  });
  afterAll(() => t.close());

  /** A visitor on the widget with an open complaint, their socket connected. */
  async function visitorWithTicket(body: string) {
    const visitor = await t.newVisitor();
    const socket = t.visitorSocket(visitor.visitorToken);
    await connected(socket);
    const ack = await new Promise<SendAck>((resolve) => socket.emit('message.send', { clientMessageId: `c-${Math.random().toString(36).slice(2, 12)}`, body }, resolve as never));
    if (!ack.ok) throw new Error(`send failed: ${ack.error.code}`);
    return { visitor, socket, ticketId: ack.message.ticketId };
  }
  const promise = (ticketId: number, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/tickets/${ticketId}/promises`, headers, payload });
  const settle = (id: number, state: string) => t.app.inject({ method: 'PATCH', url: `/api/promises/${id}`, headers, payload: { state } });

  it('shows the visitor the promise card when it is made and when it is kept, and in the conversation fetch', async () => {
    const { visitor, socket, ticketId } = await visitorWithTicket('Pesanan saya belum dikirim');
    const agent = t.agentSocket(token);
    await connected(agent);

    const card = nextPushed<VisitorEvent>(socket, (event) => event.type === 'promise.updated');
    const staff = nextPushed<AgentEvent>(agent, (event) => event.type === 'promise.updated');
    const dueAt = inHours(6);
    const response = await promise(ticketId, { text: 'Pesanan dikirim hari ini sebelum jam 17.00', dueAt });
    expect(response.statusCode).toBe(201);
    const made = response.json<PromiseDto>();
    expect(made).toMatchObject({ ticketId, state: 'open', ownerUserId: t.agentId, ownerName: 'Test Agent', createdBy: t.agentId, dueAt });

    // The visitor's card carries what, by when and the state, and nothing about who owns it.
    expect(await card).toEqual({ id: expect.any(Number), type: 'promise.updated', promise: { id: made.id, ticketId, text: made.text, dueAt, state: 'open' } });
    expect((await staff).payload).toMatchObject({ change: 'created', promise: { id: made.id, ownerName: 'Test Agent' } });

    const kept = nextPushed<VisitorEvent>(socket, (event) => event.type === 'promise.updated' && event.promise.state === 'kept');
    expect((await settle(made.id, 'kept')).json()).toMatchObject({ state: 'kept', settledBy: t.agentId });
    expect((await kept).type).toBe('promise.updated');

    const conversation = await t.app.inject({ method: 'GET', url: '/api/widget/conversation', headers: { authorization: `Bearer ${visitor.visitorToken}` } });
    expect(conversation.json().promises).toEqual([{ id: made.id, ticketId, text: made.text, dueAt, state: 'kept' }]);
  });

  it("never shows one visitor another visitor's promise", async () => {
    const first = await visitorWithTicket('Refund belum masuk');
    const second = await visitorWithTicket('Voucher tidak bisa dipakai');
    const seen: VisitorEvent[] = [];
    second.socket.on('events', (batch: VisitorEvent[]) => seen.push(...batch));
    const card = nextPushed<VisitorEvent>(first.socket, (event) => event.type === 'promise.updated');
    await promise(first.ticketId, { text: 'Refund diproses 2 hari kerja', dueAt: inHours(48) });
    await card;
    expect(seen.filter((event) => event.type === 'promise.updated')).toEqual([]);
    const conversation = await t.app.inject({ method: 'GET', url: '/api/widget/conversation', headers: { authorization: `Bearer ${second.visitor.visitorToken}` } });
    expect(conversation.json().promises).toEqual([]);
  });

  it('refuses a due time in the past, a second open promise, an unknown owner and a bad body, storing nothing', async () => {
    const { ticketId } = await visitorWithTicket('Barang rusak');
    const past = await promise(ticketId, { text: 'Kemarin', dueAt: inHours(-1) });
    expect([past.statusCode, past.json().error.code]).toEqual([400, 'promise.due_in_past']);
    const owner = await promise(ticketId, { text: 'Besok', dueAt: inHours(24), ownerUserId: 999_999 });
    expect([owner.statusCode, owner.json().error.code]).toEqual([404, 'user.not_found']);
    for (const payload of [{ text: 'ok', dueAt: inHours(2) }, { text: 'Besok pagi', dueAt: 'besok' }, { text: 'Besok pagi', dueAt: inHours(2), extra: 1 }]) {
      const bad = await promise(ticketId, payload);
      expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'validation.failed']);
    }
    expect(await t.db.promises.listForTicket(ticketId)).toEqual([]);

    expect((await promise(ticketId, { text: 'Tukar barang besok', dueAt: inHours(24) })).statusCode).toBe(201);
    const second = await promise(ticketId, { text: 'Atau refund', dueAt: inHours(24) });
    expect([second.statusCode, second.json().error.code]).toEqual([409, 'promise.open_exists']);
    expect(await t.db.promises.listForTicket(ticketId)).toHaveLength(1);
    const missing = await promise(999_999, { text: 'Besok pagi', dueAt: inHours(2) });
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'ticket.not_found']);
  });

  it('settles a promise once: a second outcome is promise.settled and changes nothing', async () => {
    const { ticketId } = await visitorWithTicket('Kurir tidak datang');
    const made = (await promise(ticketId, { text: 'Kurir dijadwalkan ulang', dueAt: inHours(3) })).json<PromiseDto>();
    expect((await settle(made.id, 'broken')).json()).toMatchObject({ state: 'broken' });
    const again = await settle(made.id, 'kept');
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'promise.settled']);
    expect((await t.db.promises.findById(made.id))?.state).toBe('broken');
    const unknown = await settle(999_999, 'kept');
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'promise.not_found']);
    const open = await settle(made.id, 'open');
    expect([open.statusCode, open.json().error.code]).toEqual([400, 'validation.failed']);
  });

  it('suggests a day for a ticket with no history, on the quarter hour', async () => {
    const { ticketId } = await visitorWithTicket('Aplikasi error terus');
    const response = await t.app.inject({ method: 'GET', url: `/api/tickets/${ticketId}/promise-suggestion`, headers });
    expect(response.statusCode).toBe(200);
    const suggestion = response.json();
    expect(suggestion).toMatchObject({ basedOn: 0, source: 'default', medianMs: null, p80Ms: null });
    expect(Date.parse(suggestion.suggestedDueAt) % (15 * 60_000)).toBe(0);
    expect(Date.parse(suggestion.suggestedDueAt) - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
  });
});
