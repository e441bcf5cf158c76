import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { freshDb, seedTicket, T0 } from '../testing/fixtures.ts';
import { heldTransaction, settlesWithin } from '../testing/held-transaction.ts';

/*
 * On PostgreSQL a statement's checks see only what has committed; a concurrent, uncommitted ticket is
 * invisible to them but not to the unique index, which makes the statement wait and then refuses it.
 */
describe('one active ticket per customer, with writers racing on PostgreSQL', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('a reply that would reopen an old ticket while a new one is being opened is the coded conflict, not a driver error', async () => {
    const old = await seedTicket(db);
    await db.tickets.update(old.id, { status: 'resolved' }, T0);
    const opening = await heldTransaction(db, (tx) => tx.tickets.createActiveIfAbsent({ customerId: old.customerId, subject: 'new issue', channel: 'whatsapp' }, T0));

    const reply = db.tickets.recordReply(old.id, { at: T0, preview: 'Maaf', reopen: ['resolved'] }, T0);
    const replyWaited = !(await settlesWithin(reply, 300));
    opening.release();
    await opening.committed;

    expect(replyWaited).toBe(true);
    await expect(reply).rejects.toMatchObject({ code: 'ticket.active_exists', details: { ticketId: old.id } });
    expect(await db.tickets.findById(old.id)).toMatchObject({ status: 'resolved', version: 2 });
    expect((await db.tickets.findActiveForCustomer(old.customerId))?.id).toBe(opening.value!.id);
  });

  it('two deliveries opening a ticket for one customer at once: the second waits and opens none', async () => {
    const first = await seedTicket(db);
    await db.tickets.update(first.id, { status: 'closed' }, T0);
    const opening = await heldTransaction(db, (tx) => tx.tickets.createActiveIfAbsent({ customerId: first.customerId, subject: 'one', channel: 'whatsapp' }, T0));
    const second = db.tickets.createActiveIfAbsent({ customerId: first.customerId, subject: 'two', channel: 'whatsapp' }, T0);
    const secondWaited = !(await settlesWithin(second, 300));
    opening.release();
    await opening.committed;
    expect(secondWaited).toBe(true);
    expect(await second).toBeNull();
  });
});
