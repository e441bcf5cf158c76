import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMetaSim } from './meta-sim.ts';
import type { IgPayload } from './payloads.instagram.ts';
import type { WaPayload } from './payloads.whatsapp.ts';
import { startTestReceiver, type ReceivedRequest, type TestReceiver } from './receiver.testkit.ts';
import { DEWI, igSend, RINA, waText } from './testing.helpers.ts';

const sim = createMetaSim();
let receiver: TestReceiver;
let onReceive: (request: ReceivedRequest) => void = () => {};

beforeAll(async () => {
  await sim.start();
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(async () => {
  sim.reset();
  onReceive = () => {};
  receiver = await startTestReceiver({
    secret: sim.knobs.whatsapp.appSecret,
    respond: (request) => {
      onReceive(request);
      return 200;
    },
  });
  sim.knobs.whatsapp.webhookUrl = receiver.url;
  sim.knobs.instagram.webhookUrl = receiver.url;
  sim.whatsapp.customerWrote(RINA);
  sim.instagram.customerWrote(DEWI);
});
afterEach(async () => {
  await sim.settle();
  await receiver.close();
});

type Status = { id: string; status: string; recipient_id?: string; pricing?: unknown; biz_opaque_callback_data?: string; errors?: unknown[] };
const statusesOf = (requests: ReceivedRequest[]) =>
  requests.flatMap((r) => (r.json as WaPayload).entry.flatMap((e) => e.changes.flatMap((c) => (c.value.statuses as Status[] | undefined) ?? [])));
const contactsOf = (request: ReceivedRequest | undefined) => (request?.json as WaPayload).entry[0]?.changes[0]?.value.contacts;

describe('WhatsApp status webhooks after a send', () => {
  it('reports sent, delivered and read in order, with pricing on sent and one later status', async () => {
    const answer = await waText(sim, `+${RINA}`, 'Kami proses hari ini.', { biz_opaque_callback_data: 'hd-msg-7' });
    await sim.settle();
    const statuses = statusesOf(receiver.requests);
    expect(statuses.map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
    const wamid = (answer.body.messages as { id: string }[])[0]?.id;
    expect(statuses.every((s) => s.id === wamid && s.recipient_id === RINA && s.biz_opaque_callback_data === 'hd-msg-7')).toBe(true);
    expect(statuses.map((s) => s.pricing !== undefined)).toEqual([true, true, false]);
    expect(receiver.requests.every((r) => r.signatureValid)).toBe(true);
    expect(sim.state.sent[0]?.statuses.map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
  });

  it('skips delivered when the customer is looking at the chat', async () => {
    sim.knobs.whatsapp.statuses.skipDelivered = true;
    await waText(sim, `+${RINA}`, 'halo');
    await sim.settle();
    expect(statusesOf(receiver.requests).map((s) => s.status)).toEqual(['sent', 'read']);
  });

  it('can deliver the statuses reversed, each keeping its own timestamp', async () => {
    sim.knobs.whatsapp.statuses.order = 'reversed';
    await waText(sim, `+${RINA}`, 'halo');
    await sim.settle();
    expect(statusesOf(receiver.requests).map((s) => s.status)).toEqual(['read', 'delivered', 'sent']);
  });

  it('stops after the configured status, or sends none at all', async () => {
    sim.knobs.whatsapp.statuses.upTo = 'delivered';
    await waText(sim, `+${RINA}`, 'satu');
    await sim.settle();
    expect(statusesOf(receiver.requests).map((s) => s.status)).toEqual(['sent', 'delivered']);
    sim.knobs.whatsapp.statuses.upTo = 'none';
    await waText(sim, `+${RINA}`, 'dua');
    await sim.settle();
    expect(receiver.requests).toHaveLength(2);
  });

  it('delivers the sent status before the send call is answered when racing', async () => {
    sim.knobs.whatsapp.statuses.beforeResponse = true;
    let answered = false;
    const seenBeforeAnswer: boolean[] = [];
    onReceive = () => seenBeforeAnswer.push(!answered);
    const answer = await waText(sim, `+${RINA}`, 'balapan');
    answered = true;
    await sim.settle();
    const statuses = statusesOf(receiver.requests);
    expect(statuses[0]).toMatchObject({ status: 'sent', id: (answer.body.messages as { id: string }[])[0]?.id });
    expect(seenBeforeAnswer).toEqual([true, false, false]);
  });

  it('reports a free-form message outside the window as a failed status with 131047 and no contacts', async () => {
    sim.knobs.whatsapp.statuses.includeContacts = true;
    sim.advanceClock(25 * 3_600_000);
    const answer = await waText(sim, `+${RINA}`, 'Kak, ada kabar?');
    expect(answer.status).toBe(200);
    await sim.settle();
    const [failed] = statusesOf(receiver.requests);
    expect(failed).toMatchObject({
      status: 'failed',
      recipient_id: RINA,
      errors: [{ code: 131047, title: 'Re-engagement message', message: 'Re-engagement message', error_data: { details: expect.any(String) }, href: expect.any(String) }],
    });
    expect(receiver.requests).toHaveLength(1);
    expect(contactsOf(receiver.requests[0])).toBeUndefined();
    expect(sim.state.sent[0]?.statuses).toEqual([{ status: 'failed', code: 131047, delivered: true }]);
  });

  it('reports an undeliverable recipient (131026) and an async throughput limit (130429) as failed statuses', async () => {
    sim.knobs.whatsapp.recipientErrors[RINA] = { code: 131026 };
    await waText(sim, `+${RINA}`, 'halo');
    sim.knobs.whatsapp.recipientErrors = {};
    sim.advanceClock(1_001);
    sim.knobs.whatsapp.rateLimit = { ...sim.knobs.whatsapp.rateLimit, throughputPerSecond: 1, throughputVia: 'async' };
    await waText(sim, `+${RINA}`, 'satu');
    await waText(sim, `+${RINA}`, 'dua');
    await sim.settle();
    const failed = statusesOf(receiver.requests).filter((s) => s.status === 'failed');
    expect(failed.map((s) => (s.errors?.[0] as { code: number }).code)).toEqual([131026, 130429]);
  });

  it('adds the customer contact block on sent, delivered and read in the BSUID era', async () => {
    sim.knobs.whatsapp.statuses.includeContacts = true;
    await sim.webhooks.whatsapp.inbound({ name: 'Rina Wulandari', waId: RINA, userId: 'ID.58219abc' }, []);
    receiver.requests.length = 0;
    await waText(sim, `+${RINA}`, 'halo');
    await sim.settle();
    expect(receiver.requests.map(contactsOf)).toEqual(Array(3).fill([{ profile: { name: 'Rina Wulandari' }, wa_id: RINA, user_id: 'ID.58219abc' }]));
  });
});

describe('Instagram echoes after a send', () => {
  const echoesOf = (requests: ReceivedRequest[]) => requests.flatMap((r) => (r.json as IgPayload).entry.flatMap((e) => e.messaging ?? []));

  it('echoes every accepted message with the same mid and swapped ids', async () => {
    const answer = await igSend(sim, { recipient: { id: DEWI }, message: { text: 'Halo Kak, kami cek dulu ya.' } });
    await sim.settle();
    expect(echoesOf(receiver.requests)).toEqual([
      {
        sender: { id: '17841400123456789' },
        recipient: { id: DEWI },
        timestamp: expect.any(Number),
        message: { mid: answer.body.message_id, text: 'Halo Kak, kami cek dulu ya.', is_echo: true },
      },
    ]);
  });

  it('delivers the echo before the send call is answered when racing', async () => {
    sim.knobs.instagram.echoes.beforeResponse = true;
    let answered = false;
    let echoBeforeAnswer: boolean | undefined;
    onReceive = () => {
      echoBeforeAnswer = !answered;
    };
    await igSend(sim, { recipient: { id: DEWI }, message: { attachment: { type: 'image', payload: { url: 'https://example.test/a.png' } } } });
    answered = true;
    expect(echoBeforeAnswer).toBe(true);
    expect((echoesOf(receiver.requests)[0]?.message as Record<string, unknown>).attachments).toEqual([{ type: 'image', payload: { url: 'https://example.test/a.png' } }]);
  });

  it('sends no echo when echoes are switched off', async () => {
    sim.knobs.instagram.echoes.enabled = false;
    await igSend(sim, { recipient: { id: DEWI }, message: { text: 'tanpa echo' } });
    await sim.settle();
    expect(receiver.requests).toHaveLength(0);
  });
});
