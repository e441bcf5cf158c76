import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { InboundAttachment } from '@keluh/core';
import { WhatsappGraphClient } from './whatsapp.client.ts';
import { fakeFetch, type ScriptedAnswer } from './whatsapp.fake-fetch.ts';
import { fetchWhatsappMedia } from './whatsapp.media.ts';

const settings = { appSecret: 's', verifyToken: 'v', accessToken: 'token-123', phoneNumberId: '118220045566779', graphBaseUrl: 'http://meta.test' };
const bytes = new TextEncoder().encode('jpeg bytes of a dented box');
const sha = createHash('sha256').update(bytes).digest('base64');
const photo: InboundAttachment = { kind: 'image', externalRef: '2790415566331207', mimeType: 'image/jpeg', sha256: sha };
const lookup = (n: number): ScriptedAnswer => ({
  json: { messaging_product: 'whatsapp', url: `https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=2790415566331207&hash=H${n}`, mime_type: 'image/jpeg', sha256: sha, file_size: String(bytes.length), id: '2790415566331207' },
});
const file: ScriptedAnswer = { bytes, contentType: 'image/jpeg' };
const objectGone = { error: { message: "Unsupported get request. Object with ID '2790415566331207' does not exist", type: 'OAuthException', code: 100, error_subcode: 33, fbtrace_id: 'x' } };

function fetchWith(attachment: InboundAttachment, ...script: ScriptedAnswer[]) {
  const fake = fakeFetch(...script);
  return { fake, result: fetchWhatsappMedia(new WhatsappGraphClient(settings, { fetch: fake.fetch }), attachment) };
}

describe('downloading WhatsApp media (channels.md §2.7, case 25)', () => {
  it('looks the id up, downloads the URL with the bearer token, and checks the SHA-256', async () => {
    const { fake, result } = fetchWith(photo, lookup(1), file);
    await expect(result).resolves.toEqual({ bytes, mimeType: 'image/jpeg' });
    expect(fake.requests.map((request) => request.url)).toEqual([
      'http://meta.test/v23.0/2790415566331207?phone_number_id=118220045566779',
      'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=2790415566331207&hash=H1',
    ]);
    expect(fake.requests.every((request) => request.headers.authorization === 'Bearer token-123')).toBe(true);
  });

  it.each([[401], [403], [404]])('fetches a fresh URL once when the download URL answers %i (expired after 5 minutes)', async (status) => {
    const { fake, result } = fetchWith(photo, lookup(1), { status, json: null }, lookup(2), file);
    await expect(result).resolves.toMatchObject({ mimeType: 'image/jpeg' });
    expect(fake.requests.at(-1)?.url).toContain('hash=H2');
  });

  it('gives up after the one fresh URL also fails, as retryable later rather than lost', async () => {
    const { fake, result } = fetchWith(photo, lookup(1), { status: 404, json: null }, lookup(2), { status: 404, json: null });
    await expect(result).rejects.toMatchObject({ name: 'ChannelMediaError', expired: false });
    expect(fake.requests).toHaveLength(4);
  });

  it.each([
    ['Graph error 100 (object does not exist)', { status: 400, json: objectGone }],
    ['Graph error 131052', { status: 400, json: { error: { message: 'Media download error', code: 131052, error_data: { details: 'gone' } } } }],
    ['HTTP 404 on the lookup', { status: 404, json: null }],
  ])('marks the attachment expired when the media id itself is gone: %s', async (_label, answer) => {
    await expect(fetchWith(photo, answer as ScriptedAnswer).result).rejects.toMatchObject({ name: 'ChannelMediaError', expired: true });
  });

  it('refuses bytes whose SHA-256 does not match, to be tried again later', async () => {
    const { result } = fetchWith({ ...photo, sha256: createHash('sha256').update('other').digest('base64') }, lookup(1), file);
    await expect(result).rejects.toMatchObject({ name: 'ChannelMediaError', expired: false, message: expect.stringContaining('SHA-256') });
  });

  it('accepts a hex SHA-256 too (§8.11: the encoding is inferred, not documented)', async () => {
    const hex = createHash('sha256').update(bytes).digest('hex');
    await expect(fetchWith({ ...photo, sha256: hex }, lookup(1), file).result).resolves.toMatchObject({ bytes });
  });

  it('treats an expired token or a network failure as temporary', async () => {
    const tokenGone = { status: 401, json: { error: { message: 'Session has expired', code: 190, error_subcode: 463 } } };
    await expect(fetchWith(photo, tokenGone).result).rejects.toMatchObject({ expired: false });
    await expect(fetchWith(photo, lookup(1), new TypeError('socket hang up')).result).rejects.toMatchObject({ expired: false });
  });

  it.each([
    ['off Meta’s lookaside host', 'https://cdn.attacker.example/m.jpg', 'media.blocked_url'],
    ['over plain http', 'http://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1', 'media.blocked_url'],
    ['at the cloud metadata address', 'https://169.254.169.254/latest/meta-data/', 'media.blocked_address'],
    ['at loopback', 'https://127.0.0.1:8443/m.jpg', 'media.blocked_address'],
  ])('refuses, for good, a download URL %s, and never sends it the token', async (_label, url, code) => {
    const { fake, result } = fetchWith(photo, { json: { ...(lookup(1) as { json: object }).json, url } });
    await expect(result).rejects.toMatchObject({ name: 'ChannelMediaError', expired: false, code });
    expect(fake.requests.map((request) => request.url)).toEqual(['http://meta.test/v23.0/2790415566331207?phone_number_id=118220045566779']);
  });

  it('has nothing to fetch for an attachment without a media id', async () => {
    const { fake, result } = fetchWith({ kind: 'location', externalRef: null });
    await expect(result).rejects.toMatchObject({ expired: true });
    expect(fake.requests).toHaveLength(0);
  });
});
