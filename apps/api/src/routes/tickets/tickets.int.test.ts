import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingestMessage, systemClock } from '@keluh/core';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

describe('working tickets over HTTP', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  let ticketId: number;

  const inbound = (externalId: string, sender: string, body: string) =>
    ingestMessage(
      { db: t.db, clock: systemClock, events: { publish: () => undefined } },
      { kind: 'message', channel: 'webchat', externalMessageId: externalId, sender: { externalId: sender, displayName: `Customer ${sender}` }, body, sentAt: new Date().toISOString() },
    );
  const messageCount = async () => (await t.db.messages.listForTicket(ticketId)).length;

  beforeAll(async () => {
    t = await startTestApp();
    headers = { authorization: `Bearer ${await t.login()}` };
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    ticketId = (await inbound(`m-${Math.random()}`, `s-${Math.random()}`, 'Pesanan saya rusak')).ticket.id;
  });

  it('lists tickets newest activity first with the event position they reflect', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/tickets?limit=100', headers });
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.items[0].id).toBe(ticketId);
    expect(page.items[0].customer.name).toMatch(/^Customer /);
    expect(page.lastEventId).toBeGreaterThan(0);
    const times = page.items.map((item: { lastMessageAt: string }) => item.lastMessageAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('filters by status and channel and pages without gaps', async () => {
    await t.app.inject({ method: 'PATCH', url: `/api/tickets/${ticketId}`, headers, payload: { status: 'resolved' } });
    const resolved = (await t.app.inject({ method: 'GET', url: '/api/tickets?status=resolved', headers })).json();
    expect(resolved.items.map((item: { id: number }) => item.id)).toContain(ticketId);
    expect(resolved.items.every((item: { status: string }) => item.status === 'resolved')).toBe(true);
    const whatsapp = (await t.app.inject({ method: 'GET', url: '/api/tickets?channel=whatsapp', headers })).json();
    expect(whatsapp.items).toEqual([]);

    const all = (await t.app.inject({ method: 'GET', url: '/api/tickets?limit=100', headers })).json().items.map((item: { id: number }) => item.id);
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = (await t.app.inject({ method: 'GET', url: `/api/tickets?limit=1${query}`, headers })).json();
      paged.push(...page.items.map((item: { id: number }) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  it('refuses an unknown status filter with the field path', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/tickets?status=lost', headers });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues[0].path).toMatch(/^querystring\.status/);
  });

  it('shows a ticket with its customer, identities and timeline', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/tickets/${ticketId}`, headers });
    expect(response.statusCode).toBe(200);
    const detail = response.json();
    expect(detail.ticket.id).toBe(ticketId);
    expect(detail.customer.type).toBe('external');
    expect(detail.identities[0].channel).toBe('webchat');
    expect(detail.messages.map((message: { body: string }) => message.body)).toEqual(['Pesanan saya rusak']);
  });

  it('answers an unknown ticket with ticket.not_found and a non-numeric id with validation.failed', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/tickets/999999', headers });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('ticket.not_found');
    const bad = await t.app.inject({ method: 'GET', url: '/api/tickets/abc', headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation.failed');
  });

  it('stores an agent reply as queued, then sends it through the outbox', async () => {
    const response = await t.app.inject({ method: 'POST', url: `/api/tickets/${ticketId}/messages`, headers, payload: { body: 'Mohon maaf, kami cek sekarang.' } });
    expect(response.statusCode).toBe(201);
    const message = response.json();
    expect(message).toMatchObject({ direction: 'out', authorKind: 'agent', authorName: 'Test Agent', status: 'queued', channel: 'webchat' });
    await expect.poll(async () => (await t.db.messages.findById(message.id))?.status).toBe('sent');
    const ticket = await t.db.tickets.findById(ticketId);
    expect(ticket?.firstResponseAt).not.toBeNull();
  });

  it.each([
    ['an empty body', { body: '' }],
    ['a whitespace-only body', { body: '   \n ' }],
    ['a body over 4,096 characters', { body: 'a'.repeat(4097) }],
    ['a body that is a number', { body: 12 }],
    ['a body that is an object', { body: { text: 'hi' } }],
    ['no body at all', {}],
  ])('refuses a reply with %s and stores nothing', async (_label, payload) => {
    const before = await messageCount();
    const response = await t.app.inject({ method: 'POST', url: `/api/tickets/${ticketId}/messages`, headers, payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation.failed');
    expect(response.json().error.details.issues[0].path).toBe('body.body');
    expect(await messageCount()).toBe(before);
  });

  it('refuses a reply to an unknown ticket and to malformed JSON, storing nothing', async () => {
    const unknown = await t.app.inject({ method: 'POST', url: '/api/tickets/424242/messages', headers, payload: { body: 'hello' } });
    expect(unknown.statusCode).toBe(404);
    const before = await messageCount();
    const malformed = await t.app.inject({
      method: 'POST',
      url: `/api/tickets/${ticketId}/messages`,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"body": "unterminated',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('request.malformed_json');
    expect(await messageCount()).toBe(before);
  });

  it('changes status, priority and assignee in one request', async () => {
    const response = await t.app.inject({ method: 'PATCH', url: `/api/tickets/${ticketId}`, headers, payload: { status: 'pending', priority: 'urgent', assigneeId: t.agentId } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'pending', priority: 'urgent', assigneeId: t.agentId, assignee: { name: 'Test Agent' } });
  });

  it('refuses a change made on a stale version with ticket.conflict, and changes nothing', async () => {
    const seen = (await t.app.inject({ method: 'GET', url: `/api/tickets/${ticketId}`, headers })).json().ticket;
    const first = await t.app.inject({ method: 'PATCH', url: `/api/tickets/${ticketId}`, headers, payload: { priority: 'high', version: seen.version } });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(seen.version + 1);
    // A second agent still looking at the old version.
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/tickets/${ticketId}`, headers, payload: { priority: 'low', version: seen.version } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'ticket.conflict', details: { currentVersion: seen.version + 1 } });
    expect(await t.db.tickets.findById(ticketId)).toMatchObject({ priority: 'high', version: seen.version + 1 });
    // Without a version, the change applies to the ticket as it stands.
    expect((await t.app.inject({ method: 'PATCH', url: `/api/tickets/${ticketId}`, headers, payload: { priority: 'low' } })).json()).toMatchObject({ priority: 'low' });
  });

  it('refuses an unknown assignee, an unknown field and an empty change', async () => {
    const ghost = await t.app.inject({ method: 'PATCH', url: `/api/tickets/${ticketId}`, headers, payload: { assigneeId: 9999 } });
    expect(ghost.statusCode).toBe(404);
    expect(ghost.json().error.code).toBe('user.not_found');
    const unknownField = await t.app.inject({ method: 'PATCH', url: `/api/tickets/${ticketId}`, headers, payload: { colour: 'red' } });
    expect(unknownField.statusCode).toBe(400);
    const empty = await t.app.inject({ method: 'PATCH', url: `/api/tickets/${ticketId}`, headers, payload: {} });
    expect(empty.statusCode).toBe(400);
    expect((await t.db.tickets.findById(ticketId))?.status).toBe('open');
  });

  it('clears the unread count when an agent reads the ticket', async () => {
    await inbound(`m-${Math.random()}`, 'unread-sender', 'first');
    const { ticket } = await inbound(`m-${Math.random()}`, 'unread-sender', 'second');
    expect(ticket.unreadCount).toBe(2);
    const response = await t.app.inject({ method: 'POST', url: `/api/tickets/${ticket.id}/read`, headers });
    expect(response.json().unreadCount).toBe(0);
  });
});
