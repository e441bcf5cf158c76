import { and, asc, eq } from 'drizzle-orm';
import type { CustomerSuggestionRepository } from '@keluh/core';
import { customerSuggestions } from './schema/index.ts';
import { pairKeyOf } from '../shared/customer-pair.ts';
import type { PgDb } from './pg-db.ts';

export function createCustomerSuggestionRepository(db: PgDb): CustomerSuggestionRepository {
  return {
    async insertIfAbsent(input, now) {
      const [row] = await db
        .insert(customerSuggestions)
        .values({ ...input, pairKey: pairKeyOf(input.customerId, input.candidateId), state: 'pending', createdAt: now })
        // The pair's partial unique index: pending already, or rejected for good. A concurrent insert of
        // the same pair makes this one wait for it, and do nothing if it commits.
        .onConflictDoNothing()
        .returning();
      return row ? withoutPairKey(row) : null;
    },

    async findById(id) {
      const [row] = await db.select().from(customerSuggestions).where(eq(customerSuggestions.id, id));
      return row ? withoutPairKey(row) : null;
    },

    async listPendingForTicket(ticketId) {
      const rows = await db
        .select()
        .from(customerSuggestions)
        .where(and(eq(customerSuggestions.ticketId, ticketId), eq(customerSuggestions.state, 'pending')))
        .orderBy(asc(customerSuggestions.id));
      return rows.map(withoutPairKey);
    },

    async decide(id, state, userId, at) {
      const [row] = await db
        .update(customerSuggestions)
        .set({ state, decidedByUserId: userId, decidedAt: at })
        .where(and(eq(customerSuggestions.id, id), eq(customerSuggestions.state, 'pending')))
        .returning();
      return row ? withoutPairKey(row) : null;
    },
  };
}

function withoutPairKey<T extends { pairKey: string }>({ pairKey: _pairKey, ...rest }: T): Omit<T, 'pairKey'> {
  return rest;
}
