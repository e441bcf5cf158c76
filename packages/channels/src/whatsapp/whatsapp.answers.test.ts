import { describe, expect, it } from 'vitest';
import { business, buttonItem, fromRina, listReplyAndVoiceNote, type Json } from './whatsapp.fixtures.ts';
import { echoes } from './whatsapp.fixtures.status.ts';
import { parseWhatsappWebhook } from './whatsapp.webhook.ts';

const parse = (body: unknown) => parseWhatsappWebhook(body, business);
const OUR_RATING = 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYElJBVElORzAwMDAwMDAwMDEA';
const tap = (interactive: Json, extra: Json = {}): Json => ({
  context: { from: business.displayPhoneNumber, id: OUR_RATING },
  from: '6281234567890',
  id: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFlRBUDAwMDAwMDAwMDAwMDAwMDEA',
  timestamp: '1767226001',
  type: 'interactive',
  interactive,
  ...extra,
});

describe('answers to our structured questions on WhatsApp (channels.md §9)', () => {
  it('a list-row tap answers with the row id and names our message from context.id (§2.3.3)', () => {
    const [answer] = parse(listReplyAndVoiceNote);
    expect(answer).toMatchObject({
      kind: 'message',
      body: 'Refund',
      replyToExternalId: 'wamid.HBgNNjI4NTcwMDAxMTEyMhUCABEYEkFBQkJDQ0RERUVGRjExMjIA',
      answer: { choiceId: 'cat_refund', inReplyToExternalId: 'wamid.HBgNNjI4NTcwMDAxMTEyMhUCABEYEkFBQkJDQ0RERUVGRjExMjIA' },
    });
  });

  it('a five-star list reply carries our option id untouched, and keeps the tapped row in context', () => {
    const [event] = parse(fromRina(tap({ type: 'list_reply', list_reply: { id: 'rate:12:5', title: '⭐⭐⭐⭐⭐ Sangat puas', description: 'Semua beres' } })));
    expect(event).toMatchObject({
      body: '⭐⭐⭐⭐⭐ Sangat puas',
      answer: { choiceId: 'rate:12:5', inReplyToExternalId: OUR_RATING },
      context: { interactive: { type: 'list_reply', id: 'rate:12:5', title: '⭐⭐⭐⭐⭐ Sangat puas', description: 'Semua beres' } },
    });
  });

  it('a reply-button tap answers with the button id', () => {
    const [event] = parse(fromRina(tap({ type: 'button_reply', button_reply: { id: 'consent:12:yes', title: 'Boleh' } })));
    expect(event).toMatchObject({ body: 'Boleh', answer: { choiceId: 'consent:12:yes', inReplyToExternalId: OUR_RATING } });
  });

  it('a template quick-reply button answers with its payload and the template message it came from (§2.3.4)', () => {
    const [event] = parse(fromRina(buttonItem));
    expect(event).toMatchObject({
      body: 'Sudah selesai',
      answer: { choiceId: 'CSAT_RESOLVED_YES', inReplyToExternalId: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYElRFTVBMQVRFMDAwMDAwMDEA' },
      context: { button: { payload: 'CSAT_RESOLVED_YES', text: 'Sudah selesai' } },
    });
  });

  it('a tap whose client dropped the context still answers, without naming our message', () => {
    const { context: _dropped, ...bare } = tap({ type: 'button_reply', button_reply: { id: 'consent:12:no', title: 'Jangan' } });
    expect(parse(fromRina(bare))[0]).toMatchObject({ answer: { choiceId: 'consent:12:no', inReplyToExternalId: null }, replyToExternalId: null });
  });

  it('a typed "5", even quoting our question, carries no answer: ingest matches typed answers itself', () => {
    const typed = { ...tap({}), type: 'text', text: { body: '5' } };
    delete (typed as Json).interactive;
    const [event] = parse(fromRina(typed));
    expect(event).toMatchObject({ body: '5', replyToExternalId: OUR_RATING });
    expect(event).not.toHaveProperty('answer');
  });

  it('an interactive item that is not a reply (a flow form) carries no answer', () => {
    expect(parse(fromRina(tap({ type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json: '{}' } }))).at(0)).not.toHaveProperty('answer');
  });

  it('an echo of a business-app message never counts as the customer answering', () => {
    const echo = { ...tap({ type: 'button_reply', button_reply: { id: 'rate:12:1', title: 'x' } }), to: '6281234567890', from: business.displayPhoneNumber };
    const [event] = parse(echoes(echo));
    expect(event).toMatchObject({ author: 'business_app' });
    expect(event).not.toHaveProperty('answer');
  });
});
