import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMetaSim, wa, type MetaSim } from '@keluh/meta-sim';
import type { Message } from '@keluh/core';
import { startApiChannelHarness, type ApiChannelHarness } from '../testing/api-channel-harness.ts';
import { WA_PHONE_NUMBER_ID } from '../testing/channel-harness.ts';
import { eventually, startTestApp, type TestApp } from '../testing/test-app.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../testing/webhook-receiver.ts';

const whatsappForm = (overrides: Record<string, string> = {}) => ({
  appSecret: 'wa-app-secret-1',
  verifyToken: 'wa-verify-1',
  accessToken: 'wa-token-typed-by-admin-1',
  phoneNumberId: WA_PHONE_NUMBER_ID,
  graphBaseUrl: 'https://graph.facebook.com',
  ...overrides,
});

/**
 * Admin-entered endpoints are requests the server makes: a Graph base URL or an integration webhook
 * pointing at 127.0.0.1 or 10.x would let a stolen admin session (or a careless one) make the server
 * call inside its own network. Refused when saved, and again on every send.
 */
describe('endpoints an admin configures, with nothing listed in OUTBOUND_ALLOW_HOSTS', () => {
  let h: ApiChannelHarness;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    h = await startApiChannelHarness({ config: { OUTBOUND_ALLOW_HOSTS: [] } });
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await h.close();
    await receiver.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
  });

  const putWhatsapp = (payload: Record<string, string>) => h.t.app.inject({ method: 'PUT', url: '/api/channels/whatsapp', headers: h.admin, payload });
  const apiChannels = (method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>) => h.t.app.inject({ method, url: `/api/api-channels${url}`, headers: h.admin, payload });

  it.each([
    ['loopback over http (a local stand-in not listed)', 'http://127.0.0.1:3900'],
    ['loopback over https', 'https://127.0.0.1:8443'],
    ['a private address', 'https://10.1.2.3'],
    ['the cloud metadata service', 'https://169.254.169.254'],
    ['a name that resolves to loopback', 'https://localhost:8443'],
  ])('refuses a Graph base URL at %s when saved, and stores nothing', async (_label, graphBaseUrl) => {
    const response = await putWhatsapp(whatsappForm({ graphBaseUrl }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'outbound.blocked', details: { field: 'graphBaseUrl', issues: [{ path: 'body.graphBaseUrl' }] } });
    expect(await h.t.db.channelConfigs.get('whatsapp')).toBeNull();
  });

  it('asks for the access token again when the Graph base URL moves to another host', async () => {
    expect((await putWhatsapp(whatsappForm())).statusCode).toBe(200);
    const masked = (await h.t.app.inject({ method: 'GET', url: '/api/channels', headers: h.admin })).json().items[0].settings.accessToken as string;
    expect(masked).toMatch(/^••••/);

    // Same host, another setting changed: the masked token keeps the stored one.
    expect((await putWhatsapp(whatsappForm({ accessToken: masked, graphVersion: 'v24.0' }))).statusCode).toBe(200);
    expect((await h.t.db.channelConfigs.get('whatsapp'))?.settings.accessToken).toBe('wa-token-typed-by-admin-1');

    const moved = await putWhatsapp(whatsappForm({ accessToken: masked, graphBaseUrl: 'https://graph.example.org' }));
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error).toMatchObject({ code: 'channel.token_required', details: { field: 'accessToken' } });
    expect((await h.t.db.channelConfigs.get('whatsapp'))?.settings).toMatchObject({ graphBaseUrl: 'https://graph.facebook.com', accessToken: 'wa-token-typed-by-admin-1' });

    const retyped = await putWhatsapp(whatsappForm({ accessToken: 'a-token-for-the-new-host', graphBaseUrl: 'https://graph.example.org' }));
    expect(retyped.statusCode).toBe(200);
    expect((await h.t.db.channelConfigs.get('whatsapp'))?.settings).toMatchObject({ graphBaseUrl: 'https://graph.example.org', accessToken: 'a-token-for-the-new-host' });
  });

  it.each([
    ['loopback', 'http://127.0.0.1:9/keluh'],
    ['a private address', 'https://192.168.1.20/keluh'],
    ['IPv6 loopback', 'https://[::1]:8443/keluh'],
    ['a name that resolves to loopback', 'https://localhost/keluh'],
  ])('refuses an API-channel webhook URL at %s, on create and on change', async (_label, webhookUrl) => {
    const before = (await h.t.db.apiChannels.list()).length;
    const created = await apiChannels('POST', '/', { name: 'Bridge', webhookUrl });
    expect(created.statusCode).toBe(400);
    expect(created.json().error).toMatchObject({ code: 'outbound.blocked', details: { field: 'webhookUrl' } });
    expect(await h.t.db.apiChannels.list()).toHaveLength(before);

    const { id } = await h.createChannel('https://bridge.example/keluh');
    const changed = await apiChannels('PATCH', `/${id}`, { webhookUrl });
    expect(changed.json().error.code).toBe('outbound.blocked');
    expect((await h.t.db.apiChannels.findById(id))?.webhookUrl).toBe('https://bridge.example/keluh');
  });

  it('fails a reply for good when a webhook URL saved before the rule points at loopback, and sends nothing', async () => {
    const channel = await h.createChannel('https://bridge.example/keluh');
    await h.t.db.apiChannels.update(channel.id, { webhookUrl: receiver.url }, new Date().toISOString());
    await h.post(channel.id, JSON.stringify({ messages: [{ idempotencyKey: 'ssrf-1', sender: { id: 'chat-9' }, text: 'Halo' }] }), { secret: channel.secret });
    const ticketId = (await h.t.db.messages.findByExternalId('api', `${channel.id}:ssrf-1`))!.ticketId;
    const reply = await h.t.app.inject({ method: 'POST', url: `/api/tickets/${ticketId}/messages`, headers: h.agent, payload: { body: 'Kami cek' } });
    let sent: Message | null = null;
    await eventually(async () => {
      sent = await h.t.db.messages.findById(reply.json<Message>().id);
      expect(sent?.status).toBe('failed');
    });
    expect(sent!.error).toMatchObject({ code: 'outbound.blocked', reason: expect.stringMatching(/127\.0\.0\.1/) });
    expect(receiver.received).toHaveLength(0);
  });
});

