import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { CustomerMergeRepository } from '@keluh/core';
import { customerMerges } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createCustomerMergeRepository(db: SqliteDb): CustomerMergeRepository {
  const involving = (customerId: number) => or(eq(customerMerges.survivorId, customerId), eq(customerMerges.mergedId, customerId));
  return {
    async insert(input, now) {
      return db
        .insert(customerMerges)
        .values({ ...input, createdAt: now })
        .returning()
        .get();
    },

    async findById(id) {
      return db.select().from(customerMerges).where(eq(customerMerges.id, id)).get() ?? null;
    },

    async listForCustomer(customerId) {
      return db.select().from(customerMerges).where(involving(customerId)).orderBy(desc(customerMerges.id)).all();
    },

    async listLaterActive(customerId, afterId) {
      return db
        .select()
        .from(customerMerges)
        .where(and(involving(customerId), gt(customerMerges.id, afterId), isNull(customerMerges.undoneAt)))
        .orderBy(desc(customerMerges.id))
        .all();
    },

    async markUndone(id, userId, at) {
      const row = db
        .update(customerMerges)
        .set({ undoneAt: at, undoneByUserId: userId })
        .where(and(eq(customerMerges.id, id), isNull(customerMerges.undoneAt)))
        .returning({ id: customerMerges.id })
        .get();
      return row !== undefined;
    },
  };
}
