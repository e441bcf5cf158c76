import { and, asc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { AppError, type Customer, type CustomerRepository } from '@keluh/core';
import { customers } from './schema/index.ts';
import { prepared, type PgDb } from './pg-db.ts';

export function createCustomerRepository(db: PgDb): CustomerRepository {
  const insert = prepared(() =>
    db
      .insert(customers)
      .values({
        name: sql.placeholder('name'),
        type: sql.placeholder('type'),
        characteristic: sql.placeholder('characteristic'),
        language: sql.placeholder('language'),
        email: sql.placeholder('email'),
        phone: sql.placeholder('phone'),
        createdAt: sql.placeholder('now'),
        updatedAt: sql.placeholder('now'),
      })
      .returning()
      .prepare('customers_insert'),
  );
  const byId = prepared(() => db.select().from(customers).where(eq(customers.id, sql.placeholder('id'))).prepare('customers_by_id'));

  return {
    async create(input, now): Promise<Customer> {
      const [row] = await insert().execute({
        name: input.name,
        type: input.type ?? 'external',
        characteristic: input.characteristic ?? 'new',
        language: input.language ?? 'id',
        email: input.email ?? null,
        phone: input.phone ?? null,
        now,
      });
      return row!;
    },

    async update(id, patch, now) {
      const [updated] = await db.update(customers).set({ ...patch, updatedAt: now }).where(eq(customers.id, id)).returning();
      if (!updated) throw new AppError('validation.failed', `Customer ${id} does not exist`);
      return updated;
    },

    async findById(id) {
      const [row] = await byId().execute({ id });
      return row ?? null;
    },

    async setPhoneIfMissing(id, phone, now) {
      await db.update(customers).set({ phone, updatedAt: now }).where(and(eq(customers.id, id), isNull(customers.phone)));
    },

    async suggestCharacteristic(id, characteristic, reason, now) {
      const [row] = await db
        .update(customers)
        .set({ characteristic, characteristicReason: reason, updatedAt: now })
        .where(and(eq(customers.id, id), eq(customers.characteristicSource, 'suggested')))
        .returning();
      return row ?? null;
    },

    async deleteUnreferenced(id) {
      await db.delete(customers).where(eq(customers.id, id));
    },

    async lockMany(ids) {
      if (ids.length === 0) return [];
      // Id order: two transactions locking an overlapping pair queue instead of deadlocking.
      return db.select().from(customers).where(inArray(customers.id, [...ids])).orderBy(asc(customers.id)).for('update');
    },

    async setMergedInto(id, intoId, now) {
      await db.update(customers).set({ mergedIntoId: intoId, updatedAt: now }).where(eq(customers.id, id));
    },

    async listRecentByName(name, since) {
      return db
        .select()
        .from(customers)
        .where(and(sql`lower(trim(${customers.name})) = ${name.trim().toLowerCase()}`, gte(customers.createdAt, since), isNull(customers.mergedIntoId)))
        .orderBy(asc(customers.id));
    },
  };
}
