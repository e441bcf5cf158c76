import { asc, count, eq } from 'drizzle-orm';
import type { CategoryRepository } from '@keluh/core';
import { complaintCategories } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

export function createCategoryRepository(db: PgDb): CategoryRepository {
  return {
    async list() {
      return db.select().from(complaintCategories).orderBy(asc(complaintCategories.position), asc(complaintCategories.key));
    },

    async find(key) {
      const [row] = await db.select().from(complaintCategories).where(eq(complaintCategories.key, key));
      return row ?? null;
    },

    async save(category, now) {
      const row = { ...category, updatedAt: now };
      const { key: _key, ...rest } = row;
      const [saved] = await db.insert(complaintCategories).values(row).onConflictDoUpdate({ target: complaintCategories.key, set: rest }).returning();
      return saved!;
    },

    async seedIfEmpty(categories, now) {
      const [existing] = await db.select({ n: count() }).from(complaintCategories);
      if ((existing?.n ?? 0) > 0 || categories.length === 0) return;
      // Two processes starting at once both see none and insert the same keys: the second inserts nothing.
      await db
        .insert(complaintCategories)
        .values(categories.map((category) => ({ ...category, updatedAt: now })))
        .onConflictDoNothing();
    },
  };
}
