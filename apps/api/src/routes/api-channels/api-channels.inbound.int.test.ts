import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiChannelSignature } from '@keluh/channels';
import { startApiChannelHarness, type ApiChannelHarness, type CreatedApiChannel } from '../../testing/api-channel-harness.ts';

describe('customer messages arriving through an API channel', () => {
  let h: ApiChannelHarness;
  let channel: CreatedApiChannel;
  let sender: string;
  beforeAll(async () => {
    h = await startApiChannelHarness();
  });
  afterAll(() => h.close());
  beforeEach(async () => {
    channel = await h.createChannel();
    sender = `chat-${Math.random().toString(36).slice(2, 8)}`;
  });

  const batch = (...messages: Record<string, unknown>[]) => JSON.stringify({ messages });
  const message = (key: string, text = 'Paket saya belum sampai', overrides: Record<string, unknown> = {}) => ({
    idempotencyKey: key,
    sender: { id: sender, name: 'Sari Wulandari', phone: '+6281234567890' },
    text,
    ...overrides,
  });
  const stored = (key: string) => h.t.db.messages.findByExternalId('api', `${channel.id}:${key}`);
  /** Every change appends an event, so an unchanged event position proves nothing at all was stored. */
  const expectNothingStoredSince = async (eventId: number) => {
    expect(await h.t.db.events.latestId()).toBe(eventId);
    expect(await h.t.db.identities.findByExternalId('api', `${channel.id}:${sender}`)).toBeNull();
  };

  it('opens a ticket for a signed message, with the customer known by name and phone', async () => {
    const response = await h.post(channel.id, batch(message('tg-1')), { secret: channel.secret });
    expect(response).toEqual({ status: 200, body: { accepted: 1, duplicates: 0, statuses: 0 } });
    const saved = await stored('tg-1');
    expect(saved).toMatchObject({ direction: 'in', channel: 'api', body: 'Paket saya belum sampai', status: 'received' });
    const detail = await h.t.app.inject({ method: 'GET', url: `/api/tickets/${saved!.ticketId}`, headers: h.agent });
    expect(detail.json()).toMatchObject({
      ticket: { lastChannel: 'api' },
      customer: { name: 'Sari Wulandari', phone: '+6281234567890' },
      identities: [{ channel: 'api', externalId: `${channel.id}:${sender}` }],
    });
  });

  it('threads a second message from the same sender into the same ticket', async () => {
    await h.post(channel.id, batch(message('tg-1')), { secret: channel.secret });
    await h.post(channel.id, batch(message('tg-2', 'Nomor pesanan INV-2291')), { secret: channel.secret });
    expect((await stored('tg-2'))!.ticketId).toBe((await stored('tg-1'))!.ticketId);
  });

  it('stores a message sent twice with the same idempotency key once', async () => {
    const raw = batch(message('tg-1'));
    await h.post(channel.id, raw, { secret: channel.secret });
    const again = await h.post(channel.id, raw, { secret: channel.secret });
    expect(again.body).toEqual({ accepted: 0, duplicates: 1, statuses: 0 });
    expect(await h.t.db.messages.listForTicket((await stored('tg-1'))!.ticketId)).toHaveLength(1);
  });

  it('stores a message once when the same key arrives on several connections at the same moment', async () => {
    const raw = batch(message('tg-race'));
    const answers = await Promise.all(Array.from({ length: 8 }, () => h.post(channel.id, raw, { secret: channel.secret })));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(answers.reduce((sum, answer) => sum + Number(answer.body.accepted), 0)).toBe(1);
    expect(await h.t.db.messages.listForTicket((await stored('tg-race'))!.ticketId)).toHaveLength(1);
  });

  it('keeps two integrations apart even when they use the same sender id and key', async () => {
    const other = await h.createChannel(undefined, 'Tokopedia chat');
    await h.post(channel.id, batch(message('k-1')), { secret: channel.secret });
    const response = await h.post(other.id, batch(message('k-1')), { secret: other.secret });
    expect(response.body.accepted).toBe(1);
    const theirs = await h.t.db.messages.findByExternalId('api', `${other.id}:k-1`);
    expect(theirs!.ticketId).not.toBe((await stored('k-1'))!.ticketId);
  });

  it('refuses a whole batch with one invalid message, pointing at it, and stores nothing', async () => {
    const before = await h.t.db.events.latestId();
    const response = await h.post(channel.id, batch(message('ok-1'), message('bad-1', '   '), message('ok-2')), { secret: channel.secret });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'validation.failed', details: { issues: [{ path: 'body.messages.1.text' }] } } });
    await expectNothingStoredSince(before);
  });

  it.each([
    ['no signature', () => ({ signature: undefined })],
    ['a signature made with another secret', () => ({ signature: apiChannelSignature(batch(message('tg-1')), 'not-the-secret') })],
    ['a signature of a different body', () => ({ signature: apiChannelSignature(batch(message('tg-1', 'Paket sudah sampai')), channel.secret) })],
    ['a malformed signature header', () => ({ signature: 'sha256=zz' })],
  ])('answers 401 to %s and stores nothing', async (_label, auth) => {
    const before = await h.t.db.events.latestId();
    const response = await h.post(channel.id, batch(message('tg-1')), auth());
    expect(response).toMatchObject({ status: 401, body: { error: { code: 'webhook.invalid_signature' } } });
    await expectNothingStoredSince(before);
  });

  it('answers 404 for a channel that does not exist', async () => {
    const response = await h.post(999_999, batch(message('tg-1')), { secret: channel.secret });
    expect(response).toMatchObject({ status: 404, body: { error: { code: 'api_channel.not_found' } } });
  });

  it('answers 400 webhook.invalid_payload to a signed body that is not JSON', async () => {
    const before = await h.t.db.events.latestId();
    const response = await h.post(channel.id, 'messages=hello', { secret: channel.secret });
    expect(response).toMatchObject({ status: 400, body: { error: { code: 'webhook.invalid_payload' } } });
    expect(await h.t.db.events.latestId()).toBe(before);
  });

  it('reads the body as signed bytes whatever content type it is labelled with', async () => {
    const raw = batch(message('tg-text', 'Halo — pesanan belum datang 🙏'));
    const response = await fetch(`${h.t.url}/webhooks/api/${channel.id}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8', 'x-keluh-signature': apiChannelSignature(raw, channel.secret) },
      body: raw,
    });
    expect(response.status).toBe(200);
    expect((await stored('tg-text'))?.body).toBe('Halo — pesanan belum datang 🙏');
  });
});
