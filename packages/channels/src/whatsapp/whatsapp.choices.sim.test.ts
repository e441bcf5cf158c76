import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MessageChoices, OutboundMessage } from '@keluh/core';
import { createMetaSim, startTestReceiver, type TestReceiver } from '@keluh/meta-sim';
import { WhatsappAdapter } from './whatsapp.adapter.ts';

/** The adapter's rating list and consent buttons through the Meta stand-in, and the customer's tap back. */
const RINA = '6281234567890';
const sim = createMetaSim();
let receiver: TestReceiver;
let adapter: WhatsappAdapter;

beforeAll(async () => {
  await sim.start();
  receiver = await startTestReceiver();
});
afterAll(async () => {
  await sim.stop();
  await receiver.close();
});
beforeEach(() => {
  sim.reset();
  receiver.requests.length = 0;
  sim.knobs.whatsapp.webhookUrl = receiver.url;
  const knobs = sim.knobs.whatsapp;
  adapter = new WhatsappAdapter({ appSecret: knobs.appSecret, verifyToken: 'v', accessToken: knobs.accessToken, phoneNumberId: knobs.phoneNumbers[0]!.phoneNumberId, graphBaseUrl: sim.url });
});

const titles = ['⭐ Sangat kecewa', '⭐⭐ Kecewa', '⭐⭐⭐ Biasa saja', '⭐⭐⭐⭐ Puas', '⭐⭐⭐⭐⭐ Sangat puas'];
const rating: MessageChoices = { purpose: 'rating', reviewId: 12, button: 'Beri nilai', options: titles.map((title, i) => ({ id: `rate:12:${i + 1}`, title })) };
const consent: MessageChoices = { purpose: 'consent', reviewId: 12, options: [{ id: 'consent:12:yes', title: 'Boleh' }, { id: 'consent:12:no', title: 'Jangan' }] };
const question = (choices: MessageChoices): OutboundMessage => ({
  messageId: 5, ticketId: 2, channel: 'whatsapp', recipientExternalId: RINA, recipientPhone: `+${RINA}`, body: 'Bagaimana penanganan keluhan Kakak?', choices,
});

async function tapped(tap: () => Promise<unknown>) {
  await sim.settle();
  receiver.requests.length = 0;
  await tap();
  const [request] = await receiver.waitFor(1);
  expect(adapter.verifySignature(request!.body, request!.headers['x-hub-signature-256'])).toBe(true);
  return adapter.parse({ body: request!.json });
}

describe('a WhatsApp rating request through the Meta stand-in', () => {
  it('Meta accepts the list, and the customer’s five-star tap comes back as an answer to that very message', async () => {
    sim.whatsapp.customerWrote(RINA);
    const receipt = await adapter.send(question(rating));
    expect(sim.state.sent.at(-1)).toMatchObject({ id: receipt.externalMessageId, choices: { form: 'list', options: rating.options } });
    const events = await tapped(() => sim.customers.whatsapp.tapOption(receipt.externalMessageId, 'rate:12:5'));
    expect(events).toMatchObject([{ kind: 'message', body: '⭐⭐⭐⭐⭐ Sangat puas', answer: { choiceId: 'rate:12:5', inReplyToExternalId: receipt.externalMessageId } }]);
  });

  it('the consent question goes as buttons and a "no" tap comes back with its option id', async () => {
    sim.whatsapp.customerWrote(RINA);
    const receipt = await adapter.send(question(consent));
    const events = await tapped(() => sim.customers.whatsapp.tapOption(receipt.externalMessageId, 'consent:12:no'));
    expect(events).toMatchObject([{ body: 'Jangan', answer: { choiceId: 'consent:12:no', inReplyToExternalId: receipt.externalMessageId } }]);
  });

  it('after 24 hours of silence Meta refuses the list, and the adapter reports the closed window', async () => {
    sim.knobs.whatsapp.windowMode = 'sync';
    await expect(adapter.send(question(rating))).rejects.toMatchObject({ code: 'channel.window_closed', retryable: false });
    expect(sim.state.sent).toHaveLength(0);
  });
});
