import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '@keluh/core';
import { freshDb, seedTicket, T0 } from '../testing/fixtures.ts';

describe('the record of ticket merges and splits', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  async function twoTicketsWithMessages() {
    const source = await seedTicket(db);
    await db.tickets.update(source.id, { status: 'resolved', resolvedAt: T0 }, T0);
    const target = (await db.tickets.createActiveIfAbsent({ customerId: source.customerId, subject: 'Lagi', channel: 'whatsapp' }, T0))!;
    const ids: number[] = [];
    for (const body of ['satu', 'dua']) {
      const message = await db.messages.insertIfAbsent({ ticketId: source.id, direction: 'in', authorKind: 'customer', channel: 'whatsapp', body, status: 'received', sentAt: T0 }, T0);
      ids.push(message!.id);
    }
    return { source, target, ids };
  }

  it('keeps a move as recorded, listed from either ticket newest first', async () => {
    const { source, target, ids } = await twoTicketsWithMessages();
    const merge = await db.ticketMoves.create({ kind: 'merge', sourceTicketId: source.id, targetTicketId: target.id, messageIds: ids, sourceStatusBefore: 'resolved', actorUserId: null, createdAt: T0 });
    expect(merge).toEqual({ id: merge.id, kind: 'merge', sourceTicketId: source.id, targetTicketId: target.id, messageIds: ids, sourceStatusBefore: 'resolved', actorUserId: null, createdAt: T0, undoneAt: null, undoneByUserId: null });
    const split = await db.ticketMoves.create({ kind: 'split', sourceTicketId: target.id, targetTicketId: source.id, messageIds: [ids[0]!], sourceStatusBefore: 'open', actorUserId: null, createdAt: T0 });
    expect(await db.ticketMoves.findById(merge.id)).toEqual(merge);
    expect((await db.ticketMoves.listForTicket(source.id)).map((move) => move.id)).toEqual([split.id, merge.id]);
    expect((await db.ticketMoves.listForTicket(target.id)).map((move) => move.id)).toEqual([split.id, merge.id]);
    expect(await db.ticketMoves.findById(9999)).toBeNull();
  });

  it('marks a move undone once: the second undo finds nothing to mark', async () => {
    const { source, target, ids } = await twoTicketsWithMessages();
    const move = await db.ticketMoves.create({ kind: 'merge', sourceTicketId: source.id, targetTicketId: target.id, messageIds: ids, sourceStatusBefore: 'resolved', actorUserId: null, createdAt: T0 });
    const undoneAt = '2026-03-02T09:00:00.000Z';
    expect(await db.ticketMoves.markUndone(move.id, null, undoneAt)).toMatchObject({ id: move.id, undoneAt });
    expect(await db.ticketMoves.markUndone(move.id, null, '2026-03-02T10:00:00.000Z')).toBeNull();
    expect((await db.ticketMoves.findById(move.id))?.undoneAt).toBe(undoneAt);
  });

  it('moves only the named messages that are still on the source ticket', async () => {
    const { source, target, ids } = await twoTicketsWithMessages();
    expect(await db.ticketMoves.moveMessages([ids[0]!], source.id, target.id)).toBe(1);
    expect(await db.ticketMoves.moveMessages(ids, source.id, target.id)).toBe(1);
    expect(await db.ticketMoves.moveMessages(ids, source.id, target.id)).toBe(0);
    expect((await db.messages.listForTicket(target.id)).map((m) => m.body)).toEqual(['satu', 'dua']);
    expect(await db.messages.listForTicket(source.id)).toEqual([]);
  });

  it("writes a ticket's conversation summary after a move", async () => {
    const { target } = await twoTicketsWithMessages();
    const at = '2026-03-02T09:30:00.000Z';
    await db.ticketMoves.setConversation(target.id, { lastMessageAt: at, lastMessagePreview: 'dua', lastInboundAt: at, lastChannel: 'instagram', unreadCount: 2 }, at);
    expect(await db.tickets.findById(target.id)).toMatchObject({ lastMessageAt: at, lastMessagePreview: 'dua', lastInboundAt: at, lastChannel: 'instagram', unreadCount: 2, updatedAt: at });
  });
});
