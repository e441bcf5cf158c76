import { describe, expect, it } from 'vitest';
import { igInbound, ig } from './payloads.instagram.ts';
import { waInbound, waStatuses, wa } from './payloads.whatsapp.ts';
import { escapeNonAscii, serializePayload, signatureHeader, verifySignature } from './signer.ts';

// §1.2 worked fixtures: secret and bytes exactly as channels.md prints them.
const SECRET = 'fake-app-secret-0001';
const WA_TEXT =
  '{"object":"whatsapp_business_account","entry":[{"id":"498712345600011","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"6281100020003","phone_number_id":"118220045566779"},"contacts":[{"profile":{"name":"Rina Wulandari"},"wa_id":"6281234567890"}],"messages":[{"from":"6281234567890","id":"wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjAxQTJCM0M0RDVFNkY3QTg5MEIA","timestamp":"1767225600","type":"text","text":{"body":"Paket saya belum sampai, sudah 5 hari."}}]},"field":"messages"}]}]}';
const WA_READ =
  '{"object":"whatsapp_business_account","entry":[{"id":"498712345600011","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"6281100020003","phone_number_id":"118220045566779"},"statuses":[{"id":"wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjk5QUJDREVGMDEyMzQ1Njc4OQA=","status":"read","timestamp":"1767226200","recipient_id":"6281234567890"}]},"field":"messages"}]}]}';
const IG_ESCAPED = String.raw`{"object":"instagram","entry":[{"id":"17841400123456789","time":1767225601234,"messaging":[{"sender":{"id":"1122334455667788"},"recipient":{"id":"17841400123456789"},"timestamp":1767225600987,"message":{"mid":"aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMTIzNDU2Nzg5OjM0MDI4MjM2NjkyMDkzODQ2MzQ2MzM3NDYwNzQzMTc2ODIxMTQ1NjoyMzUxOTk4MjQ3MDE2NTQ0MDAwAA","text":"Kopi di caf\u00e9 kalian basi \ud83d\ude1e"}}]}]}`;
const IG_RAW = IG_ESCAPED.replace(String.raw`caf\u00e9`, 'café').replace(String.raw`\ud83d\ude1e`, '😞');

const FIXTURES = {
  waText: 'sha256=6c2d1121908c038b49c4f4498a8f86d93ea7e281a20198d6cf7c039c0d9562df',
  waRead: 'sha256=d807198f2b35da79b8bb5f52b469bbd38cac7a6a6c047e70851515fd90a627dd',
  igEscaped: 'sha256=8a9b49102b0760542d4d8362950293819461d854d2c7a0c29f98b7ed8cf00be4',
  igRaw: 'sha256=e303fe8d2a8b8a8dcc6685c9defdd5bfd7d092f88e95b8996d8f31a3bc42de0a',
};

const business = { wabaId: '498712345600011', phoneNumberId: '118220045566779', displayPhoneNumber: '6281100020003' };
const igAccount = { igId: '17841400123456789' };

describe('webhook signer', () => {
  it.each([
    ['the WhatsApp text message', WA_TEXT, FIXTURES.waText],
    ['the WhatsApp read status', WA_READ, FIXTURES.waRead],
    ['the Instagram message with escaped non-ASCII', IG_ESCAPED, FIXTURES.igEscaped],
    ['the same Instagram message as raw UTF-8', IG_RAW, FIXTURES.igRaw],
  ])('signs %s exactly as the channels.md fixture says', (_label, body, header) => {
    expect(signatureHeader(Buffer.from(body, 'utf8'), SECRET)).toBe(header);
  });

  it('rebuilds the WhatsApp text fixture byte for byte from the payload builders', () => {
    const payload = waInbound(business, { name: 'Rina Wulandari', waId: '6281234567890' }, [
      wa.text('Paket saya belum sampai, sudah 5 hari.', { id: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjAxQTJCM0M0RDVFNkY3QTg5MEIA', at: 1767225600_000 }),
    ]);
    const bytes = serializePayload(payload);
    expect(bytes.toString('utf8')).toBe(WA_TEXT);
    expect(signatureHeader(bytes, SECRET)).toBe(FIXTURES.waText);
  });

  it('rebuilds the WhatsApp read-status fixture byte for byte from the payload builders', () => {
    const payload = waStatuses(business, [
      { id: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjk5QUJDREVGMDEyMzQ1Njc4OQA=', status: 'read', at: 1767226200_000, recipientId: '6281234567890' },
    ]);
    expect(signatureHeader(serializePayload(payload), SECRET)).toBe(FIXTURES.waRead);
  });

  it('rebuilds the Instagram fixture in both byte forms, escaped by default like Meta', () => {
    const mid = 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMTIzNDU2Nzg5OjM0MDI4MjM2NjkyMDkzODQ2MzQ2MzM3NDYwNzQzMTc2ODIxMTQ1NjoyMzUxOTk4MjQ3MDE2NTQ0MDAwAA';
    const payload = igInbound(igAccount, '1122334455667788', [ig.text('Kopi di café kalian basi 😞', { mid, at: 1767225600987 })], 1767225601234);
    expect(serializePayload(payload).toString('utf8')).toBe(IG_ESCAPED);
    expect(signatureHeader(serializePayload(payload), SECRET)).toBe(FIXTURES.igEscaped);
    expect(signatureHeader(serializePayload(payload, { escapeUnicode: false }), SECRET)).toBe(FIXTURES.igRaw);
  });

  it('escapes every non-ASCII code unit as lowercase \\uXXXX, emoji as a surrogate pair', () => {
    expect(escapeNonAscii('"é😞\u2028"')).toBe(String.raw`"\u00e9\ud83d\ude1e\u2028"`);
    expect(JSON.parse(escapeNonAscii(JSON.stringify({ t: 'Kopi café 😞' })))).toEqual({ t: 'Kopi café 😞' });
  });

  it('verifies only the exact bytes with the exact secret and a sha256= header', () => {
    const body = Buffer.from(WA_TEXT);
    expect(verifySignature(body, FIXTURES.waText, SECRET)).toBe(true);
    expect(verifySignature(Buffer.from(WA_TEXT.replace('5 hari', '6 hari')), FIXTURES.waText, SECRET)).toBe(false);
    expect(verifySignature(body, FIXTURES.waText, 'another-secret')).toBe(false);
    expect(verifySignature(body, FIXTURES.waText.replace('sha256=', 'sha1='), SECRET)).toBe(false);
    expect(verifySignature(body, FIXTURES.waText.slice(0, -2), SECRET)).toBe(false);
    expect(verifySignature(body, undefined, SECRET)).toBe(false);
  });
});
