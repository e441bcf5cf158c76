import { asc, count, eq } from 'drizzle-orm';
import type { CategoryRepository } from '@keluh/core';
import { complaintCategories } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createCategoryRepository(db: SqliteDb): CategoryRepository {
  return {
    async list() {
      return db.select().from(complaintCategories).orderBy(asc(complaintCategories.position), asc(complaintCategories.key)).all();
    },

    async find(key) {
      return db.select().from(complaintCategories).where(eq(complaintCategories.key, key)).get() ?? null;
    },

    async save(category, now) {
      const row = { ...category, updatedAt: now };
      const { key: _key, ...rest } = row;
      return db.insert(complaintCategories).values(row).onConflictDoUpdate({ target: complaintCategories.key, set: rest }).returning().get();
    },

    async seedIfEmpty(categories, now) {
      const [existing] = db.select({ n: count() }).from(complaintCategories).all();
      if ((existing?.n ?? 0) > 0 || categories.length === 0) return;
      // A second process seeding at the same moment inserts the same keys: nothing doubles.
      db.insert(complaintCategories)
        .values(categories.map((category) => ({ ...category, updatedAt: now })))
        .onConflictDoNothing()
        .run();
    },
  };
}
