import { and, asc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { AppError, type Customer, type CustomerRepository } from '@keluh/core';
import { customers } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';
import { param } from '../shared/placeholders.ts';

export function createCustomerRepository(db: SqliteDb): CustomerRepository {
  const insert = db
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
    .prepare();
  const byId = db.select().from(customers).where(eq(customers.id, sql.placeholder('id'))).prepare();
  const phoneIfMissing = db
    .update(customers)
    .set({ phone: param('phone'), updatedAt: param('now') })
    .where(and(eq(customers.id, sql.placeholder('id')), isNull(customers.phone)))
    .prepare();

  return {
    async create(input, now): Promise<Customer> {
      return insert.get({
        name: input.name,
        type: input.type ?? 'external',
        characteristic: input.characteristic ?? 'new',
        language: input.language ?? 'id',
        email: input.email ?? null,
        phone: input.phone ?? null,
        now,
      })!;
    },

    async update(id, patch, now) {
      const updated = db.update(customers).set({ ...patch, updatedAt: now }).where(eq(customers.id, id)).returning().get();
      if (!updated) throw new AppError('validation.failed', `Customer ${id} does not exist`);
      return updated;
    },

    async findById(id) {
      return byId.get({ id }) ?? null;
    },

    async setPhoneIfMissing(id, phone, now) {
      phoneIfMissing.run({ id, phone, now });
    },

    async suggestCharacteristic(id, characteristic, reason, now) {
      return (
        db
          .update(customers)
          .set({ characteristic, characteristicReason: reason, updatedAt: now })
          .where(and(eq(customers.id, id), eq(customers.characteristicSource, 'suggested')))
          .returning()
          .get() ?? null
      );
    },

    async deleteUnreferenced(id) {
      db.delete(customers).where(eq(customers.id, id)).run();
    },

    // One writer at a time: SQLite's transaction already holds every row, so locking is reading.
    async lockMany(ids) {
      if (ids.length === 0) return [];
      return db.select().from(customers).where(inArray(customers.id, [...ids])).orderBy(asc(customers.id)).all();
    },

    async setMergedInto(id, intoId, now) {
      db.update(customers).set({ mergedIntoId: intoId, updatedAt: now }).where(eq(customers.id, id)).run();
    },

    async listRecentByName(name, since) {
      return db
        .select()
        .from(customers)
        .where(and(sql`lower(trim(${customers.name})) = ${name.trim().toLowerCase()}`, gte(customers.createdAt, since), isNull(customers.mergedIntoId)))
        .orderBy(asc(customers.id)).all();
    },
  };
}
