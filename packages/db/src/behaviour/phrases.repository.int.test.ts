import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError, defaultPhrases, type Database, type NewPhrase } from '@keluh/core';
import { freshDb, T0 } from '../testing/fixtures.ts';
import { heldTransaction } from '../testing/held-transaction.ts';
import { openTestDatabase, reopenTestDatabase, testDialect } from '../testing/test-database.ts';

const T1 = '2026-03-02T09:00:00.000Z';

const greeting: NewPhrase = {
  key: 'empathy_acknowledge',
  stage: 1,
  language: 'id',
  tone: 'neutral',
  intensity: 'normal',
  notOurFault: false,
  title: 'Menerima keluhan',
  body: 'Halo Kak {customer_name}, kami bantu cek ya.',
};

const codeOf = async (work: Promise<unknown>) => work.then(() => null, (error: unknown) => (error instanceof AppError ? error.code : error));

describe('the phrase bank', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('a phrase is stored with its variant and read back by id and in lists filtered by stage and language', async () => {
    const created = await db.phrases.create(greeting, T0);
    expect(created).toEqual({ ...greeting, id: created.id, createdAt: T0, updatedAt: T0 });
    const english = await db.phrases.create({ ...greeting, language: 'en', body: 'Hi {customer_name}, we are on it.' }, T0);
    const details = await db.phrases.create({ ...greeting, key: 'details_order_number', stage: 2, notOurFault: true }, T0);
    expect(await db.phrases.find(created.id)).toEqual(created);
    expect(await db.phrases.find(created.id + 1000)).toBeNull();
    expect(await db.phrases.list({})).toEqual([created, english, details]);
    expect(await db.phrases.list({ stage: 1 })).toEqual([created, english]);
    expect(await db.phrases.list({ stage: 1, language: 'en' })).toEqual([english]);
    expect(details.notOurFault).toBe(true);
  });

  it('an edit replaces the wording and keeps when it was made', async () => {
    const created = await db.phrases.create(greeting, T0);
    const edited = await db.phrases.update(created.id, { ...greeting, intensity: 'high', body: 'Mohon maaf sekali, Kak {customer_name}.' }, T1);
    expect(edited).toEqual({ ...greeting, id: created.id, intensity: 'high', body: 'Mohon maaf sekali, Kak {customer_name}.', createdAt: T0, updatedAt: T1 });
    expect(await db.phrases.update(created.id + 1000, greeting, T1)).toBeNull();
  });

  it('a second phrase for the same variant of a key is refused, on create and on edit, and nothing changes', async () => {
    const first = await db.phrases.create(greeting, T0);
    expect(await codeOf(db.phrases.create({ ...greeting, body: 'Lagi' }, T1))).toBe('phrase.variant_exists');
    const loyal = await db.phrases.create({ ...greeting, tone: 'loyal' }, T0);
    expect(await codeOf(db.phrases.update(loyal.id, greeting, T1))).toBe('phrase.variant_exists');
    expect(await db.phrases.list({})).toEqual([first, loyal]);
  });

  it('a refused duplicate inside a transaction leaves the transaction usable', async () => {
    await db.phrases.create(greeting, T0);
    const after = await db.transaction(async (tx) => {
      await codeOf(tx.phrases.create(greeting, T1));
      return tx.phrases.create({ ...greeting, tone: 'thrifty' }, T1);
    });
    expect(after.tone).toBe('thrifty');
  });

  it('a removed phrase is gone, and removing it again says so', async () => {
    const created = await db.phrases.create(greeting, T0);
    expect(await db.phrases.remove(created.id)).toBe(true);
    expect(await db.phrases.remove(created.id)).toBe(false);
    expect(await db.phrases.list({})).toEqual([]);
  });

  it('the defaults are seeded into an empty bank once, and never over an admin\'s phrases', async () => {
    await db.phrases.seedIfEmpty(defaultPhrases, T0);
    await db.phrases.seedIfEmpty(defaultPhrases, T1);
    const seeded = await db.phrases.list({});
    expect(seeded).toHaveLength(defaultPhrases.length);
    expect(seeded.every((phrase) => phrase.createdAt === T0)).toBe(true);

    const other = await freshDb();
    try {
      await other.phrases.create(greeting, T0);
      await other.phrases.seedIfEmpty(defaultPhrases, T1);
      expect(await other.phrases.list({})).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});

describe('two servers starting at once on an empty database', () => {
  it('seed the default phrases once between them', async () => {
    const one = await openTestDatabase();
    const other = await reopenTestDatabase(one.url);
    try {
      if (testDialect() === 'postgres') {
        // The first starter has seeded but not committed when the second looks: it sees an empty bank too.
        const first = await heldTransaction(one, (tx) => tx.phrases.seedIfEmpty(defaultPhrases, T0));
        const second = other.phrases.seedIfEmpty(defaultPhrases, T1);
        first.release();
        await Promise.all([first.committed, second]);
      } else {
        // SQLite's one writer makes the second wait for the first's commit; holding the first open here
        // would block this very process, whose driver waits synchronously.
        await Promise.all([one.phrases.seedIfEmpty(defaultPhrases, T0), other.phrases.seedIfEmpty(defaultPhrases, T1)]);
      }
      const bank = await one.phrases.list({});
      expect(bank).toHaveLength(defaultPhrases.length);
      expect(new Set(bank.map((phrase) => `${phrase.key}|${phrase.language}|${phrase.tone}|${phrase.intensity}|${phrase.notOurFault}`)).size).toBe(defaultPhrases.length);
    } finally {
      await other.close();
      await one.close();
    }
  });
});
