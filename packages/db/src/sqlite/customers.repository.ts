import { eq } from 'drizzle-orm';
import { AppError, type Customer, type CustomerRepository } from '@keluh/core';
import { customers } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createCustomerRepository(db: SqliteDb): CustomerRepository {
  return {
    async create(input, now): Promise<Customer> {
      return db
        .insert(customers)
        .values({
          name: input.name,
          type: input.type,
          characteristic: input.characteristic,
          language: input.language,
          email: input.email ?? null,
          phone: input.phone ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
    },

    async update(id, patch, now) {
      const updated = db.update(customers).set({ ...patch, updatedAt: now }).where(eq(customers.id, id)).returning().get();
      if (!updated) throw new AppError('validation.failed', `Customer ${id} does not exist`);
      return updated;
    },

    async findById(id) {
      return db.select().from(customers).where(eq(customers.id, id)).get() ?? null;
    },
  };
}
