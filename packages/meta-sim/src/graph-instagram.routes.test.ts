import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMetaSim } from './meta-sim.ts';
import { DEWI, graphCall, IG_ID, igSend } from './testing.helpers.ts';

const DAY = 24 * 3_600_000;
const sim = createMetaSim();
beforeAll(async () => {
  await sim.start();
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(() => {
  sim.reset();
  sim.instagram.customerWrote(DEWI);
});

const text = (body: string, extra: Record<string, unknown> = {}) => ({ recipient: { id: DEWI }, message: { text: body }, ...extra });

describe('Instagram send endpoint', () => {
  it('answers a reply inside the window with recipient_id and a message_id', async () => {
    const answer = await igSend(sim, text('Halo Kak, pesanan #A-7781 sedang kami cek.'));
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body)).toEqual(['recipient_id', 'message_id']);
    expect(answer.body.recipient_id).toBe(DEWI);
    expect(answer.body.message_id).toMatch(/^aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOj/);
    expect(sim.state.sent[0]).toMatchObject({ channel: 'instagram', id: answer.body.message_id, window: 'standard' });
  });

  it('accepts /me/messages, the linked Page id and an access_token query parameter (path B)', async () => {
    expect((await igSend(sim, text('via me'), { path: '/v25.0/me/messages' })).status).toBe(200);
    expect((await igSend(sim, text('via page'), { path: '/v23.0/104400112233445/messages' })).status).toBe(200);
    const query = await graphCall(sim, 'POST', `/v23.0/me/messages?access_token=${sim.knobs.instagram.accessToken}`, {
      token: null,
      body: text('via query', { messaging_type: 'RESPONSE' }),
    });
    expect(query.status).toBe(200);
  });

  it('refuses a message outside the 24-hour window with code 10 and the configured subcode', async () => {
    sim.advanceClock(DAY + 1_000);
    const answer = await igSend(sim, text('Kak, ada kabar?'));
    expect(answer.status).toBe(400);
    expect(answer.error).toMatchObject({ type: 'OAuthException', code: 10, error_subcode: 2534022 });
    sim.knobs.instagram.windowErrorSubcode = 1545041;
    expect((await igSend(sim, text('lagi'))).error?.error_subcode).toBe(1545041);
  });

  it('lets a human agent reply with the HUMAN_AGENT tag up to 7 days, and no longer', async () => {
    sim.advanceClock(3 * DAY);
    const tagged = text('Penggantian barang sudah dikirim.', { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    expect((await igSend(sim, tagged)).status).toBe(200);
    expect(sim.state.sent.at(-1)?.window).toBe('human_agent');
    sim.advanceClock(4 * DAY + 1_000);
    expect((await igSend(sim, tagged)).error).toMatchObject({ code: 10, error_subcode: 2534022 });
  });

  it('does not extend the window when the Human Agent feature is not approved', async () => {
    sim.knobs.instagram.humanAgentApproved = false;
    sim.advanceClock(2 * DAY);
    expect((await igSend(sim, text('x', { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' }))).error?.code).toBe(10);
  });

  it('refuses tags Instagram does not support with code 100, and can demand messaging_type with the tag', async () => {
    expect((await igSend(sim, text('x', { messaging_type: 'MESSAGE_TAG', tag: 'POST_PURCHASE_UPDATE' }))).error?.code).toBe(100);
    sim.knobs.instagram.requireMessagingTypeWithTag = true;
    expect((await igSend(sim, text('x', { tag: 'HUMAN_AGENT' }))).error?.code).toBe(100);
  });

  it('counts the 1000-character limit in UTF-8 bytes, so 500 "é" pass and one more byte fails', async () => {
    expect((await igSend(sim, text('é'.repeat(500)))).status).toBe(200);
    const over = await igSend(sim, text(`${'é'.repeat(500)}a`));
    expect([over.status, over.error?.code]).toEqual([400, 100]);
  });

  it('answers 551 for a customer who blocked us', async () => {
    sim.knobs.instagram.unavailableUsers.push(DEWI);
    const answer = await igSend(sim, text('halo'));
    expect(answer.error).toMatchObject({ code: 551, error_subcode: 1545041 });
  });

  it('answers 613 when the account sends faster than its rate', async () => {
    sim.knobs.instagram.sendsPerSecond = 1;
    await igSend(sim, text('1'));
    expect((await igSend(sim, text('2'))).error?.code).toBe(613);
  });

  it('answers a bad or expired token with 190 and HTTP 401', async () => {
    expect((await igSend(sim, text('x'), { token: 'wrong' })).status).toBe(401);
    sim.knobs.instagram.tokenExpired = true;
    expect((await igSend(sim, text('x'))).error).toMatchObject({ code: 190, error_subcode: 463 });
  });

  it('sends image attachments and reactions', async () => {
    const image = { recipient: { id: DEWI }, message: { attachment: { type: 'image', payload: { url: 'https://example.test/a.png' } } } };
    expect((await igSend(sim, image)).status).toBe(200);
    const react = await igSend(sim, { recipient: { id: DEWI }, sender_action: 'react', payload: { message_id: 'mid.1', reaction: 'love' } });
    expect(react.body).toEqual({ recipient_id: DEWI });
  });

  it('fails the next call with a scripted Graph error', async () => {
    sim.knobs.instagram.failNext.push({ code: 2 });
    expect((await igSend(sim, text('x'))).error?.code).toBe(2);
    expect((await igSend(sim, text('x'))).status).toBe(200);
  });
});

describe('Instagram profile lookup', () => {
  beforeEach(() => {
    sim.knobs.instagram.profiles[DEWI] = { name: 'Dewi Anggraini', username: 'dewi.angg', profile_pic: null, follower_count: 412 };
    sim.knobs.instagram.profiles['1122334455669999'] = { name: null, username: 'blocked.one', profile_pic: null, blocked: true };
  });

  it('returns only the requested fields, with null name or picture kept as null', async () => {
    const answer = await graphCall(sim, 'GET', `/v25.0/${DEWI}?fields=name,username,profile_pic`, { token: sim.knobs.instagram.accessToken });
    expect(answer.body).toEqual({ name: 'Dewi Anggraini', username: 'dewi.angg', profile_pic: null, id: DEWI });
  });

  it('answers an unknown or blocked user with an error the adapter can fall back from', async () => {
    for (const igsid of ['1122334455660000', '1122334455669999']) {
      const answer = await graphCall(sim, 'GET', `/v25.0/${igsid}?fields=name`, { token: sim.knobs.instagram.accessToken });
      expect([answer.status, answer.error?.code, answer.error?.error_subcode]).toEqual([400, 100, 33]);
    }
  });
});

describe('webhook subscription', () => {
  it('subscribes, lists and unsubscribes the Instagram account through /me/subscribed_apps', async () => {
    const token = sim.knobs.instagram.accessToken;
    expect((await graphCall(sim, 'DELETE', '/v25.0/me/subscribed_apps', { token })).body).toEqual({ success: true });
    expect(sim.state.subscribed.instagram).toBe(false);
    expect((await graphCall(sim, 'GET', '/v25.0/me/subscribed_apps', { token })).body).toEqual({ data: [] });
    expect((await graphCall(sim, 'POST', `/v25.0/${IG_ID}/subscribed_apps?subscribed_fields=messages,messaging_seen`, { token })).body).toEqual({ success: true });
    expect(sim.state.subscribed.instagram).toBe(true);
  });

  it('subscribes the WhatsApp Business Account through /{waba-id}/subscribed_apps', async () => {
    const answer = await graphCall(sim, 'POST', '/v23.0/498712345600011/subscribed_apps');
    expect(answer.body).toEqual({ success: true });
  });
});
