import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, startTestApp, type TestApp } from '../testing/test-app.ts';

/*
 * Text people type into the console, the widget and admin forms: NUL and lone surrogates are refused
 * with `text.invalid_characters` and nothing is stored. The JSON below is raw text, so `\ud83d` and
 * `\u0000` reach the server as JSON escapes, exactly as a buggy client or a hand-made request sends them.
 */

const LONE_SURROGATE = String.raw`Kecewa \ud83d`;
const NUL = String.raw`Halo\u0000`;
const BAD_TEXTS: [string, string][] = [
  ['a lone surrogate', LONE_SURROGATE],
  ['a NUL character', NUL],
];

type Refusal = { error: { code: string; details: { issues: { path: string }[] } } };

describe('text typed by people that is not valid Unicode', () => {
  let t: TestApp;
  let agent: Record<string, string>;
  let admin: Record<string, string>;
  let ticketId: number;

  beforeAll(async () => {
    t = await startTestApp();
    agent = { authorization: `Bearer ${await t.login()}`, 'content-type': 'application/json' };
    admin = { authorization: `Bearer ${await t.loginAdmin()}`, 'content-type': 'application/json' };
    const now = new Date().toISOString();
    const customer = await t.db.customers.create({ name: 'Sari' }, now);
    ticketId = (await t.db.tickets.createActiveIfAbsent({ customerId: customer.id, subject: 'Paket', channel: 'webchat' }, now))!.id;
  });
  afterAll(() => t.close());

  const refused = (response: { statusCode: number; json(): unknown }, path: string) => {
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'text.invalid_characters', details: { issues: [{ path }] } } } satisfies Refusal);
  };

  it.each(BAD_TEXTS)('refuses %s in an agent reply and stores nothing', async (_label, text) => {
    const response = await t.app.inject({ method: 'POST', url: `/api/tickets/${ticketId}/messages`, headers: agent, payload: `{"body":"${text}"}` });
    refused(response, 'body.body');
    expect(await t.db.messages.listForTicket(ticketId)).toHaveLength(0);
  });

  it.each(BAD_TEXTS)('refuses %s in a template parameter', async (_label, text) => {
    const payload = `{"template":{"name":"complaint_followup_v2","language":"id","parameters":["Sari","${text}"]}}`;
    refused(await t.app.inject({ method: 'POST', url: `/api/tickets/${ticketId}/messages`, headers: agent, payload }), 'body.template.parameters.1');
    expect(await t.db.messages.listForTicket(ticketId)).toHaveLength(0);
  });

  it.each(BAD_TEXTS)('refuses %s in the name a widget visitor gives', async (_label, text) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/widget/sessions', headers: { 'content-type': 'application/json' }, payload: `{"name":"${text}"}` });
    refused(response, 'body.name');
  });

  it.each(BAD_TEXTS)('refuses %s in an API channel name and keeps the old one', async (_label, text) => {
    refused(await t.app.inject({ method: 'POST', url: '/api/api-channels', headers: admin, payload: `{"name":"${text}","webhookUrl":"https://bridge.example/keluh"}` }), 'body.name');
    expect(await t.db.apiChannels.list()).toHaveLength(0);
    const created = await t.app.inject({ method: 'POST', url: '/api/api-channels', headers: admin, payload: { name: 'Bridge', webhookUrl: 'https://bridge.example/keluh' } });
    const { id } = created.json<{ id: number }>();
    refused(await t.app.inject({ method: 'PATCH', url: `/api/api-channels/${id}`, headers: admin, payload: `{"name":"${text}"}` }), 'body.name');
    expect((await t.db.apiChannels.findById(id))?.name).toBe('Bridge');
    await t.db.apiChannels.delete(id);
  });

  it.each(BAD_TEXTS)('refuses %s in channel credentials an admin types', async (_label, text) => {
    const payload = `{"appSecret":"${text}","verifyToken":"v","accessToken":"a","phoneNumberId":"118220045566779"}`;
    refused(await t.app.inject({ method: 'PUT', url: '/api/channels/whatsapp', headers: admin, payload }), 'body.appSecret');
    expect(await t.db.channelConfigs.get('whatsapp')).toBeNull();
  });

  it('refuses such text in a query string too', async () => {
    refused(await t.app.inject({ method: 'GET', url: '/api/tickets?cursor=%00', headers: agent }), 'query.cursor');
  });

  it.each(BAD_TEXTS)('refuses %s in a widget message over the socket and stores nothing', async (_label, text) => {
    const visitor = await t.newVisitor();
    const socket = t.visitorSocket(visitor.visitorToken);
    await connected(socket);
    // socket.io serialises with JSON.stringify, which writes a lone surrogate and NUL as escapes.
    const body = JSON.parse(`"${text}"`) as string;
    const ack = await new Promise((resolve) => socket.emit('message.send', { clientMessageId: 'bad-text-0001', body }, resolve as never));
    expect(ack).toMatchObject({ ok: false, error: { code: 'text.invalid_characters', details: { issues: [{ path: 'body' }] } } });
    expect(await t.db.identities.findByExternalId('webchat', visitor.visitorId)).toBeNull();
    socket.disconnect();
  });

  it('accepts emoji, accents and line breaks unchanged', async () => {
    const body = 'Kecewa 😞 — café\nTolong dibantu';
    const response = await t.app.inject({ method: 'POST', url: `/api/tickets/${ticketId}/messages`, headers: agent, payload: { body } });
    expect(response.statusCode).toBe(201);
    expect((await t.db.messages.listForTicket(ticketId)).map((m) => m.body)).toEqual([body]);
  });
});
