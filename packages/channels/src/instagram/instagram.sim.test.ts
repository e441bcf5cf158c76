import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelSendError, OutboundMessage } from '@keluh/core';
import { createMetaSim, ig, startTestReceiver, type TestReceiver } from '@keluh/meta-sim';
import { parseAllowHosts } from '../outbound/url.rules.ts';
import { InstagramAdapter } from './instagram.adapter.ts';

/** The adapter against the Meta stand-in over real HTTP: proves both speak §3 the same way. */
const DAY = 24 * 3_600_000;
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
  adapter = new InstagramAdapter(
    { appSecret: knobs.appSecret, verifyToken: 'v', accessToken: knobs.accessToken, accountId: knobs.accounts[0]?.igId ?? '', graphBaseUrl: sim.url },
    // The stand-in serves its "CDN" on loopback over http: allowed by name, as OUTBOUND_ALLOW_HOSTS would.
    { now: simNow, media: { allowHosts: parseAllowHosts(new URL(sim.url).host) } },
  );
});

const reply = (lastInboundAt: string | null, body = 'Halo Kak, pesanan sedang kami cek.'): OutboundMessage => ({
  messageId: 1, ticketId: 1, channel: 'instagram', recipientExternalId: DEWI, body, lastInboundAt,
});
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as ChannelSendError);

describe('the Instagram adapter against the Meta stand-in', () => {
  it('verifies and reads a customer message the stand-in signed over escaped bytes (cases 8, 31)', async () => {
    await sim.webhooks.instagram.inbound(DEWI, ig.text('Kopi di café kalian basi 😞'));
    const [request] = await receiver.waitFor(1);
    expect(adapter.verifySignature(request!.body, request!.headers['x-hub-signature-256'])).toBe(true);
    expect(adapter.parse({ body: request!.json })).toMatchObject([{ kind: 'message', sender: { externalId: DEWI }, body: 'Kopi di café kalian basi 😞', author: 'customer' }]);
  });

  it('stores a mid that the echo of the same send repeats, so the core can drop the echo (case 34)', async () => {
    sim.instagram.customerWrote(DEWI);
    const receipt = await adapter.send(reply(simNow()));
    const [echo] = await receiver.waitFor(1);
    expect(adapter.parse({ body: echo!.json })).toMatchObject([{ kind: 'message', externalMessageId: receipt.externalMessageId, author: 'business_app', sender: { externalId: DEWI } }]);
  });

  it('replies on day 3 with HUMAN_AGENT and is blocked after 7 days without a call (case 47)', async () => {
    sim.instagram.customerWrote(DEWI);
    const wrote = simNow();
    sim.advanceClock(3 * DAY);
    await expect(adapter.send(reply(wrote))).resolves.toMatchObject({ externalMessageId: expect.any(String) });
    expect(sim.state.sent.at(-1)).toMatchObject({ window: 'human_agent' });
    sim.advanceClock(4 * DAY + 1_000);
    expect(await failure(adapter.send(reply(wrote)))).toMatchObject({ code: 'channel.window_closed' });
    expect(sim.state.sent).toHaveLength(1);
    expect(sim.state.rejected).toHaveLength(0);
  });

  it('recovers with one HUMAN_AGENT retry when Instagram sees the window closed before we do (case 47)', async () => {
    sim.instagram.customerWrote(DEWI, sim.now() - 2 * DAY);
    await expect(adapter.send(reply(simNow()))).resolves.toMatchObject({ externalMessageId: expect.any(String) });
    expect(sim.state.rejected).toHaveLength(1);
    expect(sim.state.sent).toMatchObject([{ window: 'human_agent' }]);
  });

  it('never lets 1001 bytes reach Instagram (case 48)', async () => {
    sim.instagram.customerWrote(DEWI);
    expect(await failure(adapter.send(reply(simNow(), 'é'.repeat(500) + '!')))).toMatchObject({ code: 'channel.text_too_long' });
    expect(sim.state.sent).toHaveLength(0);
  });

  it('flags a customer who blocked us and pauses on an expired token (cases 45, 49)', async () => {
    sim.instagram.customerWrote(DEWI);
    sim.knobs.instagram.unavailableUsers = [DEWI];
    expect(await failure(adapter.send(reply(simNow())))).toMatchObject({ code: 'instagram.user_unavailable', retryable: false });
    sim.knobs.instagram.tokenExpired = true;
    expect(await failure(adapter.send(reply(simNow())))).toMatchObject({ code: 'channel.reconnect_needed', pauseChannel: true });
  });

  it('names a customer from the profile, and gives nulls for a blocked one (case 33)', async () => {
    sim.knobs.instagram.profiles = {
      [DEWI]: { name: 'Dewi Anggraini', username: 'dewi.angg', profile_pic: null },
      '999': { name: 'X', username: 'x', profile_pic: null, blocked: true },
    };
    await expect(adapter.fetchProfile(DEWI)).resolves.toEqual({ name: 'Dewi Anggraini', username: 'dewi.angg' });
    await expect(adapter.fetchProfile('999')).resolves.toEqual({ name: null, username: null });
  });

  it('downloads a CDN attachment and reports it expired once the stand-in lets it lapse', async () => {
    const url = sim.webhooks.instagram.cdnUrl('jpeg-bytes', 'image/jpeg');
    const media = await adapter.fetchMedia({ kind: 'image', externalRef: url });
    expect({ text: Buffer.from(media.bytes).toString(), mime: media.mimeType }).toEqual({ text: 'jpeg-bytes', mime: 'image/jpeg' });
    sim.advanceClock(25 * 3_600_000);
    await expect(adapter.fetchMedia({ kind: 'image', externalRef: url })).rejects.toMatchObject({ expired: true });
  });

  it('re-subscribes the account to webhooks (case 50)', async () => {
    await expect(adapter.subscribeApp()).resolves.toEqual({ ok: true });
  });
});
