import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { memoryDb, seedTicket, T0 } from '../testing/fixtures.ts';

describe('tickets', () => {
  let db: Database;
  beforeEach(() => {
    db = memoryDb();
  });
  afterEach(() => db.close());

  it('a new ticket is open at stage one, unassigned and unread-free', async () => {
    const ticket = await seedTicket(db, { channel: 'instagram' });
    expect(ticket).toMatchObject({
      status: 'open', stage: 1, priority: 'normal', assigneeId: null, teamId: null, channel: 'instagram',
      lastChannel: 'instagram', unreadCount: 0, lastMessageAt: T0, lastMessagePreview: '', lastInboundAt: null,
      firstResponseAt: null, resolvedAt: null, createdAt: T0, updatedAt: T0,
    });
    expect(await db.tickets.findById(ticket.id)).toEqual(ticket);
  });

  it('a ticket view carries the customer brief and the assignee name', async () => {
    const ticket = await seedTicket(db, { name: 'Sari' });
    expect((await db.tickets.findView(ticket.id))?.assignee).toBeNull();
    const agent = await db.users.create({ email: 'd@k.id', name: 'Dewi', role: 'agent', passwordHash: 'h' }, T0);
    await db.tickets.update(ticket.id, { assigneeId: agent.id }, T0);
    const view = await db.tickets.findView(ticket.id);
    expect(view?.customer).toEqual({ id: ticket.customerId, name: 'Sari', type: 'external', characteristic: 'new', language: 'id' });
    expect(view?.assignee).toEqual({ id: agent.id, name: 'Dewi' });
    expect(await db.tickets.findView(999)).toBeNull();
  });

  it('an update changes only what it names and stamps the time', async () => {
    const ticket = await seedTicket(db);
    const later = '2026-03-02T09:00:00.000Z';
    const updated = await db.tickets.update(ticket.id, { status: 'resolved', resolvedAt: later, stage: 3 }, later);
    expect(updated).toEqual({ ...ticket, status: 'resolved', resolvedAt: later, stage: 3, updatedAt: later });
  });

  it('updating a ticket that does not exist is a not-found error', async () => {
    await expect(db.tickets.update(999, { priority: 'high' }, T0)).rejects.toMatchObject({ code: 'ticket.not_found' });
  });

  it('the active ticket is the newest open or pending one; resolved ones no longer thread', async () => {
    const first = await seedTicket(db);
    expect((await db.tickets.findActiveForCustomer(first.customerId))?.id).toBe(first.id);
    const second = await db.tickets.create({ customerId: first.customerId, subject: 'again', channel: 'webchat', status: 'pending' }, T0);
    expect((await db.tickets.findActiveForCustomer(first.customerId))?.id).toBe(second.id);
    await db.tickets.update(second.id, { status: 'resolved' }, T0);
    expect((await db.tickets.findActiveForCustomer(first.customerId))?.id).toBe(first.id);
    await db.tickets.update(first.id, { status: 'closed' }, T0);
    expect(await db.tickets.findActiveForCustomer(first.customerId)).toBeNull();
  });

  it("a customer's history lists every ticket oldest first", async () => {
    const first = await seedTicket(db);
    const second = await db.tickets.create({ customerId: first.customerId, subject: 'b', channel: 'webchat' }, T0);
    await db.tickets.update(first.id, { status: 'closed' }, T0);
    expect((await db.tickets.listForCustomer(first.customerId)).map((t) => t.id)).toEqual([first.id, second.id]);
  });
});
