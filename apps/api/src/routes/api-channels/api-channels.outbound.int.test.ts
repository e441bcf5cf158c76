import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isValidApiChannelSignature } from '@keluh/channels';
import type { Message } from '@keluh/core';
import { startApiChannelHarness, type ApiChannelHarness, type CreatedApiChannel } from '../../testing/api-channel-harness.ts';
import { eventually } from '../../testing/test-app.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../testing/webhook-receiver.ts';

describe("agent replies delivered to the integrator's webhook", () => {
  let h: ApiChannelHarness;
  let receiver: WebhookReceiver;
  let channel: CreatedApiChannel;
  let ticketId: number;
  beforeAll(async () => {
    h = await startApiChannelHarness();
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await h.close();
    await receiver.close();
  });
  beforeEach(async () => {
    receiver.received.length = 0;
    receiver.fallback = 200;
    channel = await h.createChannel(receiver.url);
    const raw = JSON.stringify({ messages: [{ idempotencyKey: 'in-1', sender: { id: 'chat-77' }, text: 'Paket saya rusak' }] });
    await h.post(channel.id, raw, { secret: channel.secret });
    ticketId = (await h.t.db.messages.findByExternalId('api', `${channel.id}:in-1`))!.ticketId;
  });

  const reply = async (body: string): Promise<Message> => {
    const response = await h.t.app.inject({ method: 'POST', url: `/api/tickets/${ticketId}/messages`, headers: h.agent, payload: { body } });
    expect(response.statusCode).toBe(201);
    return response.json<Message>();
  };
  const messageNow = async (id: number) => (await h.t.db.messages.findById(id))!;
  /** Past the outbox back-off, then a dispatch run, as the worker's timer would do. */
  const nextAttempt = () => {
    h.advance(5 * 60_000);
    h.t.app.services.outbox.kick();
  };

  it('POSTs the reply signed with the channel secret, and the message shows as sent', async () => {
    const sent = await reply('Mohon maaf, kami cek sekarang');
    await eventually(async () => expect((await messageNow(sent.id)).status).toBe('sent'));
    const [delivery] = receiver.received;
    expect(delivery?.json).toMatchObject({ type: 'message', id: `keluh-msg-${sent.id}`, channelId: channel.id, ticketId, recipient: { id: 'chat-77' }, text: 'Mohon maaf, kami cek sekarang' });
    expect(delivery?.headers['x-keluh-delivery']).toBe(`keluh-msg-${sent.id}`);
    expect(isValidApiChannelSignature(delivery!.raw, delivery?.headers['x-keluh-signature'], channel.secret)).toBe(true);
    expect((await messageNow(sent.id)).externalId).toBe(`${channel.id}:keluh-msg-${sent.id}`);
  });

  it('retries after a 500 until acknowledged, and delivers exactly once', async () => {
    receiver.answer(500);
    const sent = await reply('Kami kirim ulang paketnya');
    await eventually(() => expect(receiver.received).toHaveLength(1));
    await eventually(async () => expect((await h.t.db.outbox.listPending(10)).map((item) => item.attempts)).toEqual([1]));
    expect((await messageNow(sent.id)).status).toBe('queued');
    nextAttempt();
    await eventually(async () => expect((await messageNow(sent.id)).status).toBe('sent'));
    nextAttempt();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received.map((delivery) => delivery.headers['x-keluh-delivery'])).toEqual([`keluh-msg-${sent.id}`, `keluh-msg-${sent.id}`]);
  });

  it('marks the reply failed, with the status in the reason, when the integrator answers 400', async () => {
    receiver.fallback = 400;
    const sent = await reply('Halo?');
    await eventually(async () => expect((await messageNow(sent.id)).status).toBe('failed'));
    expect((await messageNow(sent.id)).error).toEqual({ code: 'api_channel.rejected', reason: "The integrator's webhook answered 400: refused with 400" });
    expect(receiver.received).toHaveLength(1);
  });

  it("applies the integrator's delivery and read statuses to the reply", async () => {
    const sent = await reply('Sudah kami proses');
    await eventually(async () => expect((await messageNow(sent.id)).status).toBe('sent'));
    const statuses = JSON.stringify({ statuses: [{ messageId: `keluh-msg-${sent.id}`, status: 'delivered' }, { messageId: `keluh-msg-${sent.id}`, status: 'read' }] });
    expect(await h.post(channel.id, statuses, { secret: channel.secret })).toEqual({ status: 200, body: { accepted: 0, duplicates: 0, statuses: 2 } });
    expect((await messageNow(sent.id)).status).toBe('read');
  });

  it("ignores another integration's statuses for our reply", async () => {
    const sent = await reply('Sudah kami proses');
    await eventually(async () => expect((await messageNow(sent.id)).status).toBe('sent'));
    const other = await h.createChannel(receiver.url, 'Other');
    await h.post(other.id, JSON.stringify({ statuses: [{ messageId: `keluh-msg-${sent.id}`, status: 'failed' }] }), { secret: other.secret });
    expect((await messageNow(sent.id)).status).toBe('sent');
  });

  it('fails the reply for good once its API channel has been deleted', async () => {
    await h.t.app.inject({ method: 'DELETE', url: `/api/api-channels/${channel.id}`, headers: h.admin });
    const sent = await reply('Masih di sana?');
    await eventually(async () => expect((await messageNow(sent.id)).status).toBe('failed'));
    expect((await messageNow(sent.id)).error?.code).toBe('api_channel.not_found');
    expect(receiver.received).toHaveLength(0);
  });
});
