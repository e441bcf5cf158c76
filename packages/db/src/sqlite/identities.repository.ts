import { and, asc, eq } from 'drizzle-orm';
import type { IdentityRepository } from '@keluh/core';
import { identities } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';

export function createIdentityRepository(db: SqliteDb): IdentityRepository {
  return {
    async findByExternalId(channel, externalId) {
      return (
        db
          .select()
          .from(identities)
          .where(and(eq(identities.channel, channel), eq(identities.externalId, externalId)))
          .get() ?? null
      );
    },

    async create(input, now) {
      return db
        .insert(identities)
        .values({
          customerId: input.customerId,
          channel: input.channel,
          externalId: input.externalId,
          displayName: input.displayName ?? null,
          verified: input.verified ?? false,
          createdAt: now,
        })
        .returning()
        .get();
    },

    async touchInbound(id, at) {
      // Writing to us proves they can be reached again.
      db.update(identities).set({ lastInboundAt: at, unreachableAt: null }).where(eq(identities.id, id)).run();
    },

    async markUnreachable(id, at) {
      db.update(identities).set({ unreachableAt: at }).where(eq(identities.id, id)).run();
    },

    async rekey(id, externalId) {
      db.update(identities).set({ externalId }).where(eq(identities.id, id)).run();
    },

    async listForCustomer(customerId) {
      return db.select().from(identities).where(eq(identities.customerId, customerId)).orderBy(asc(identities.id)).all();
    },
  };
}
