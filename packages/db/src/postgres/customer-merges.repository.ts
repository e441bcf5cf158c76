import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { CustomerMergeRepository } from '@keluh/core';
import { customerMerges } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

export function createCustomerMergeRepository(db: PgDb): CustomerMergeRepository {
  const involving = (customerId: number) => or(eq(customerMerges.survivorId, customerId), eq(customerMerges.mergedId, customerId));
  return {
    async insert(input, now) {
      const [row] = await db
        .insert(customerMerges)
        .values({ ...input, createdAt: now })
        .returning();
      return row!;
    },

    async findById(id) {
      const [row] = await db.select().from(customerMerges).where(eq(customerMerges.id, id));
      return row ?? null;
    },

    async listForCustomer(customerId) {
      return db.select().from(customerMerges).where(involving(customerId)).orderBy(desc(customerMerges.id));
    },

    async listLaterActive(customerId, afterId) {
      return db
        .select()
        .from(customerMerges)
        .where(and(involving(customerId), gt(customerMerges.id, afterId), isNull(customerMerges.undoneAt)))
        .orderBy(desc(customerMerges.id));
    },

    async markUndone(id, userId, at) {
      const rows = await db
        .update(customerMerges)
        .set({ undoneAt: at, undoneByUserId: userId })
        .where(and(eq(customerMerges.id, id), isNull(customerMerges.undoneAt)))
        .returning({ id: customerMerges.id });
      return rows.length > 0;
    },
  };
}
