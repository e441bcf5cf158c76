import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPhrases, type Phrase } from '@keluh/core';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

const apology = {
  key: 'empathy_sorry_wait',
  stage: 1,
  language: 'id',
  tone: 'loyal',
  intensity: 'high',
  title: 'Maaf menunggu lama',
  body: 'Kak {customer_name}, maaf sudah menunggu lama soal pesanan {order_number}.',
};

describe('the phrase bank over HTTP', () => {
  let t: TestApp;
  let agent: Record<string, string>;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    agent = { authorization: `Bearer ${await t.login()}` };
    admin = { authorization: `Bearer ${await t.loginAdmin()}` };
  });
  afterAll(() => t.close());

  const list = async (query = '') => (await t.app.inject({ method: 'GET', url: `/api/phrases${query}`, headers: agent })).json<{ items: Phrase[] }>().items;
  const stored = async () => (await t.db.phrases.list({})).length;

  it('a new installation starts with the default bank, which agents read by stage and language', async () => {
    expect(await list()).toHaveLength(defaultPhrases.length);
    const empathyInEnglish = await list('?stage=1&language=en');
    expect(empathyInEnglish.length).toBeGreaterThan(5);
    expect(empathyInEnglish.every((phrase) => phrase.stage === 1 && phrase.language === 'en')).toBe(true);
  });

  it('typed words narrow the bank, accents and case ignored', async () => {
    const found = await list('?q=PESANAN&language=id');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((phrase) => /pesanan/i.test(`${phrase.title} ${phrase.body}`))).toBe(true);
  });

  it('an admin adds, edits and removes a phrase', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/phrases', headers: admin, payload: apology });
    expect(created.statusCode).toBe(201);
    const phrase = created.json<Phrase>();
    expect(phrase).toMatchObject({ ...apology, notOurFault: false });
    const edited = await t.app.inject({ method: 'PUT', url: `/api/phrases/${phrase.id}`, headers: admin, payload: { ...apology, body: 'Kak {customer_name}, mohon maaf atas penantiannya.' } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ id: phrase.id, body: 'Kak {customer_name}, mohon maaf atas penantiannya.' });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/phrases/${phrase.id}`, headers: admin })).statusCode).toBe(204);
    expect(await t.db.phrases.find(phrase.id)).toBeNull();
  });

  it('a phrase with an unknown placeholder is refused with the names, and nothing is stored', async () => {
    const before = await stored();
    const response = await t.app.inject({ method: 'POST', url: '/api/phrases', headers: admin, payload: { ...apology, body: 'Halo {nama}, paket {resi} sedang dicek.' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'phrase.unknown_placeholder', details: { placeholders: ['nama', 'resi'] } });
    const unbalanced = await t.app.inject({ method: 'POST', url: '/api/phrases', headers: admin, payload: { ...apology, body: 'Halo {customer_name' } });
    expect(unbalanced.json().error.code).toBe('phrase.unknown_placeholder');
    expect(await stored()).toBe(before);
  });

  it('an edit with an unknown placeholder changes nothing', async () => {
    const [first] = await t.db.phrases.list({ stage: 2 });
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/phrases/${first!.id}`,
      headers: admin,
      payload: { key: first!.key, stage: first!.stage, language: first!.language, title: first!.title, body: 'Nomor {order_id}?' },
    });
    expect(response.json().error.code).toBe('phrase.unknown_placeholder');
    expect(await t.db.phrases.find(first!.id)).toEqual(first);
  });

  it('a second wording for the same variant of a key is refused', async () => {
    const [existing] = await t.db.phrases.list({ stage: 5, language: 'en' });
    const { key, stage, language, tone, intensity, notOurFault } = existing!;
    const response = await t.app.inject({ method: 'POST', url: '/api/phrases', headers: admin, payload: { key, stage, language, tone, intensity, notOurFault, title: 'Again', body: 'Again' } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('phrase.variant_exists');
  });

  it('editing or removing a phrase that does not exist says so', async () => {
    expect((await t.app.inject({ method: 'PUT', url: '/api/phrases/999999', headers: admin, payload: apology })).json().error.code).toBe('phrase.not_found');
    const removed = await t.app.inject({ method: 'DELETE', url: '/api/phrases/999999', headers: admin });
    expect(removed.statusCode).toBe(404);
    expect(removed.json().error.code).toBe('phrase.not_found');
  });

  it('agents read the bank but may not change it, and nobody signed out reads it', async () => {
    const before = await stored();
    const refused = await t.app.inject({ method: 'POST', url: '/api/phrases', headers: agent, payload: apology });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('auth.forbidden');
    const [first] = await t.db.phrases.list({});
    expect((await t.app.inject({ method: 'DELETE', url: `/api/phrases/${first!.id}`, headers: agent })).statusCode).toBe(403);
    expect(await stored()).toBe(before);
    expect((await t.app.inject({ method: 'GET', url: '/api/phrases' })).json().error.code).toBe('auth.unauthenticated');
  });

  it('a misspelt field or a bad stage is a validation error', async () => {
    const misspelt = await t.app.inject({ method: 'POST', url: '/api/phrases', headers: admin, payload: { ...apology, tones: 'loyal' } });
    expect(misspelt.json().error.code).toBe('validation.failed');
    expect((await t.app.inject({ method: 'GET', url: '/api/phrases?stage=6', headers: agent })).json().error.code).toBe('validation.failed');
  });

  it('a restart does not seed the defaults again', async () => {
    const before = await stored();
    const again = await startTestApp({ shareDatabaseWith: t });
    try {
      expect(await again.db.phrases.list({})).toHaveLength(before);
    } finally {
      await again.close();
    }
  });
});
