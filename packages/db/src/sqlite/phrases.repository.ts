import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import { AppError, type PhraseRepository } from '@keluh/core';
import { phrases } from '../schema/index.ts';
import { isUniqueViolation } from './sqlite-errors.ts';
import type { SqliteDb } from './sqlite-db.ts';

const variantTaken = () => new AppError('phrase.variant_exists', 'This key already has a phrase for that language, tone, intensity and fault wording');

export function createPhraseRepository(db: SqliteDb): PhraseRepository {
  return {
    async list(query) {
      const where: SQL[] = [];
      if (query.stage !== undefined) where.push(eq(phrases.stage, query.stage));
      if (query.language !== undefined) where.push(eq(phrases.language, query.language));
      return db
        .select()
        .from(phrases)
        .where(and(...where))
        .orderBy(asc(phrases.stage), asc(phrases.key), asc(phrases.id))
        .all();
    },

    async find(id) {
      return db.select().from(phrases).where(eq(phrases.id, id)).get() ?? null;
    },

    async create(phrase, now) {
      const created = db
        .insert(phrases)
        .values({ ...phrase, createdAt: now, updatedAt: now })
        .onConflictDoNothing()
        .returning()
        .get();
      if (!created) throw variantTaken();
      return created;
    },

    async update(id, phrase, now) {
      try {
        return db.update(phrases).set({ ...phrase, updatedAt: now }).where(eq(phrases.id, id)).returning().get() ?? null;
      } catch (error) {
        if (isUniqueViolation(error)) throw variantTaken();
        throw error;
      }
    },

    async remove(id) {
      return db.delete(phrases).where(eq(phrases.id, id)).returning({ id: phrases.id }).all().length > 0;
    },

    async seedIfEmpty(defaults, now) {
      const [existing] = db.select({ n: count() }).from(phrases).all();
      if ((existing?.n ?? 0) > 0 || defaults.length === 0) return;
      // Another process may be seeding at the same moment: the variant key lets its copy and ours be one.
      db.insert(phrases)
        .values(defaults.map((phrase) => ({ ...phrase, createdAt: now, updatedAt: now })))
        .onConflictDoNothing()
        .run();
    },
  };
}
