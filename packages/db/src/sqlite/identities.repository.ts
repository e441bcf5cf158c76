import { and, asc, eq, inArray, or, isNull, lt, sql } from 'drizzle-orm';
import type { IdentityRepository } from '@keluh/core';
import { customers, identities } from '../schema/index.ts';
import type { SqliteDb } from './sqlite-db.ts';
import { param } from '../shared/placeholders.ts';

export function createIdentityRepository(db: SqliteDb): IdentityRepository {
  const byKey = db
    .select()
    .from(identities)
    .where(and(eq(identities.channel, sql.placeholder('channel')), eq(identities.externalId, sql.placeholder('externalId'))))
    .prepare();
  const insert = db
    .insert(identities)
    .values({
      customerId: sql.placeholder('customerId'),
      channel: sql.placeholder('channel'),
      externalId: sql.placeholder('externalId'),
      displayName: sql.placeholder('displayName'),
      phone: sql.placeholder('phone'),
      email: sql.placeholder('email'),
      username: sql.placeholder('username'),
      verified: sql.placeholder('verified'),
      createdAt: sql.placeholder('now'),
    })
    .onConflictDoNothing({ target: [identities.channel, identities.externalId] })
    .returning()
    .prepare();
  const touch = db
    .update(identities)
    // Writing to us proves they can be reached again; the time never moves back (deliveries arrive out of order).
    .set({ lastInboundAt: param('at'), unreachableAt: null })
    .where(and(eq(identities.id, sql.placeholder('id')), or(isNull(identities.lastInboundAt), lt(identities.lastInboundAt, sql.placeholder('at')))))
    .prepare();

  return {
    async findByExternalId(channel, externalId) {
      return byKey.get({ channel, externalId }) ?? null;
    },

    async insertIfAbsent(input, now) {
      return (
        insert.get({
          customerId: input.customerId,
          channel: input.channel,
          externalId: input.externalId,
          displayName: input.displayName ?? null,
          phone: input.phone ?? null,
          email: input.email ?? null,
          username: input.username ?? null,
          verified: input.verified ?? false,
          now,
        }) ?? null
      );
    },

    async touchInbound(id, at) {
      touch.run({ id, at });
    },

    async markUnreachable(id, at) {
      db.update(identities).set({ unreachableAt: at }).where(eq(identities.id, id)).run();
    },

    async rekey(id, externalId) {
      db.update(identities).set({ externalId }).where(eq(identities.id, id)).run();
    },

    async vouch(id, keys) {
      return db.update(identities).set({ ...keys, verified: true }).where(eq(identities.id, id)).returning().get()!;
    },

    async listForCustomer(customerId) {
      return db.select().from(identities).where(eq(identities.customerId, customerId)).orderBy(asc(identities.id)).all();
    },

    async setKeys(id, keys) {
      if (Object.keys(keys).length === 0) return;
      db.update(identities).set(keys).where(eq(identities.id, id)).run();
    },

    async listByKey(key, { verifiedOnly }) {
      const match = 'phone' in key ? eq(identities.phone, key.phone) : eq(identities.email, key.email);
      return db
        .select({ identity: identities })
        .from(identities)
        .innerJoin(customers, eq(customers.id, identities.customerId))
        .where(and(match, isNull(customers.mergedIntoId), verifiedOnly ? eq(identities.verified, true) : undefined))
        .orderBy(asc(identities.id))
        .all()
        .map((row) => row.identity);
    },

    async moveToCustomer(ids, customerId) {
      if (ids.length === 0) return;
      db.update(identities).set({ customerId }).where(inArray(identities.id, [...ids])).run();
    },
  };
}
