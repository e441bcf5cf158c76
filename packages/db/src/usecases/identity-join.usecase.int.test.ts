import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REGION_SETTING, ingestMessage, unmergeCustomers, type CoreDeps, type InboundMessageEvent, type InboundSender } from '@keluh/core';
import { fakeClock, recordingPublisher, T0 } from '../testing/fixtures.ts';
import { readTableRows } from '../testing/table-rows.ts';
import { openTestDatabase, type TestDatabase } from '../testing/test-database.ts';

let seq = 0;
const from = (channel: InboundMessageEvent['channel'], sender: InboundSender, body = 'Halo'): InboundMessageEvent => ({
  kind: 'message',
  channel,
  externalMessageId: `${channel}.${++seq}`,
  sender,
  body,
  sentAt: T0,
});

describe('one customer across channels by verified phone and email', () => {
  let db: TestDatabase;
  let deps: CoreDeps;
  beforeEach(async () => {
    db = await openTestDatabase();
    deps = { db, clock: fakeClock(), events: recordingPublisher() };
  });
  afterEach(() => db.close());

  it('the three Indonesian ways of writing one number join one customer', async () => {
    const wa = await ingestMessage(deps, from('whatsapp', { externalId: '6281234567890', phone: '6281234567890', verified: true, displayName: 'Sari' }));
    const web = await ingestMessage(deps, from('webchat', { externalId: 'shop-user-17', phone: '0812-3456-7890', verified: true, displayName: 'Sari D' }));
    const api = await ingestMessage(deps, from('api', { externalId: 'crm-88', phone: '+62 812 3456 7890', verified: true }));
    expect(new Set([wa.ticket.customerId, web.ticket.customerId, api.ticket.customerId])).toEqual(new Set([wa.ticket.customerId]));
    const identities = await db.identities.listForCustomer(wa.ticket.customerId);
    expect(identities.map((identity) => [identity.channel, identity.phone])).toEqual([
      ['whatsapp', '+6281234567890'],
      ['webchat', '+6281234567890'],
      ['api', '+6281234567890'],
    ]);
    const merges = await db.customerMerges.listForCustomer(wa.ticket.customerId);
    expect(merges.map((merge) => [merge.reason, merge.evidence.phone, merge.actorUserId])).toEqual([
      ['verified_phone', '+6281234567890', null],
      ['verified_phone', '+6281234567890', null],
    ]);
    // One ticket per issue: the later contacts threaded into the first one's active ticket.
    expect(web.ticket.id).toBe(wa.ticket.id);
    expect(api.ticket.id).toBe(wa.ticket.id);
  });

  it('a verified email joins in any case and spacing', async () => {
    const first = await ingestMessage(deps, from('webchat', { externalId: 'u-1', email: 'Sari@Example.co.id', verified: true }));
    const second = await ingestMessage(deps, from('api', { externalId: 'crm-1', email: '  sari@example.CO.ID ', verified: true }));
    expect(second.ticket.customerId).toBe(first.ticket.customerId);
    expect((await db.customerMerges.listForCustomer(first.ticket.customerId))[0]?.reason).toBe('verified_email');
  });

  it('an unverified visitor with the same number never joins by themselves', async () => {
    const wa = await ingestMessage(deps, from('whatsapp', { externalId: '6281234567890', phone: '6281234567890', verified: true }));
    const visitor = await ingestMessage(deps, from('webchat', { externalId: 'anon-5', phone: '081234567890', verified: false }));
    expect(visitor.ticket.customerId).not.toBe(wa.ticket.customerId);
    expect(await readTableRows(db, 'customer_merges')).toEqual([]);
  });

  it('an invalid number is stored as no number and links nobody', async () => {
    await ingestMessage(deps, from('webchat', { externalId: 'u-1', phone: '0812', verified: true }));
    const second = await ingestMessage(deps, from('webchat', { externalId: 'u-2', phone: '0812', verified: true }));
    expect((await db.identities.listForCustomer(second.ticket.customerId))[0]?.phone).toBeNull();
    expect(await readTableRows(db, 'customer_merges')).toEqual([]);
  });

  it('reads numbers without a country code in the configured region', async () => {
    await db.settings.set(DEFAULT_REGION_SETTING, 'GB');
    const web = await ingestMessage(deps, from('webchat', { externalId: 'u-uk', phone: '020 7946 0958', verified: true }));
    expect((await db.identities.listForCustomer(web.ticket.customerId))[0]?.phone).toBe('+442079460958');
  });

  it('an automatic join is undone like any merge', async () => {
    const wa = await ingestMessage(deps, from('whatsapp', { externalId: '6281234567890', phone: '6281234567890', verified: true }));
    const web = await ingestMessage(deps, from('webchat', { externalId: 'shop-user-17', phone: '0812 3456 7890', verified: true }, 'Dari website'));
    const [merge] = await db.customerMerges.listForCustomer(wa.ticket.customerId);
    await db.users.insertIfAbsent({ email: 'agent@k.id', name: 'Agen', role: 'agent', passwordHash: 'h' }, T0);
    await unmergeCustomers(deps, { mergeId: merge!.id, actor: { userId: 1, scope: { kind: 'all' } } });
    const webIdentity = await db.identities.findByExternalId('webchat', 'shop-user-17');
    expect(webIdentity?.customerId).toBe(merge!.mergedId);
    // The message that came through the website goes back with its identity, into a ticket of its own.
    const moved = await db.messages.findById(web.message.id);
    const ticket = await db.tickets.findById(moved!.ticketId);
    expect(ticket).toMatchObject({ customerId: merge!.mergedId, status: 'open' });
    expect((await db.messages.listForTicket(wa.ticket.id)).map((message) => message.body)).toEqual(['Halo']);
  });
});
