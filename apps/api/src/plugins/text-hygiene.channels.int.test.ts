import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ig, igInbound, serializePayload, wa, waInbound } from '@keluh/meta-sim';
import { startChannelHarness, type ChannelHarness } from '../testing/channel-harness.ts';
import { startApiChannelHarness, type ApiChannelHarness } from '../testing/api-channel-harness.ts';
import { answeredOnce, storedMessage } from '../channels/fixtures/delivery.testkit.ts';

/*
 * Text a channel delivers: NUL and lone surrogates are replaced with U+FFFD and the message is stored,
 * because refusing would lose what the customer wrote (and Meta would retry, then disable the webhook).
 * JSON.stringify writes both as `\u0000` / `\ud83d` escapes, so the bodies below carry them as Meta would.
 */

const CASES: [string, string, string][] = [
  ['a lone surrogate', 'Kecewa \ud83d banget', 'Kecewa \uFFFD banget'],
  ['a NUL character', 'Halo\u0000 kak', 'Halo\uFFFD kak'],
  ['a reversed surrogate pair', 'Rusak \ude1e\ud83d', 'Rusak \uFFFD\uFFFD'],
];

describe('channel text that is not valid Unicode', () => {
  let h: ChannelHarness;
  beforeAll(async () => {
    h = await startChannelHarness();
  });
  afterAll(() => h.close());

  it.each(CASES)('stores a WhatsApp message with %s repaired, and the sender name too', async (label, sent, stored) => {
    const wamid = `wamid.hygiene.${label.replaceAll(' ', '-')}`;
    const waId = `62812000${String(CASES.findIndex(([l]) => l === label)).padStart(5, '0')}`;
    const bytes = serializePayload(waInbound(h.sim.webhooks.whatsapp.business, { name: `Sari ${sent}`, waId }, [wa.text(sent, { id: wamid })]));
    expect(bytes.toString('utf8')).toMatch(/\\u0000|\\ud83d|\\ude1e/);
    answeredOnce(await h.sim.webhooks.whatsapp.deliver(bytes), 200);
    const message = await storedMessage(h, 'whatsapp', wamid);
    expect(message.body).toBe(stored);
    expect((await h.t.db.tickets.findView(message.ticketId))?.customer.name).toBe(`Sari ${stored}`);
  });

  it.each(CASES)('stores an Instagram message with %s repaired', async (label, sent, stored) => {
    const mid = `ig-hygiene-${label.replaceAll(' ', '-')}`;
    const igsid = `66000000000${String(CASES.findIndex(([l]) => l === label)).padStart(5, '0')}`;
    const bytes = serializePayload(igInbound(h.sim.webhooks.instagram.account, igsid, [ig.text(sent, { mid })]));
    answeredOnce(await h.sim.webhooks.instagram.deliver(bytes), 200);
    expect((await storedMessage(h, 'instagram', mid)).body).toBe(stored);
  });
});

describe('API-channel text that is not valid Unicode', () => {
  let a: ApiChannelHarness;
  beforeAll(async () => {
    a = await startApiChannelHarness();
  });
  afterAll(() => a.close());

  it.each(CASES)('stores an inbound message with %s repaired, in the text and the sender name', async (label, sent, stored) => {
    const channel = await a.createChannel();
    const key = `hygiene-${label.replaceAll(' ', '-')}`;
    const raw = JSON.stringify({ messages: [{ idempotencyKey: key, sender: { id: 'chat-77', name: `Sari ${sent}` }, text: sent }] });
    const response = await a.post(channel.id, raw, { secret: channel.secret });
    expect(response).toMatchObject({ status: 200, body: { accepted: 1 } });
    const message = await a.t.db.messages.findByExternalId('api', `${channel.id}:${key}`);
    expect(message?.body).toBe(stored);
    expect((await a.t.db.tickets.findView(message!.ticketId))?.customer.name).toBe(`Sari ${stored}`);
  });
});
