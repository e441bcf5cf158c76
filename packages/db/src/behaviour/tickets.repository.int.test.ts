import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { freshDb, seedTicket, T0 } from '../testing/fixtures.ts';

describe('tickets', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('a new ticket is open at stage one, unassigned, unread-free and in the default team', async () => {
    const ticket = await seedTicket(db, { channel: 'instagram' });
    expect(ticket).toMatchObject({
      status: 'open', stage: 1, priority: 'normal', assigneeId: null, teamId: 1, channel: 'instagram',
      lastChannel: 'instagram', unreadCount: 0, lastMessageAt: T0, lastMessagePreview: '', lastInboundAt: null,
      firstResponseAt: null, resolvedAt: null, version: 1, createdAt: T0, updatedAt: T0,
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
    expect(updated).toEqual({ ...ticket, status: 'resolved', resolvedAt: later, stage: 3, version: 2, updatedAt: later });
  });

  it('updating a ticket that does not exist is a not-found error', async () => {
    await expect(db.tickets.update(999, { priority: 'high' }, T0)).rejects.toMatchObject({ code: 'ticket.not_found' });
  });

  it('a customer has at most one active ticket; once it is resolved a new one can open', async () => {
    const first = await seedTicket(db);
    expect((await db.tickets.findActiveForCustomer(first.customerId))?.id).toBe(first.id);
    expect(await db.tickets.createActiveIfAbsent({ customerId: first.customerId, subject: 'again', channel: 'webchat', status: 'pending' }, T0)).toBeNull();
    await db.tickets.update(first.id, { status: 'resolved' }, T0);
    expect(await db.tickets.findActiveForCustomer(first.customerId)).toBeNull();
    const second = await db.tickets.createActiveIfAbsent({ customerId: first.customerId, subject: 'again', channel: 'webchat', status: 'pending' }, T0);
    expect((await db.tickets.findActiveForCustomer(first.customerId))?.id).toBe(second!.id);
    await expect(db.tickets.update(first.id, { status: 'open' }, T0)).rejects.toMatchObject({ code: 'ticket.active_exists' });
    expect((await db.tickets.findById(first.id))?.status).toBe('resolved');
  });

  it('a stale version changes nothing and is a conflict; a current one applies and moves the version on', async () => {
    const ticket = await seedTicket(db);
    const updated = await db.tickets.update(ticket.id, { priority: 'high' }, T0, 1);
    expect(updated.version).toBe(2);
    await expect(db.tickets.update(ticket.id, { priority: 'low' }, T0, 1)).rejects.toMatchObject({ code: 'ticket.conflict', details: { currentVersion: 2 } });
    expect((await db.tickets.findById(ticket.id))?.priority).toBe('high');
    await expect(db.tickets.update(999, { priority: 'low' }, T0, 1)).rejects.toMatchObject({ code: 'ticket.not_found' });
  });

  it('an inbound message counts unread in SQL, reopens a pending ticket and keeps the preview of a late one', async () => {
    const ticket = await seedTicket(db);
    await db.tickets.update(ticket.id, { status: 'pending' }, T0);
    const later = '2026-03-02T08:10:00.000Z';
    const first = await db.tickets.recordInbound(ticket.id, { at: later, channel: 'webchat', preview: 'Halo', reopen: ['pending'] }, later);
    expect(first).toMatchObject({ unreadCount: 1, status: 'open', version: 3, lastChannel: 'webchat', lastInboundAt: later, lastMessageAt: later, lastMessagePreview: 'Halo' });
    const second = await db.tickets.recordInbound(ticket.id, { at: later, channel: 'webchat', preview: null, reopen: ['pending'] }, later);
    expect(second).toMatchObject({ unreadCount: 2, status: 'open', version: 3, lastMessagePreview: 'Halo' });
  });

  it('concurrent inbound messages never lose a count', async () => {
    const ticket = await seedTicket(db);
    await Promise.all(
      Array.from({ length: 20 }, () => db.tickets.recordInbound(ticket.id, { at: T0, channel: 'whatsapp', preview: 'x', reopen: [] }, T0)),
    );
    expect((await db.tickets.findById(ticket.id))?.unreadCount).toBe(20);
  });

  it('a reply clears unread, records the first response once and reopens a finished ticket only if no other is active', async () => {
    const ticket = await seedTicket(db);
    await db.tickets.recordInbound(ticket.id, { at: T0, channel: 'whatsapp', preview: 'x', reopen: [] }, T0);
    const at = '2026-03-02T08:05:00.000Z';
    const replied = await db.tickets.recordReply(ticket.id, { at, preview: 'Maaf', reopen: ['resolved'] }, at);
    expect(replied).toMatchObject({ unreadCount: 0, firstResponseAt: at, lastMessagePreview: 'Maaf', version: 1 });
    await db.tickets.update(ticket.id, { status: 'resolved' }, at);
    const again = await db.tickets.recordReply(ticket.id, { at: '2026-03-02T09:00:00.000Z', preview: 'Lagi', reopen: ['resolved'] }, at);
    expect(again).toMatchObject({ status: 'open', firstResponseAt: at, version: 3 });
    await db.tickets.update(ticket.id, { status: 'resolved' }, at);
    const newer = await db.tickets.createActiveIfAbsent({ customerId: ticket.customerId, subject: 'new', channel: 'whatsapp' }, at);
    const late = await db.tickets.recordReply(ticket.id, { at, preview: 'Old thread', reopen: ['resolved'] }, at);
    expect(late.status).toBe('resolved');
    expect((await db.tickets.findActiveForCustomer(ticket.customerId))?.id).toBe(newer!.id);
  });

  it('marking read reports whether anything was unread', async () => {
    const ticket = await seedTicket(db);
    expect(await db.tickets.markRead(ticket.id, T0)).toBeNull();
    await db.tickets.recordInbound(ticket.id, { at: T0, channel: 'whatsapp', preview: 'x', reopen: [] }, T0);
    expect(await db.tickets.markRead(ticket.id, T0)).toMatchObject({ unreadCount: 0 });
  });

  it("a customer's history lists every ticket oldest first", async () => {
    const first = await seedTicket(db);
    await db.tickets.update(first.id, { status: 'closed' }, T0);
    const second = (await db.tickets.createActiveIfAbsent({ customerId: first.customerId, subject: 'b', channel: 'webchat' }, T0))!;
    expect((await db.tickets.listForCustomer(first.customerId)).map((t) => t.id)).toEqual([first.id, second.id]);
  });
});
