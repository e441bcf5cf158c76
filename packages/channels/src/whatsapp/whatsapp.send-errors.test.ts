import { describe, expect, it } from 'vitest';
import { WhatsappGraphClient } from './whatsapp.client.ts';
import { fakeFetch } from './whatsapp.fake-fetch.ts';
import { sendWhatsappMessage } from './whatsapp.send.ts';

const settings = { appSecret: 's', verifyToken: 'v', accessToken: 't', phoneNumberId: '118220045566779' };
const graphError = (code: number, details = `details of ${code}`) => ({
  error: { message: `(#${code}) title`, type: 'OAuthException', code, error_data: { messaging_product: 'whatsapp', details }, fbtrace_id: 'AbC' },
});

async function failure(status: number, json: unknown) {
  const fake = fakeFetch({ status, json });
  const out = { messageId: 1, ticketId: 1, channel: 'whatsapp' as const, recipientExternalId: '6281234567890', body: 'Halo' };
  return sendWhatsappMessage(new WhatsappGraphClient(settings, { fetch: fake.fetch }), out).then(
    () => expect.unreachable('send should fail'),
    (error: unknown) => error,
  );
}

describe('WhatsApp send errors decide what the outbox does (channels.md §2.9)', () => {
  it.each([[190], [0]])('case 45: token error %i pauses the channel for a reconnect instead of retrying', async (code) => {
    expect(await failure(401, graphError(code))).toMatchObject({ name: 'ChannelSendError', code: 'channel.reconnect_needed', retryable: false, pauseChannel: true });
  });

  it('case 40: 131047 closes the window: no retry, and the agent is told to use a template', async () => {
    const error = await failure(400, graphError(131047));
    expect(error).toMatchObject({ code: 'channel.window_closed', retryable: false, pauseChannel: false });
    expect((error as Error).message).toMatch(/24 hours.*template/);
  });

  it.each([
    [130429, 429, 'case 42: number throughput'],
    [80007, 400, 'WABA rate limit'],
    [4, 400, 'app call limit'],
    [2, 503, 'case 44: service unavailable'],
    [131057, 503, 'number in maintenance'],
    [131000, 500, 'case 44: unknown error (capped by the outbox)'],
    [131052, 400, 'media download error'],
    [131053, 400, 'media upload error'],
  ])('retries %i (%s) after a wait', async (code, status) => {
    const error = await failure(status, graphError(code));
    expect(error).toMatchObject({ code: `whatsapp.${code}`, retryable: true, pauseChannel: false });
    expect((error as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
  });

  it('case 43: the pair limit 131056 is retried after 4 s and the outbox backs off from there', async () => {
    expect(await failure(429, graphError(131056))).toMatchObject({ code: 'whatsapp.131056', retryable: true, retryAfterMs: 4000 });
  });

  it.each([[131026], [100], [131008], [131009], [132000], [132001], [132015], [10], [200], [299], [368], [131031], [131062]])(
    'case 44: %i fails the message for good with Meta\'s details as the reason',
    async (code) => {
      const error = await failure(400, graphError(code, `Meta says ${code}`));
      expect(error).toMatchObject({ code: `whatsapp.${code}`, retryable: false, pauseChannel: false, message: `Meta says ${code}` });
    },
  );

  it('falls back to the HTTP status only when no Graph error came back', async () => {
    expect(await failure(502, null)).toMatchObject({ code: 'whatsapp.http_502', retryable: true });
    expect(await failure(404, null)).toMatchObject({ code: 'whatsapp.http_404', retryable: false });
  });
});
