import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMetaSim } from './meta-sim.ts';
import { startTestReceiver, type TestReceiver } from './receiver.testkit.ts';
import { DEWI, IG_ID, igSend } from './testing.helpers.ts';

/** §9: Instagram quick replies as Meta checks them, and the customer's tap as Meta reports it. */
const sim = createMetaSim();
let receiver: TestReceiver;
beforeAll(async () => {
  await sim.start();
  receiver = await startTestReceiver({ secret: sim.knobs.instagram.appSecret });
});
afterAll(async () => {
  await sim.stop();
  await receiver.close();
});
beforeEach(() => {
  sim.reset();
  sim.knobs.instagram.webhookUrl = receiver.url;
  sim.instagram.customerWrote(DEWI);
});

const replies = (count: number, title = (i: number) => '⭐'.repeat(Math.min(i, 5))) =>
  Array.from({ length: count }, (_, i) => ({ content_type: 'text', title: title(i + 1), payload: `rate:12:${i + 1}` }));
const ask = (quickReplies: unknown) => ({ recipient: { id: DEWI }, message: { text: 'Seberapa puas Kakak?', quick_replies: quickReplies } });

describe('Instagram quick replies, checked as Meta checks them (channels.md §9)', () => {
  it('five quick replies are accepted and recorded with their payloads', async () => {
    const answer = await igSend(sim, ask(replies(5)));
    expect(answer.status).toBe(200);
    expect(sim.state.sent.at(-1)).toMatchObject({ channel: 'instagram', text: 'Seberapa puas Kakak?', choices: { form: 'quick_replies', options: replies(5).map((r) => ({ id: r.payload, title: r.title })) } });
  });

  it.each([
    ['fourteen quick replies', replies(14), '(#100) param message[quick_replies] must have at most 13 elements.'],
    ['a title of 21 characters', replies(1, () => 'x'.repeat(21)), '(#100) param message[quick_replies][0][title] must be at most 20 characters long.'],
    ['a payload of 1,001 characters', [{ content_type: 'text', title: 'A', payload: 'p'.repeat(1001) }], '(#100) param message[quick_replies][0][payload] must be between 1 and 1000 characters long.'],
    ['a quick reply without a content type', [{ title: 'A', payload: 'a' }], '(#100) param message[quick_replies][0][content_type] must be one of {text}.'],
  ])('refuses %s with error 100 in the Graph envelope, and sends nothing', async (_label, quickReplies, message) => {
    const answer = await igSend(sim, ask(quickReplies));
    expect(answer.status).toBe(400);
    expect(answer.error).toMatchObject({ message, type: 'OAuthException', code: 100, fbtrace_id: expect.any(String) });
    expect(sim.state.sent).toHaveLength(0);
  });
});

describe('the customer tapping a quick reply on Instagram', () => {
  it('arrives as Meta sends it: a message with a new mid, the title as text and our payload', async () => {
    const sent = await igSend(sim, ask(replies(5)));
    await sim.settle();
    receiver.requests.length = 0;
    await sim.customers.instagram.tapQuickReply(String(sent.body.message_id), 'rate:12:4');
    const [request] = await receiver.waitFor(1);
    expect(request?.signatureValid).toBe(true);
    const body = request!.json as { object: string; entry: { id: string; messaging: Record<string, unknown>[] }[] };
    expect(body.object).toBe('instagram');
    expect(body.entry[0]!.id).toBe(IG_ID);
    const [item] = body.entry[0]!.messaging;
    expect(Object.keys(item!)).toEqual(['sender', 'recipient', 'timestamp', 'message']);
    expect(item!.sender).toEqual({ id: DEWI });
    expect(item!.recipient).toEqual({ id: IG_ID });
    const message = item!.message as Record<string, unknown>;
    expect(Object.keys(message)).toEqual(['mid', 'text', 'quick_reply']);
    expect(message.mid).not.toBe(sent.body.message_id);
    expect(message.text).toBe('⭐⭐⭐⭐');
    expect(message.quick_reply).toEqual({ payload: 'rate:12:4' });
  });

  it('a plain text message offers nothing to tap', async () => {
    const sent = await igSend(sim, { recipient: { id: DEWI }, message: { text: 'Halo' } });
    expect(() => sim.customers.instagram.tapQuickReply(String(sent.body.message_id), 'rate:12:4')).toThrow(/offers no option "rate:12:4" \(it offers no options\)/);
  });
});
