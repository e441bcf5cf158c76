import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestMessage } from '@keluh/core';
import type { TicketStoryDto } from '@keluh/contracts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { inboundTicket, teamMember } from '../../testing/team-fixture.ts';

describe('the story so far of a ticket', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    headers = { authorization: `Bearer ${await t.login()}` };
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'PUT' | 'PATCH' | 'POST', url: string, payload?: Record<string, unknown>) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const story = async (ticketId: number) => (await call('GET', `/api/tickets/${ticketId}/story`)).json<TicketStoryDto>();

  it('gathers the facts, the stage, the promises and the last thing said on each channel from what is stored', async () => {
    const ticketId = await inboundTicket(t, 'story-rina', 'Pesanan INV-20931 belum sampai');
    // Another channel of the same customer joins this ticket (as the identity slice threads it).
    const sentAt = new Date(Date.now() + 60_000).toISOString();
    await t.db.messages.insertIfAbsent({ ticketId, direction: 'in', authorKind: 'customer', channel: 'whatsapp', externalId: 'wamid.story-1', body: 'Ini saya yang tadi di web, resi JP1234567890', status: 'received', sentAt }, sentAt);
    expect((await call('PATCH', `/api/tickets/${ticketId}/workflow`, { category: 'delivery' })).statusCode).toBe(200);
    expect((await call('PUT', `/api/tickets/${ticketId}/facts/order_number`, { value: 'INV-20931' })).statusCode).toBe(200);
    expect((await call('POST', `/api/tickets/${ticketId}/workflow/transitions`, { to: 2, reason: 'Langsung ke detail' })).statusCode).toBe(200);
    const dueAt = new Date(Date.now() + 86_400_000).toISOString();
    expect((await call('POST', `/api/tickets/${ticketId}/promises`, { text: 'Kurir dihubungi besok pagi', dueAt })).statusCode).toBe(201);

    const told = await story(ticketId);
    expect(told).toMatchObject({
      ticketId,
      stage: 2,
      stageKey: 'details',
      complaint: true,
      category: { key: 'delivery', label: { id: 'Pengiriman', en: 'Delivery' } },
      facts: [{ key: 'order_number', label: { id: 'Nomor pesanan', en: 'Order number' }, value: 'INV-20931', source: 'agent' }],
      missing: [{ key: 'tracking_number', label: { id: 'Nomor resi', en: 'Tracking number' } }],
      promises: [{ text: 'Kurir dihubungi besok pagi', dueAt, state: 'open', ownerName: 'Test Agent' }],
      previousTicketId: null,
    });
    expect(told.lastSaid.map(({ channel, body }) => [channel, body])).toEqual([
      ['whatsapp', 'Ini saya yang tadi di web, resi JP1234567890'],
      ['webchat', 'Pesanan INV-20931 belum sampai'],
    ]);
  });

  it('a kept promise is told as kept', async () => {
    const ticketId = await inboundTicket(t, 'story-kept');
    const made = await call('POST', `/api/tickets/${ticketId}/promises`, { text: 'Refund hari ini', dueAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await call('PATCH', `/api/promises/${made.json().id}`, { state: 'kept' })).statusCode).toBe(200);
    expect((await story(ticketId)).promises.map((promise) => promise.state)).toEqual(['kept']);
  });

  it("is not told about another team's ticket, nor about one that does not exist", async () => {
    const ticketId = await inboundTicket(t, 'story-hidden');
    const outsider = await teamMember(t, 'Penjualan', 'agent', 'story-maya@keluh.test');
    const hidden = await t.app.inject({ method: 'GET', url: `/api/tickets/${ticketId}/story`, headers: outsider.headers });
    expect([hidden.statusCode, hidden.json().error.code]).toEqual([404, 'ticket.not_found']);
    expect((await call('GET', '/api/tickets/99999999/story')).json().error.code).toBe('ticket.not_found');
  });
});

describe('what the customer writes tells their language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const write = (sender: string, body: string) =>
    ingestMessage(t.app.services.core, { kind: 'message', channel: 'webchat', externalMessageId: `m-${Math.random()}`, sender: { externalId: sender, displayName: 'Alex' }, body, sentAt: new Date().toISOString() });

  it('an English writer is English, and a later "ok thanks" does not make them Indonesian', async () => {
    const { ticket } = await write('lang-alex', 'Hi, my order has not arrived yet and it has been a week');
    expect(ticket.customer.language).toBe('en');
    await write('lang-alex', 'ok');
    await write('lang-alex', 'oke kak thanks');
    expect((await t.db.customers.findById(ticket.customerId))?.language).toBe('en');
  });

  it('an Indonesian writer stays Indonesian through English loanwords, and switching language for real switches it', async () => {
    const { ticket } = await write('lang-sari', 'min paketnya udh dikirim blm? tracking nya gmn');
    expect(ticket.customer.language).toBe('id');
    await write('lang-sari', 'refund order saya kapan ya kak?');
    expect((await t.db.customers.findById(ticket.customerId))?.language).toBe('id');
    const { ticket: after } = await write('lang-sari', 'Sorry, can you please tell me where my package is now?');
    expect(after.customer.language).toBe('en');
  });
});

describe('the ticket list filtered by the customer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('narrows to customer types and characteristics given in the query', async () => {
    const headers = { authorization: `Bearer ${await t.login()}` };
    const reseller = await inboundTicket(t, 'filter-reseller', 'ada diskon buat reseller?');
    const buyer = await inboundTicket(t, 'filter-buyer', 'paket saya belum sampai');
    const resellerId = (await t.db.tickets.findById(reseller))!.customerId;
    await t.app.inject({ method: 'PATCH', url: `/api/customers/${resellerId}`, headers, payload: { type: 'intermediary' } });
    const ids = async (query: string) => (await t.app.inject({ method: 'GET', url: `/api/tickets?${query}`, headers })).json<{ items: { id: number }[] }>().items.map((item) => item.id);
    expect(await ids('customerType=intermediary')).toEqual([reseller]);
    expect(await ids('characteristic=thrifty')).toEqual([reseller]);
    expect(await ids('characteristic=new,thrifty')).toEqual([buyer, reseller]);
    expect(await ids('customerType=external&characteristic=thrifty')).toEqual([]);
    const bad = await t.app.inject({ method: 'GET', url: '/api/tickets?characteristic=grumpy', headers });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'validation.failed']);
  });
});
