import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import { AppError, type PhraseRepository } from '@keluh/core';
import { phrases } from './schema/index.ts';
import { isUniqueViolation } from './pg-errors.ts';
import type { PgDb } from './pg-db.ts';

const variantTaken = () => new AppError('phrase.variant_exists', 'This key already has a phrase for that language, tone, intensity and fault wording');

export function createPhraseRepository(db: PgDb): PhraseRepository {
  return {
    async list(query) {
      const where: SQL[] = [];
      if (query.stage !== undefined) where.push(eq(phrases.stage, query.stage));
      if (query.language !== undefined) where.push(eq(phrases.language, query.language));
      return db
        .select()
        .from(phrases)
        .where(and(...where))
        .orderBy(asc(phrases.stage), asc(phrases.key), asc(phrases.id));
    },

    async find(id) {
      const [row] = await db.select().from(phrases).where(eq(phrases.id, id));
      return row ?? null;
    },

    async create(phrase, now) {
      // On conflict nothing is written and the transaction stays usable (a raised unique violation would abort it).
      const [created] = await db
        .insert(phrases)
        .values({ ...phrase, createdAt: now, updatedAt: now })
        .onConflictDoNothing()
        .returning();
      if (!created) throw variantTaken();
      return created;
    },

    async update(id, phrase, now) {
      try {
        const [updated] = await db.update(phrases).set({ ...phrase, updatedAt: now }).where(eq(phrases.id, id)).returning();
        return updated ?? null;
      } catch (error) {
        if (isUniqueViolation(error, 'phrases_variant_uq')) throw variantTaken();
        throw error;
      }
    },

    async remove(id) {
      return (await db.delete(phrases).where(eq(phrases.id, id)).returning({ id: phrases.id })).length > 0;
    },

    async seedIfEmpty(defaults, now) {
      const [existing] = await db.select({ n: count() }).from(phrases);
      if ((existing?.n ?? 0) > 0 || defaults.length === 0) return;
      // A second starter seeing the table empty too waits on our uncommitted rows, then inserts none.
      await db
        .insert(phrases)
        .values(defaults.map((phrase) => ({ ...phrase, createdAt: now, updatedAt: now })))
        .onConflictDoNothing();
    },
  };
}
