import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { IdentityRepository } from '@keluh/core';
import { param } from '../shared/placeholders.ts';
import { customers, identities } from './schema/index.ts';
import { prepared, type PgDb } from './pg-db.ts';

export function createIdentityRepository(db: PgDb): IdentityRepository {
  const byKey = prepared(() =>
    db
      .select()
      .from(identities)
      .where(and(eq(identities.channel, sql.placeholder('channel')), eq(identities.externalId, sql.placeholder('externalId'))))
      .prepare('identities_by_key'),
  );
  const insert = prepared(() =>
    db
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
      // A concurrent insert of the same key makes this one wait for it; if it commits, this does nothing.
      .onConflictDoNothing({ target: [identities.channel, identities.externalId] })
      .returning()
      .prepare('identities_insert'),
  );
  const touch = prepared(() =>
    db
      .update(identities)
      // Writing to us proves they can be reached again; the time never moves back (deliveries arrive out of order).
      .set({ lastInboundAt: param('at'), unreachableAt: null })
      .where(and(eq(identities.id, sql.placeholder('id')), or(isNull(identities.lastInboundAt), lt(identities.lastInboundAt, sql.placeholder('at')))))
      .prepare('identities_touch_inbound'),
  );

  return {
    async findByExternalId(channel, externalId) {
      const [row] = await byKey().execute({ channel, externalId });
      return row ?? null;
    },

    async insertIfAbsent(input, now) {
      const [row] = await insert().execute({
        customerId: input.customerId,
        channel: input.channel,
        externalId: input.externalId,
        displayName: input.displayName ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        username: input.username ?? null,
        verified: input.verified ?? false,
        now,
      });
      return row ?? null;
    },

    async touchInbound(id, at) {
      await touch().execute({ id, at });
    },

    async markUnreachable(id, at) {
      await db.update(identities).set({ unreachableAt: at }).where(eq(identities.id, id));
    },

    async rekey(id, externalId) {
      await db.update(identities).set({ externalId }).where(eq(identities.id, id));
    },

    async vouch(id, keys) {
      const [row] = await db.update(identities).set({ ...keys, verified: true }).where(eq(identities.id, id)).returning();
      return row!;
    },

    async listForCustomer(customerId) {
      return db.select().from(identities).where(eq(identities.customerId, customerId)).orderBy(asc(identities.id));
    },

    async setKeys(id, keys) {
      if (Object.keys(keys).length === 0) return;
      await db.update(identities).set(keys).where(eq(identities.id, id));
    },

    async listByKey(key, { verifiedOnly }) {
      const match = 'phone' in key ? eq(identities.phone, key.phone) : eq(identities.email, key.email);
      const rows = await db
        .select({ identity: identities })
        .from(identities)
        .innerJoin(customers, eq(customers.id, identities.customerId))
        .where(and(match, isNull(customers.mergedIntoId), verifiedOnly ? eq(identities.verified, true) : undefined))
        .orderBy(asc(identities.id));
      return rows.map((row) => row.identity);
    },

    async moveToCustomer(ids, customerId) {
      if (ids.length === 0) return;
      await db.update(identities).set({ customerId }).where(inArray(identities.id, [...ids]));
    },
  };
}
