import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { ingestMessage, systemClock, type Review } from '@keluh/core';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

describe('the testimonial library, from consent to the public snippet', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  /** The library is a supervisor's (testimonials.moderate): the admin has it, the agent does not. */
  let supervisor: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    headers = { authorization: `Bearer ${await t.login()}` };
    supervisor = { authorization: `Bearer ${await t.loginAdmin()}` };
  });
  afterAll(() => t.close());

  const deps = () => ({ db: t.db, clock: systemClock, events: { publish: () => undefined } });
  const say = (sender: string, name: string, body: string) =>
    ingestMessage(deps(), { kind: 'message', channel: 'webchat', externalMessageId: `m-${Math.random()}`, sender: { externalId: sender, displayName: name }, body, sentAt: new Date().toISOString() });

  /** A customer rates 5 over the chat, comments and says "ya": what the library receives. */
  async function consentingCustomer(name: string, comment: string): Promise<Review> {
    const sender = `s-${Math.random()}`;
    const ticketId = (await say(sender, name, 'Paket saya rusak')).ticket.id;
    const review = (await t.app.inject({ method: 'POST', url: `/api/tickets/${ticketId}/reviews`, headers })).json<Review>();
    await say(sender, name, '⭐⭐⭐⭐⭐');
    await say(sender, name, comment);
    await say(sender, name, 'ya');
    return (await t.db.reviews.findById(review.id))!;
  }
  const moderate = (reviewId: number, payload: Record<string, unknown>, as = supervisor) => t.app.inject({ method: 'PATCH', url: `/api/testimonials/${reviewId}`, headers: as, payload });

  let approved: Review;
  let pending: Review;
  beforeAll(async () => {
    approved = await consentingCustomer('Rina Wulandari', 'Terima kasih! Saya Rina, pesanan #INV-20931 diganti cepat, hubungi 0812 3456 7890 kalau perlu.');
    pending = await consentingCustomer('Budi Santoso', 'Budi puas sekali');
  });

  it('a yes makes a pending testimonial with names, order numbers and phones redacted, shown as "Rina W."', () => {
    expect(approved).toMatchObject({ state: 'completed', score: 5, consent: true });
    expect(approved.comment).toContain('Rina');
    expect(approved.testimonial).toMatchObject({ state: 'pending', displayName: 'Rina W.', text: 'Terima kasih! Saya […], pesanan […] diganti cepat, hubungi […] kalau perlu.' });
  });

  it('lists testimonials by state and approves one, refusing a review without consent', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/testimonials?state=pending', headers })).json().error.code).toBe('auth.forbidden');
    const list = await t.app.inject({ method: 'GET', url: '/api/testimonials?state=pending', headers: supervisor });
    expect(list.json().items.map((review: Review) => review.id)).toEqual([pending.id, approved.id]);

    const byAgent = await moderate(approved.id, { state: 'approved' }, headers);
    expect(byAgent.statusCode).toBe(403);
    expect((await t.db.reviews.findById(approved.id))?.testimonial.state).toBe('pending');
    const ok = await moderate(approved.id, { state: 'approved' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().testimonial).toMatchObject({ state: 'approved', moderatedBy: expect.any(Number) });
    expect(ok.json().testimonial.moderatedBy).not.toBe(t.agentId);

    const sender = `s-${Math.random()}`;
    const ticketId = (await say(sender, 'Sari', 'Halo')).ticket.id;
    const declined = (await t.app.inject({ method: 'POST', url: `/api/tickets/${ticketId}/reviews`, headers })).json<Review>();
    await t.app.inject({ method: 'POST', url: `/api/reviews/${declined.id}/answer`, headers, payload: { score: 5, consent: false } });
    const refused = await moderate(declined.id, { state: 'approved', text: 'Mantap' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('testimonial.no_consent');
    expect((await t.db.reviews.findById(declined.id))?.testimonial.state).toBe('none');
  });

  it('shows only approved testimonials in public, with nothing that identifies the customer', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/public/testimonials' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['cache-control']).toMatch(/public, max-age=\d+/);
    const { items } = response.json();
    expect(items).toEqual([{ id: approved.id, score: 5, text: approved.testimonial.text, displayName: 'Rina W.', channel: 'webchat', at: approved.ratedAt }]);
    expect(response.body).not.toMatch(/Wulandari|INV-20931|0812|Budi/);
  });

  it('exports the approved library as JSON and as a CSV whose cells cannot run as formulas', async () => {
    const formula = await consentingCustomer('Eko Prasetyo', 'Puas');
    await moderate(formula.id, { state: 'approved', text: '=HYPERLINK("http://evil.example","klik")' });

    const json = await t.app.inject({ method: 'GET', url: '/api/testimonials/export?format=json', headers: supervisor });
    expect(json.headers['content-disposition']).toContain('testimonials.json');
    expect(json.json().map((row: { id: number }) => row.id)).toEqual([formula.id, approved.id]);

    const csv = await t.app.inject({ method: 'GET', url: '/api/testimonials/export?format=csv', headers: supervisor });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('id,score,display_name,text,channel,at');
    expect(lines[1]).toContain(`,"'=HYPERLINK(""http://evil.example"",""klik"")",`);
    expect(lines).toHaveLength(3);
  });

  it('the /testimonials.js snippet renders the approved testimonials into a page as text', async () => {
    await moderate(pending.id, { state: 'approved', text: '<img src=x onerror="alert(1)"> Budi puas', displayName: 'Budi S.' });
    const script = await t.app.inject({ method: 'GET', url: '/testimonials.js' });
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.body).not.toContain('<img');
    const window = new Window({ url: 'https://toko.example/', settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
    try {
      window.document.body.innerHTML = '<h1>Toko</h1><div data-keluh-testimonials data-limit="2"></div>';
      // What the host page's <script src> runs, evaluated in the page's own context.
      window.eval(script.body);
      const items = [...window.document.querySelectorAll('[data-keluh-testimonials] li')];
      expect(items).toHaveLength(2);
      expect(items.map((item) => item.querySelector('cite')?.textContent)).toEqual(['Eko P.', 'Budi S.']);
      expect(items[1]!.querySelector('blockquote')?.textContent).toBe('<img src=x onerror="alert(1)"> Budi puas');
      expect(window.document.querySelectorAll('img')).toHaveLength(0);
      expect(items[1]!.querySelector('.keluh-testimonial-score')?.textContent).toBe('★★★★★');
    } finally {
      await window.happyDOM.abort();
      window.close();
    }
  });
});
