import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMetaSim } from './meta-sim.ts';
import { graphCall, PNID, RINA, waSend, waText } from './testing.helpers.ts';

const sim = createMetaSim();
beforeAll(async () => {
  await sim.start();
});
afterAll(async () => {
  await sim.stop();
});
beforeEach(() => {
  sim.reset();
  sim.whatsapp.customerWrote(RINA);
});

describe('WhatsApp send endpoint', () => {
  it('accepts a reply inside the window and answers exactly the §2.6 success shape', async () => {
    const answer = await waText(sim, `+${RINA}`, 'Mohon maaf, Kak Rina. Kami cek sekarang.', { biz_opaque_callback_data: 'hd-msg-1' });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body)).toEqual(['messaging_product', 'contacts', 'messages']);
    expect(answer.body.messaging_product).toBe('whatsapp');
    expect(answer.body.contacts).toEqual([{ input: `+${RINA}`, wa_id: RINA }]);
    const [message] = answer.body.messages as { id: string }[];
    expect(message?.id).toMatch(/^wamid\./);
    expect(sim.state.sent).toEqual([
      expect.objectContaining({ channel: 'whatsapp', id: message?.id, recipient: RINA, type: 'text', bizOpaqueCallbackData: 'hd-msg-1' }),
    ]);
  });

  it('accepts any vNN.N Graph version in the path', async () => {
    const answer = await graphCall(sim, 'POST', `/v19.0/${PNID}/messages`, {
      body: { messaging_product: 'whatsapp', to: `+${RINA}`, type: 'text', text: { body: 'halo' } },
    });
    expect(answer.status).toBe(200);
    expect((await graphCall(sim, 'POST', `/latest/${PNID}/messages`, { body: {} })).error?.code).toBe(2500);
  });

  it('refuses a wrong token with error 190 in the Graph envelope and HTTP 401', async () => {
    const answer = await waSend(sim, { to: `+${RINA}`, text: { body: 'x' } }, 'stolen-token');
    expect(answer.status).toBe(401);
    expect(Object.keys(answer.error ?? {})).toEqual(['message', 'type', 'code', 'error_subcode', 'fbtrace_id']);
    expect(answer.error).toMatchObject({ type: 'OAuthException', code: 190, error_subcode: 467 });
    expect(sim.state.rejected.at(-1)).toMatchObject({ channel: 'whatsapp', code: 190, httpStatus: 401 });
  });

  it('reports an expired token as 190 with subcode 463, so the channel can ask for reconnection', async () => {
    sim.knobs.whatsapp.tokenExpired = true;
    const answer = await waText(sim, `+${RINA}`, 'halo');
    expect(answer.status).toBe(401);
    expect(answer.error).toMatchObject({ code: 190, error_subcode: 463 });
    expect((await waSend(sim, { to: `+${RINA}`, text: { body: 'x' } }, null)).error?.code).toBe(190);
  });

  it('refuses free-form text after 24 hours with 131047 synchronously in sync mode', async () => {
    sim.knobs.whatsapp.windowMode = 'sync';
    sim.advanceClock(24 * 3_600_000 + 1_000);
    const answer = await waText(sim, `+${RINA}`, 'Kak, ada kabar?');
    expect(answer.status).toBe(400);
    expect(answer.error).toMatchObject({
      message: '(#131047) Re-engagement message',
      type: 'OAuthException',
      code: 131047,
      error_data: { messaging_product: 'whatsapp', details: expect.any(String) },
    });
    expect(sim.state.sent).toHaveLength(0);
  });

  it('accepts free-form text after 24 hours in async mode and plans a 131047 failure instead', async () => {
    sim.advanceClock(25 * 3_600_000);
    const answer = await waText(sim, `+${RINA}`, 'Kak, ada kabar?');
    expect(answer.status).toBe(200);
    expect(sim.state.sent[0]?.asyncErrorCode).toBe(131047);
  });

  it('sends a registered template outside the window, which still does not reopen it', async () => {
    sim.knobs.whatsapp.windowMode = 'sync';
    sim.advanceClock(3 * 24 * 3_600_000);
    const template = {
      name: 'complaint_followup_v2',
      language: { code: 'id' },
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Budi' }, { type: 'text', text: 'TKT-20431' }] }],
    };
    expect((await waSend(sim, { to: `+${RINA}`, type: 'template', template })).status).toBe(200);
    expect((await waText(sim, `+${RINA}`, 'Ada yang bisa dibantu?')).error?.code).toBe(131047);
    sim.whatsapp.customerWrote(RINA);
    expect((await waText(sim, `+${RINA}`, 'Ada yang bisa dibantu?')).status).toBe(200);
  });

  it('refuses unknown templates (132001) and a wrong body parameter count (132000)', async () => {
    const unknown = await waSend(sim, { to: `+${RINA}`, type: 'template', template: { name: 'nope', language: { code: 'id' } } });
    expect(unknown.error?.code).toBe(132001);
    const wrongLanguage = await waSend(sim, { to: `+${RINA}`, type: 'template', template: { name: 'csat_request', language: { code: 'fr' } } });
    expect(wrongLanguage.error?.code).toBe(132001);
    const wrongCount = await waSend(sim, {
      to: `+${RINA}`,
      type: 'template',
      template: { name: 'complaint_followup_v2', language: { code: 'id' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Budi' }] }] },
    });
    expect(wrongCount.error?.code).toBe(132000);
  });

  it('accepts 4096 characters of text and refuses 4097 with code 100', async () => {
    expect((await waText(sim, `+${RINA}`, 'a'.repeat(4096))).status).toBe(200);
    const tooLong = await waText(sim, `+${RINA}`, 'a'.repeat(4097));
    expect(tooLong.status).toBe(400);
    expect(tooLong.error?.code).toBe(100);
    expect(tooLong.error?.error_data?.details).toContain('4096');
  });

  it('prepends our own country code when the number has no plus sign, misrouting the message', async () => {
    const answer = await waText(sim, RINA, 'halo');
    expect(answer.body.contacts).toEqual([{ input: RINA, wa_id: `62${RINA}` }]);
    sim.knobs.whatsapp.prependCountryCodeWithoutPlus = false;
    const plain = await waText(sim, '+62 812-3456-7890', 'halo');
    expect(plain.body.contacts).toEqual([{ input: '+62 812-3456-7890', wa_id: RINA }]);
  });

  it('answers a missing recipient with 131008 and a wrong messaging_product with 100', async () => {
    expect((await waSend(sim, { type: 'text', text: { body: 'x' } })).error?.code).toBe(131008);
    const wrongProduct = await graphCall(sim, 'POST', `/v23.0/${PNID}/messages`, { body: { to: `+${RINA}`, text: { body: 'x' } } });
    expect(wrongProduct.error?.code).toBe(100);
  });

  it('marks an incoming message as read with { success: true }', async () => {
    const answer = await waSend(sim, { status: 'read', message_id: 'wamid.INCOMING1', typing_indicator: { type: 'text' } });
    expect(answer.body).toEqual({ success: true });
    expect(sim.state.reads).toEqual([expect.objectContaining({ messageId: 'wamid.INCOMING1', typingIndicator: true })]);
  });

  it('sends media by uploaded id or by link, and refuses an unknown media id', async () => {
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', 'image/png');
    form.set('file', new Blob([Buffer.from('png-bytes')], { type: 'image/png' }), 'photo.png');
    const upload = await fetch(`${sim.url}/v23.0/${PNID}/media`, { method: 'POST', headers: { authorization: `Bearer ${sim.knobs.whatsapp.accessToken}` }, body: form });
    const { id } = (await upload.json()) as { id: string };
    expect(sim.media.get(id)?.bytes.toString()).toBe('png-bytes');
    expect((await waSend(sim, { to: `+${RINA}`, type: 'image', image: { id, caption: 'Label pengiriman' } })).status).toBe(200);
    expect((await waSend(sim, { to: `+${RINA}`, type: 'document', document: { link: 'https://example.test/invoice.pdf', filename: 'invoice.pdf' } })).status).toBe(200);
    expect((await waSend(sim, { to: `+${RINA}`, type: 'audio', audio: { id: '999' } })).error?.code).toBe(100);
  });

  it('sends interactive messages and reactions, but refuses a reaction sent as a contextual reply', async () => {
    const interactive = { type: 'button', body: { text: 'Sudah selesai?' }, action: { buttons: [{ type: 'reply', reply: { id: 'yes', title: 'Ya' } }] } };
    expect((await waSend(sim, { to: `+${RINA}`, type: 'interactive', interactive })).status).toBe(200);
    expect((await waSend(sim, { to: `+${RINA}`, type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '🙏' } })).status).toBe(200);
    const contextual = await waSend(sim, { to: `+${RINA}`, type: 'reaction', context: { message_id: 'wamid.X' }, reaction: { message_id: 'wamid.X', emoji: '🙏' } });
    expect(contextual.error?.code).toBe(100);
  });

  it('fails the next N calls with a scripted error, then recovers', async () => {
    sim.knobs.whatsapp.failNext.push({ code: 131000, times: 2 });
    const first = await waText(sim, `+${RINA}`, 'satu');
    expect(first.status).toBe(500);
    expect(first.error?.code).toBe(131000);
    expect((await waText(sim, `+${RINA}`, 'dua')).error?.code).toBe(131000);
    expect((await waText(sim, `+${RINA}`, 'tiga')).status).toBe(200);
  });

  it('aims a scripted failure at one recipient only', async () => {
    sim.whatsapp.customerWrote('6281298765432');
    sim.knobs.whatsapp.failNext.push({ code: 2, recipient: '+6281298765432' });
    expect((await waText(sim, `+${RINA}`, 'untuk Rina')).status).toBe(200);
    const budi = await waText(sim, '+6281298765432', 'untuk Budi');
    expect([budi.status, budi.error?.code]).toEqual([503, 2]);
  });

  it('answers 130429 with HTTP 429 when the number exceeds its throughput', async () => {
    sim.knobs.whatsapp.rateLimit.throughputPerSecond = 2;
    await waText(sim, `+${RINA}`, '1');
    await waText(sim, `+${RINA}`, '2');
    const third = await waText(sim, `+${RINA}`, '3');
    expect([third.status, third.error?.code]).toEqual([429, 130429]);
    sim.advanceClock(1_001);
    expect((await waText(sim, `+${RINA}`, '4')).status).toBe(200);
  });

  it('answers 131056 when one customer gets too many messages, without blocking other customers', async () => {
    sim.knobs.whatsapp.rateLimit.pair = { burst: 2, refillEveryMs: 6_000 };
    sim.whatsapp.customerWrote('6281298765432');
    await waText(sim, `+${RINA}`, '1');
    await waText(sim, `+${RINA}`, '2');
    const third = await waText(sim, `+${RINA}`, '3');
    expect([third.status, third.error?.code]).toEqual([429, 131056]);
    expect((await waText(sim, '+6281298765432', 'other customer')).status).toBe(200);
    sim.advanceClock(6_000);
    expect((await waText(sim, `+${RINA}`, '4')).status).toBe(200);
  });

  it('lets a test change the HTTP status paired with a code', async () => {
    sim.knobs.httpStatusByCode[131056] = 400;
    sim.knobs.whatsapp.rateLimit.pair = { burst: 1, refillEveryMs: 60_000 };
    await waText(sim, `+${RINA}`, '1');
    expect((await waText(sim, `+${RINA}`, '2')).status).toBe(400);
  });

  it('answers 131026 synchronously for a recipient configured as undeliverable in sync mode', async () => {
    sim.knobs.whatsapp.recipientErrors[RINA] = { code: 131026, mode: 'sync' };
    const answer = await waText(sim, `+${RINA}`, 'halo');
    expect([answer.status, answer.error?.code]).toEqual([400, 131026]);
  });

  it('sends to a business-scoped user id and answers with user_id instead of wa_id', async () => {
    sim.knobs.whatsapp.bsuids['ID.58219abc'] = RINA;
    const answer = await waSend(sim, { recipient: 'ID.58219abc', type: 'text', text: { body: 'halo' } });
    expect(answer.body.contacts).toEqual([{ input: 'ID.58219abc', user_id: 'ID.58219abc' }]);
    const both = await waSend(sim, { to: `+${RINA}`, recipient: 'ID.58219abc', type: 'text', text: { body: 'halo' } });
    expect(both.body.contacts).toEqual([{ input: `+${RINA}`, wa_id: RINA }]);
    const otp = await waSend(sim, { recipient: 'ID.58219abc', type: 'template', template: { name: 'otp_login', language: { code: 'id' } } });
    expect(otp.error?.code).toBe(131062);
  });

  it('answers an unknown phone number id with Graph error 100 / subcode 33', async () => {
    const answer = await graphCall(sim, 'POST', '/v23.0/999999999/messages', { body: { messaging_product: 'whatsapp' } });
    expect([answer.status, answer.error?.code, answer.error?.error_subcode]).toEqual([400, 100, 33]);
  });
});
