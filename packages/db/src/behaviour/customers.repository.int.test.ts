import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { freshDb, T0 } from '../testing/fixtures.ts';

describe('customers and their identities', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('a new customer is an external, new, Indonesian-speaking customer unless told otherwise', async () => {
    const customer = await db.customers.create({ name: 'Sari' }, T0);
    expect(customer).toEqual({
      id: customer.id,
      name: 'Sari',
      type: 'external',
      characteristic: 'new',
      characteristicSource: 'suggested',
      characteristicReason: null,
      language: 'id',
      email: null,
      phone: null,
      mergedIntoId: null,
      createdAt: T0,
      updatedAt: T0,
    });
    expect(await db.customers.findById(customer.id)).toEqual(customer);
  });

  it('a reseller keeps the type and characteristic it was given', async () => {
    const customer = await db.customers.create(
      { name: 'Toko Maju', type: 'intermediary', characteristic: 'loyal', language: 'en', phone: '+6281234' },
      T0,
    );
    expect(customer).toMatchObject({ type: 'intermediary', characteristic: 'loyal', language: 'en', phone: '+6281234' });
  });

  it('an unknown customer id finds nobody', async () => {
    expect(await db.customers.findById(42)).toBeNull();
  });

  it('a sender is found again by the id their channel knows them by', async () => {
    const customer = await db.customers.create({ name: 'Sari' }, T0);
    const identity = await db.identities.insertIfAbsent(
      { customerId: customer.id, channel: 'whatsapp', externalId: '628123', displayName: 'Sari W', verified: true },
      T0,
    );
    expect(identity).toMatchObject({ customerId: customer.id, channel: 'whatsapp', verified: true, displayName: 'Sari W' });
    expect(await db.identities.findByExternalId('whatsapp', '628123')).toEqual(identity);
    expect(await db.identities.findByExternalId('instagram', '628123')).toBeNull();
  });

  it('the same channel id cannot belong to two customers', async () => {
    const a = await db.customers.create({ name: 'A' }, T0);
    const b = await db.customers.create({ name: 'B' }, T0);
    const first = await db.identities.insertIfAbsent({ customerId: a.id, channel: 'instagram', externalId: 'ig-1' }, T0);
    expect(await db.identities.insertIfAbsent({ customerId: b.id, channel: 'instagram', externalId: 'ig-1' }, T0)).toBeNull();
    expect(await db.identities.findByExternalId('instagram', 'ig-1')).toEqual(first);
  });

  it('an unreferenced customer left by a lost first-contact race can be removed', async () => {
    const loser = await db.customers.create({ name: 'Loser' }, T0);
    await db.customers.deleteUnreferenced(loser.id);
    expect(await db.customers.findById(loser.id)).toBeNull();
  });

  it('the last time a customer wrote never moves back, and writing clears an unreachable flag', async () => {
    const customer = await db.customers.create({ name: 'A' }, T0);
    const identity = (await db.identities.insertIfAbsent({ customerId: customer.id, channel: 'instagram', externalId: 'ig-2' }, T0))!;
    await db.identities.markUnreachable(identity.id, T0);
    await db.identities.touchInbound(identity.id, '2026-03-02T09:00:00.000Z');
    await db.identities.touchInbound(identity.id, '2026-03-02T08:30:00.000Z');
    expect(await db.identities.findByExternalId('instagram', 'ig-2')).toMatchObject({ lastInboundAt: '2026-03-02T09:00:00.000Z', unreachableAt: null });
  });

  it('the same external id on another channel is another identity', async () => {
    const customer = await db.customers.create({ name: 'A' }, T0);
    await db.identities.insertIfAbsent({ customerId: customer.id, channel: 'whatsapp', externalId: 'x' }, T0);
    await db.identities.insertIfAbsent({ customerId: customer.id, channel: 'webchat', externalId: 'x' }, T0);
    const listed = await db.identities.listForCustomer(customer.id);
    expect(listed.map((i) => i.channel)).toEqual(['whatsapp', 'webchat']);
    expect(listed.every((i) => i.verified === false)).toBe(true);
  });
});
