import { and, asc, eq } from 'drizzle-orm';
import type { CustomerSuggestionRepository } from '@keluh/core';
import { customerSuggestions } from '../schema/index.ts';
import { pairKeyOf } from '../shared/customer-pair.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createCustomerSuggestionRepository(db: SqliteDb): CustomerSuggestionRepository {
  return {
    async insertIfAbsent(input, now) {
      const row = db
        .insert(customerSuggestions)
        .values({ ...input, pairKey: pairKeyOf(input.customerId, input.candidateId), state: 'pending', createdAt: now })
        // The pair's partial unique index: pending already, or rejected for good.
        .onConflictDoNothing()
        .returning()
        .get();
      return row ? withoutPairKey(row) : null;
    },

    async findById(id) {
      const row = db.select().from(customerSuggestions).where(eq(customerSuggestions.id, id)).get();
      return row ? withoutPairKey(row) : null;
    },

    async listPendingForTicket(ticketId) {
      return db
        .select()
        .from(customerSuggestions)
        .where(and(eq(customerSuggestions.ticketId, ticketId), eq(customerSuggestions.state, 'pending')))
        .orderBy(asc(customerSuggestions.id))
        .all()
        .map(withoutPairKey);
    },

    async decide(id, state, userId, at) {
      const row = db
        .update(customerSuggestions)
        .set({ state, decidedByUserId: userId, decidedAt: at })
        .where(and(eq(customerSuggestions.id, id), eq(customerSuggestions.state, 'pending')))
        .returning()
        .get();
      return row ? withoutPairKey(row) : null;
    },
  };
}

function withoutPairKey<T extends { pairKey: string }>({ pairKey: _pairKey, ...rest }: T): Omit<T, 'pairKey'> {
  return rest;
}
