import { describe, expect, it } from 'vitest';
import { answerHandshake } from './handshake.ts';
import { isValidMetaSignature, metaSignature } from './signature.ts';

const secret = 'fake-app-secret-0001';
// channels.md §2.3.1 and §1.2: the exact minified bytes and Meta's signature over them.
const whatsappText =
  '{"object":"whatsapp_business_account","entry":[{"id":"498712345600011","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"6281100020003","phone_number_id":"118220045566779"},"contacts":[{"profile":{"name":"Rina Wulandari"},"wa_id":"6281234567890"}],"messages":[{"from":"6281234567890","id":"wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjAxQTJCM0M0RDVFNkY3QTg5MEIA","timestamp":"1767225600","type":"text","text":{"body":"Paket saya belum sampai, sudah 5 hari."}}]},"field":"messages"}]}]}';
const instagramEscaped =
  '{"object":"instagram","entry":[{"id":"17841400123456789","time":1767225601234,"messaging":[{"sender":{"id":"1122334455667788"},"recipient":{"id":"17841400123456789"},"timestamp":1767225600987,"message":{"mid":"aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMTIzNDU2Nzg5OjM0MDI4MjM2NjkyMDkzODQ2MzQ2MzM3NDYwNzQzMTc2ODIxMTQ1NjoyMzUxOTk4MjQ3MDE2NTQ0MDAwAA","text":"Kopi di caf\\u00e9 kalian basi \\ud83d\\ude1e"}}]}]}';

describe('Meta webhook signatures', () => {
  it('accepts the WhatsApp fixture signature of channels.md §1.2', () => {
    const header = 'sha256=6c2d1121908c038b49c4f4498a8f86d93ea7e281a20198d6cf7c039c0d9562df';
    expect(isValidMetaSignature(Buffer.from(whatsappText), header, secret)).toBe(true);
    expect(metaSignature(whatsappText, secret)).toBe(header);
  });

  it('hashes the escaped bytes as sent, so the same JSON in raw UTF-8 does not match', () => {
    const escapedHeader = 'sha256=8a9b49102b0760542d4d8362950293819461d854d2c7a0c29f98b7ed8cf00be4';
    expect(isValidMetaSignature(Buffer.from(instagramEscaped), escapedHeader, secret)).toBe(true);
    const raw = instagramEscaped.replace('caf\\u00e9', 'café').replace('\\ud83d\\ude1e', '😞');
    expect(isValidMetaSignature(Buffer.from(raw), escapedHeader, secret)).toBe(false);
    expect(isValidMetaSignature(Buffer.from(raw), 'sha256=e303fe8d2a8b8a8dcc6685c9defdd5bfd7d092f88e95b8996d8f31a3bc42de0a', secret)).toBe(true);
  });

  it.each([
    ['a missing header', undefined],
    ['a sha1 header', 'sha1=6c2d1121908c038b49c4f4498a8f86d93ea7e281'],
    ['a header of the wrong length', 'sha256=6c2d11'],
    ['an upper-case or garbled digest', 'sha256=' + 'Z'.repeat(64)],
  ])('rejects %s', (_label, header) => {
    expect(isValidMetaSignature(Buffer.from(whatsappText), header, secret)).toBe(false);
  });

  it('rejects a body altered by one byte after signing, and a rotated secret', () => {
    const header = metaSignature(whatsappText, secret);
    expect(isValidMetaSignature(Buffer.from(whatsappText.replace('5 hari', '6 hari')), header, secret)).toBe(false);
    expect(isValidMetaSignature(Buffer.from(whatsappText), header, 'new-secret')).toBe(false);
  });
});

describe('the verification handshake', () => {
  it('echoes the challenge for the right token', () => {
    expect(answerHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'tok', 'hub.challenge': '1842097655' }, 'tok')).toEqual({ ok: true, challenge: '1842097655' });
  });

  it.each([
    [{ 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong', 'hub.challenge': '1' }],
    [{ 'hub.verify_token': 'tok', 'hub.challenge': '1' }],
    [{ 'hub.mode': 'unsubscribe', 'hub.verify_token': 'tok', 'hub.challenge': '1' }],
    [{ 'hub.mode': 'subscribe', 'hub.verify_token': 'tok' }],
  ])('refuses %j', (query) => {
    expect(answerHandshake(query, 'tok').ok).toBe(false);
  });
});
