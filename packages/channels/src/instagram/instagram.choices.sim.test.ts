import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MessageChoices, OutboundMessage } from '@keluh/core';
import { createMetaSim, startTestReceiver, type TestReceiver } from '@keluh/meta-sim';
import { InstagramAdapter } from './instagram.adapter.ts';

/** The adapter's quick replies through the Meta stand-in, and the customer's tap back. */
const DEWI = '1122334455667788';
const sim = createMetaSim();
let receiver: TestReceiver;
let adapter: InstagramAdapter;
const simNow = () => new Date(sim.now()).toISOString();

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
  sim.knobs.instagram.webhookUrl = receiver.url;
  const knobs = sim.knobs.instagram;
  adapter = new InstagramAdapter({ appSecret: knobs.appSecret, verifyToken: 'v', accessToken: knobs.accessToken, accountId: knobs.accounts[0]!.igId, graphBaseUrl: sim.url }, { now: simNow });
});

const rating: MessageChoices = { purpose: 'rating', reviewId: 12, options: ['⭐', '⭐⭐', '⭐⭐⭐', '⭐⭐⭐⭐', '⭐⭐⭐⭐⭐'].map((title, i) => ({ id: `rate:12:${i + 1}`, title })) };

describe('an Instagram rating request through the Meta stand-in', () => {
  it('Meta accepts the quick replies, and the customer’s tap comes back as an answer carrying our option id', async () => {
    sim.instagram.customerWrote(DEWI);
    const ask: OutboundMessage = { messageId: 3, ticketId: 1, channel: 'instagram', recipientExternalId: DEWI, body: 'Seberapa puas Kakak?', lastInboundAt: simNow(), choices: rating };
    const receipt = await adapter.send(ask);
    expect(sim.state.sent.at(-1)).toMatchObject({ id: receipt.externalMessageId, choices: { form: 'quick_replies' } });
    await sim.settle();
    receiver.requests.length = 0;
    await sim.customers.instagram.tapQuickReply(receipt.externalMessageId, 'rate:12:3');
    const [request] = await receiver.waitFor(1);
    expect(adapter.verifySignature(request!.body, request!.headers['x-hub-signature-256'])).toBe(true);
    expect(adapter.parse({ body: request!.json })).toMatchObject([{ kind: 'message', author: 'customer', body: '⭐⭐⭐', answer: { choiceId: 'rate:12:3', inReplyToExternalId: null } }]);
  });
});
