import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayNameFor, mergeCustomers, type Job } from '@keluh/core';
import { startChannelHarness, type ChannelHarness } from '../testing/channel-harness.ts';
import { customerProfileHandler } from './customer-profile.job.ts';

/** channels.md §3.7 with docs/customers.md: the profile lookup of an Instagram customer merged before it ran. */
describe('the Instagram profile lookup of a customer merged meanwhile', () => {
  let h: ChannelHarness;
  beforeAll(async () => {
    h = await startChannelHarness();
  });
  afterAll(() => h.close());

  it('stores the @username on the identity where it lives now, and keeps the survivor\'s real name', async () => {
    const igsid = '1122334455669011';
    h.sim.knobs.instagram.profiles = { [igsid]: { name: 'Rudi H.', username: 'rudi.hartono', profile_pic: null } };
    const { db } = h.t;
    const core = h.t.app.services.core;
    const rudi = await db.customers.create({ name: 'Rudi Hartono' }, core.clock.now());
    await db.identities.insertIfAbsent({ customerId: rudi.id, channel: 'whatsapp', externalId: '6281377790011', phone: '+6281377790011', verified: true }, core.clock.now());
    // Instagram's first contact: the stand-in name, and the lookup scheduled for that customer.
    const standIn = await db.customers.create({ name: displayNameFor('instagram', { externalId: igsid }) }, core.clock.now());
    const identity = (await db.identities.insertIfAbsent({ customerId: standIn.id, channel: 'instagram', externalId: igsid }, core.clock.now()))!;
    // Before the job runs, an agent confirms it is Rudi.
    await mergeCustomers(core, { survivorId: rudi.id, mergedId: standIn.id, actor: { userId: 1, scope: { kind: 'all' } } });

    const job = { id: 1, kind: 'customer.profile', key: `profile:${identity.id}`, payload: { customerId: standIn.id, identityId: identity.id }, attempts: 0 } as unknown as Job;
    expect(await customerProfileHandler(core, h.t.app.services.channels.adapters).run(job)).toEqual({ kind: 'done' });

    expect(await db.identities.findByExternalId('instagram', igsid)).toMatchObject({ customerId: rudi.id, username: 'rudi.hartono' });
    expect((await db.customers.findById(rudi.id))?.name).toBe('Rudi Hartono');
    // Search and suggestions read the handle: the survivor is found by it.
    expect((await db.search.search({ q: '@rudi.har', kinds: ['customer'], limit: 5, scope: { kind: 'all' } })).customer.map((hit) => hit.customerId)).toEqual([rudi.id]);
  });
});
