import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCategories, type Database } from '@keluh/core';
import { freshDb, T0 } from '../testing/fixtures.ts';
import { openTestDatabase, reopenTestDatabase, type TestDatabase } from '../testing/test-database.ts';

const LATER = '2026-03-02T09:00:00.000Z';

describe('complaint categories', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('the defaults are seeded once, in order, with their checklists intact', async () => {
    await db.categories.seedIfEmpty(defaultCategories, T0);
    await db.categories.seedIfEmpty(defaultCategories.slice(0, 1).map((c) => ({ ...c, key: 'extra' })), LATER);
    const listed = await db.categories.list();
    expect(listed.map((category) => category.key)).toEqual(['delivery', 'payment', 'product_defect', 'service_outage', 'account']);
    expect(listed[0]).toEqual({ ...defaultCategories[0], updatedAt: T0 });
  });

  it('saving replaces a category by key, and archived ones are still listed and found', async () => {
    await db.categories.seedIfEmpty(defaultCategories, T0);
    const saved = await db.categories.save({ ...defaultCategories[1]!, label: { id: 'Bayar', en: 'Paying' }, archived: true, facts: [] }, LATER);
    expect(saved).toMatchObject({ key: 'payment', label: { id: 'Bayar', en: 'Paying' }, archived: true, facts: [], updatedAt: LATER });
    expect(await db.categories.find('payment')).toEqual(saved);
    await db.categories.save({ key: 'warranty', label: { id: 'Garansi', en: 'Warranty' }, facts: [], position: 9, archived: false }, LATER);
    expect((await db.categories.list()).map((category) => category.key).at(-1)).toBe('warranty');
    expect(await db.categories.find('nope')).toBeNull();
  });
});

describe('seeding categories from two processes', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await openTestDatabase();
  });
  afterEach(() => db.close());

  it('two processes starting at once on an empty database seed one set', async () => {
    const other = await reopenTestDatabase(db.url);
    try {
      await Promise.all([db.categories.seedIfEmpty(defaultCategories, T0), other.categories.seedIfEmpty(defaultCategories, T0)]);
      expect(await db.categories.list()).toHaveLength(defaultCategories.length);
    } finally {
      await other.close();
    }
  });
});
