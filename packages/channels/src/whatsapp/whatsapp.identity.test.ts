import { describe, expect, it } from 'vitest';
import { business, messagesValue, systemItem, waBody, type Json } from './whatsapp.fixtures.ts';
import { parseWhatsappWebhook } from './whatsapp.webhook.ts';

const parse = (body: unknown) => parseWhatsappWebhook(body, business);
const bsuid = 'ID.58219AbCdEf0123456789';
const hello = { id: 'wamid.BSUID1', timestamp: '1767225600', type: 'text', text: { body: 'Halo' } };
const one = (contacts: Json[], message: Json) => waBody([[{ value: messagesValue({ contacts, messages: [message] }) }]]);
const senderOf = (body: Json) => {
  const [event] = parse(body);
  return event?.kind === 'message' ? event.sender : undefined;
};

describe('WhatsApp customer identity in the BSUID era (channels.md §2.3.8)', () => {
  it('case 30: a username user with no number is keyed by the business-scoped user id alone', () => {
    const body = one([{ profile: { name: 'Sari', username: 'sari.k' }, user_id: bsuid }], { ...hello, from_user_id: bsuid });
    expect(senderOf(body)).toEqual({ externalId: bsuid, displayName: 'Sari', phone: null, verified: true });
  });

  it('case 30: a later message carrying both ids keeps the same key and attaches the phone, with the number as alias', () => {
    const body = one([{ profile: { name: 'Sari' }, wa_id: '6281234500001', user_id: bsuid }], { ...hello, from: '6281234500001', from_user_id: bsuid });
    expect(senderOf(body)).toEqual({ externalId: bsuid, displayName: 'Sari', phone: '+6281234500001', verified: true, aliases: ['6281234500001'] });
  });

  it('takes the id the message item left out from the matching contact entry', () => {
    const onlyFrom = one([{ profile: { name: 'Sari' }, wa_id: '6281234500001', user_id: bsuid }], { ...hello, from: '6281234500001' });
    expect(senderOf(onlyFrom)).toMatchObject({ externalId: bsuid, aliases: ['6281234500001'] });
    const onlyUserId = one([{ profile: { name: 'Sari' }, wa_id: '6281234500001', user_id: bsuid }], { ...hello, from_user_id: bsuid });
    expect(senderOf(onlyUserId)).toMatchObject({ externalId: bsuid, phone: '+6281234500001' });
  });

  it('before the rollout a customer is keyed by number, with no alias', () => {
    const body = one([{ profile: { name: 'Rina' }, wa_id: '6281234567890' }], { ...hello, from: '6281234567890' });
    expect(senderOf(body)).toEqual({ externalId: '6281234567890', displayName: 'Rina', phone: '+6281234567890', verified: true });
  });

  it('never borrows the name of a different contact in the same change', () => {
    const body = one([{ profile: { name: 'Someone else' }, wa_id: '6289999999999' }], { ...hello, from: '6281234567890' });
    expect(senderOf(body)).toMatchObject({ externalId: '6281234567890', displayName: null });
  });

  it('case 28: a number change from a BSUID-keyed customer still names the old number as the previous id', () => {
    const body = one([{ profile: { name: 'Rina' }, wa_id: '6281234567890', user_id: bsuid }], { ...systemItem, from_user_id: bsuid });
    expect(parse(body)).toMatchObject([{ kind: 'identity_change', previousExternalId: '6281234567890', externalId: '6281399988877' }]);
  });

  it('ignores system notices other than a number change', () => {
    const body = one([], { ...systemItem, system: { type: 'customer_identity_changed', body: 'x' } });
    expect(parse(body)).toEqual([]);
  });
});
