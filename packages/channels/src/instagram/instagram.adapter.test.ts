import { describe, expect, it } from 'vitest';
import { ChannelMediaError, type InboundAttachment } from '@keluh/core';
import { describeChannelAdapterContract } from '../contract/channel-adapter.contract.ts';
import { InstagramAdapter, type InstagramDelivery } from './instagram.adapter.ts';
import { fakeFetch, type ScriptedAnswer } from './instagram.fake-fetch.ts';
import * as f from './instagram.fixtures.ts';
import { instagramDisplayName } from './instagram.profile.ts';

const now = '2026-01-01T02:00:00.000Z';
const settings = { appSecret: f.APP_SECRET, verifyToken: 'ig-verify-7f3a', accessToken: 'ig-token', accountId: f.ACCOUNT_ID };
const make = (...answers: ScriptedAnswer[]) => {
  const fetch = fakeFetch(...(answers.length > 0 ? answers : [{ json: f.sendResponse }]));
  return { fetch, adapter: new InstagramAdapter(settings, { fetch, now: () => now }) };
};

describeChannelAdapterContract<InstagramDelivery>({
  channel: 'instagram',
  makeAdapter: () => make().adapter,
  messageDelivery: () => ({ body: JSON.parse(f.textWebhookRaw) as unknown }),
  invalidDelivery: () => ({ body: { object: 'page', entry: [] } }),
  outbound: () => ({ messageId: 7, ticketId: 1, channel: 'instagram', recipientExternalId: f.IGSID, body: 'Mohon maaf, Kak', lastInboundAt: '2026-01-01T00:00:00.987Z' }),
});

describe('Instagram webhook authentication (cases 1–2, 5–9)', () => {
  const { adapter } = make();

  it('accepts the §1.2 signature over the escaped bytes and refuses the same JSON re-encoded as raw UTF-8', () => {
    expect(adapter.verifySignature(Buffer.from(f.textWebhookRaw), f.textWebhookSignature)).toBe(true);
    const raw = f.textWebhookRaw.replace('caf\\u00e9', 'café').replace('\\ud83d\\ude1e', '😞');
    expect(adapter.verifySignature(Buffer.from(raw), f.textWebhookSignature)).toBe(false);
  });

  it('refuses a signature made with another secret', () => {
    const other = new InstagramAdapter({ ...settings, appSecret: 'meta-app-secret-path-b' });
    expect(other.verifySignature(Buffer.from(f.textWebhookRaw), f.textWebhookSignature)).toBe(false);
  });

  it('echoes the challenge only for its own verify token', () => {
    expect(adapter.answerHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'ig-verify-7f3a', 'hub.challenge': '1842097655' })).toEqual({ ok: true, challenge: '1842097655' });
    expect(adapter.answerHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'wa-verify-token', 'hub.challenge': '1842097655' })).toEqual({ ok: false });
  });
});

describe('naming a new Instagram customer from the profile (case 33)', () => {
  it('reads name and username with the §3.7 fields and the bearer token', async () => {
    const { fetch, adapter } = make({ json: f.profileResponse });
    await expect(adapter.fetchProfile(f.IGSID)).resolves.toEqual({ name: 'Dewi Anggraini', username: 'dewi.angg' });
    expect(fetch.calls[0]).toMatchObject({
      method: 'GET',
      url: `https://graph.instagram.com/v23.0/${f.IGSID}?fields=name,username,profile_pic,follower_count,is_user_follow_business,is_business_follow_user,is_verified_user`,
      headers: { authorization: 'Bearer ig-token' },
    });
  });

  it('falls back to @username when the name is null', async () => {
    const { adapter } = make({ json: { ...f.profileResponse, name: null } });
    const profile = await adapter.fetchProfile(f.IGSID);
    expect(profile).toEqual({ name: null, username: 'dewi.angg' });
    expect(instagramDisplayName(profile, f.IGSID)).toBe('@dewi.angg');
  });

  it.each([
    ['a blocked user', { status: 400, json: f.graphErrorBody(551, undefined, 'unavailable') }],
    ['an unknown user', { status: 400, json: f.graphErrorBody(100, 33, 'does not exist') }],
    ['a network failure', new TypeError('fetch failed')],
  ] as [string, ScriptedAnswer][])('returns no name for %s instead of failing the ingest', async (_label, answer) => {
    const { adapter } = make(answer);
    const profile = await adapter.fetchProfile(f.IGSID);
    expect(profile).toEqual({ name: null, username: null });
    expect(instagramDisplayName(profile, f.IGSID)).toBe('Instagram user 7788');
  });
});

describe('downloading Instagram attachments (case 25 for IG)', () => {
  const image: InboundAttachment = { kind: 'image', externalRef: f.imageItem.message.attachments[0]?.payload.url ?? null };

  it('downloads the CDN URL without a token and takes the mime type from the response', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff]);
    const { fetch, adapter } = make({ bytes, headers: { 'content-type': 'image/jpeg; charset=binary' } });
    await expect(adapter.fetchMedia(image)).resolves.toEqual({ bytes, mimeType: 'image/jpeg' });
    expect(fetch.calls[0]).toMatchObject({ url: image.externalRef, method: 'GET' });
    expect(fetch.calls[0]?.headers).toEqual({});
  });

  it.each([403, 404, 410])('marks the attachment expired when the CDN answers %i', async (status) => {
    const { adapter } = make({ status, json: {} });
    await expect(adapter.fetchMedia(image)).rejects.toMatchObject({ name: 'ChannelMediaError', expired: true });
  });

  it.each([
    ['a server error', { status: 503, json: {} }],
    ['a network failure', new TypeError('socket hang up')],
  ] as [string, ScriptedAnswer][])('keeps the attachment retryable after %s', async (_label, answer) => {
    const { adapter } = make(answer);
    await expect(adapter.fetchMedia(image)).rejects.toMatchObject({ expired: false });
  });

  it('marks an attachment without a URL unavailable', async () => {
    const { adapter } = make();
    await expect(adapter.fetchMedia({ kind: 'image', externalRef: null })).rejects.toBeInstanceOf(ChannelMediaError);
  });
});

describe('re-subscribing the account to webhooks (case 50)', () => {
  it('posts to /me/subscribed_apps with the messaging fields and reports success', async () => {
    const { fetch, adapter } = make({ json: { success: true } });
    await expect(adapter.subscribeApp()).resolves.toEqual({ ok: true });
    expect(fetch.calls[0]).toMatchObject({
      method: 'POST',
      url: 'https://graph.instagram.com/v23.0/me/subscribed_apps?subscribed_fields=messages,message_reactions,messaging_seen,messaging_postbacks',
    });
  });

  it('reports why a subscription failed', async () => {
    const { adapter } = make({ status: 401, json: f.graphErrorBody(190, undefined, 'Invalid OAuth access token.') });
    await expect(adapter.subscribeApp()).resolves.toEqual({ ok: false, reason: 'Invalid OAuth access token.' });
  });

  it('talks to the Meta stand-in when given its base URL and version', async () => {
    const fetch = fakeFetch({ json: { success: true } });
    const adapter = new InstagramAdapter({ ...settings, graphBaseUrl: 'http://127.0.0.1:4010/', graphVersion: 'v25.0' }, { fetch });
    await adapter.subscribeApp();
    expect(fetch.calls[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1:4010\/v25\.0\/me\/subscribed_apps\?/);
  });
});
