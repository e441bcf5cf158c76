import { eq } from 'drizzle-orm';
import type { Customer, CustomerRepository } from '@keluh/core';
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

    async findById(id) {
      return db.select().from(customers).where(eq(customers.id, id)).get() ?? null;
    },
  };
}