describe('a WhatsApp channel whose stored Graph base URL is a local stand-in nobody listed', () => {
  let sim: MetaSim;
  let t: TestApp;
  beforeAll(async () => {
    sim = createMetaSim({});
    await sim.start();
    t = await startTestApp({
      channels: {
        whatsapp: { appSecret: sim.knobs.whatsapp.appSecret, verifyToken: 'v', accessToken: sim.knobs.whatsapp.accessToken, phoneNumberId: WA_PHONE_NUMBER_ID, graphBaseUrl: sim.url, graphVersion: 'v23.0' },
      },
    });
    sim.knobs.whatsapp.webhookUrl = `${t.url}/webhooks/whatsapp`;
  });
  afterAll(async () => {
    await t.close();
    await sim.stop();
  });

  it('still takes the customer’s messages in, but sends the reply nowhere and fails it with outbound.blocked', async () => {
    await sim.webhooks.whatsapp.inbound({ name: 'Rina', waId: '6281200007001' }, wa.text('Paket saya rusak', { id: 'wamid.blocked.in' }));
    let inbound: Message | null = null;
    await eventually(async () => {
      inbound = await t.db.messages.findByExternalId('whatsapp', 'wamid.blocked.in');
      expect(inbound).not.toBeNull();
    });
    const headers = { authorization: `Bearer ${await t.login()}` };
    const reply = await t.app.inject({ method: 'POST', url: `/api/tickets/${inbound!.ticketId}/messages`, headers, payload: { body: 'Mohon maaf, Kak' } });
    expect(reply.statusCode).toBe(201);
    await eventually(async () => expect((await t.db.messages.findById(reply.json<Message>().id))?.status).toBe('failed'));
    expect((await t.db.messages.findById(reply.json<Message>().id))?.error?.code).toBe('outbound.blocked');
    expect(sim.state.sent).toHaveLength(0);
  });
});
