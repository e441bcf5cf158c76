import { describe, expect, it } from 'vitest';
import type { InboundMessageEvent } from '../channels/channel.types.ts';
import { answerOf } from './choice-answer.rules.ts';

const event = (overrides: Partial<InboundMessageEvent>): InboundMessageEvent => ({
  kind: 'message',
  channel: 'whatsapp',
  externalMessageId: 'wamid.1',
  sender: { externalId: '62812' },
  body: '⭐⭐⭐⭐⭐ Sangat puas',
  sentAt: '2026-03-02T08:00:00.000Z',
  ...overrides,
});

describe("reading the answer a customer's message carries", () => {
  it("takes the adapter's answer first", () => {
    expect(answerOf(event({ answer: { choiceId: 'rate:1:5', inReplyToExternalId: 'wamid.q' }, context: { interactive: { id: 'rate:9:1' } } }))).toEqual({ choiceId: 'rate:1:5', inReplyToExternalId: 'wamid.q' });
  });

  it('reads a WhatsApp list or button reply and its quoted message from what the adapter kept', () => {
    expect(answerOf(event({ context: { interactive: { type: 'list_reply', id: 'rate:4:5', title: 'x' } }, replyToExternalId: 'wamid.q' }))).toEqual({ choiceId: 'rate:4:5', inReplyToExternalId: 'wamid.q' });
    expect(answerOf(event({ context: { button: { payload: 'consent:4:yes', text: 'Ya' } } }))).toEqual({ choiceId: 'consent:4:yes', inReplyToExternalId: null });
  });

  it('reads an Instagram quick reply payload', () => {
    expect(answerOf(event({ channel: 'instagram', context: { quickReply: 'rate:8:2' } }))).toEqual({ choiceId: 'rate:8:2', inReplyToExternalId: null });
  });

  it('finds no option in a plain text', () => {
    expect(answerOf(event({ body: 'lima' }))).toEqual({ choiceId: null, inReplyToExternalId: null });
  });
});
