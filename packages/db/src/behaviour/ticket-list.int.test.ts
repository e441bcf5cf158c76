import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMilliseconds, type Database, type TicketQuery } from '@keluh/core';
import { freshDb, seedTicket, T0 } from '../testing/fixtures.ts';
import { encodeTicketCursor } from '../shared/ticket-cursor.ts';

describe('the inbox list', () => {
  let db: Database;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  async function ticketAt(minutes: number, options: Parameters<typeof seedTicket>[1] = {}) {
    const ticket = await seedTicket(db, options);
    return db.tickets.recordReply(ticket.id, { at: addMilliseconds(T0, minutes * 60_000), preview: 'x', reopen: [] }, T0);
  }

  async function allPages(query: Omit<TicketQuery, 'cursor'>): Promise<number[][]> {
    const pages: number[][] = [];
    let cursor: string | null = null;
    do {
      const page = await db.tickets.list({ ...query, cursor });
      pages.push(page.items.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
    return pages;
  }

  it('newest activity comes first, ties broken by the newer ticket', async () => {
    const a = await ticketAt(1);
    const b = await ticketAt(3);
    const c = await ticketAt(1);
    const page = await db.tickets.list({ limit: 10 });
    expect(page.items.map((t) => t.id)).toEqual([b.id, c.id, a.id]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]?.customer.name).toBe('Sari');
  });

  it('paging through many tickets, even with equal times, shows each exactly once', async () => {
    const ids: number[] = [];
    // Several tickets share a timestamp so the id tie-breaker is exercised across page boundaries.
    for (let i = 0; i < 23; i += 1) ids.push((await ticketAt(Math.floor(i / 4))).id);
    const pages = await allPages({ limit: 5 });
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
    const seen = pages.flat();
    expect(new Set(seen).size).toBe(23);
    const expected = (await db.tickets.list({ limit: 100 })).items.map((t) => t.id);
    expect(seen).toEqual(expected);
  });

  it('a page that ends exactly at the last ticket offers no next cursor', async () => {
    for (let i = 0; i < 4; i += 1) await ticketAt(i);
    expect(await allPages({ limit: 2 })).toHaveLength(2);
  });

  it('filters by status, channel (opened on or last used) and assignee', async () => {
    const agent = await db.users.create({ email: 'd@k.id', name: 'Dewi', role: 'agent', passwordHash: 'h' }, T0);
    const wa = await ticketAt(1, { channel: 'whatsapp' });
    const ig = await ticketAt(2, { channel: 'instagram' });
    const moved = await ticketAt(3, { channel: 'webchat' });
    await db.tickets.recordInbound(moved.id, { at: moved.lastMessageAt, channel: 'whatsapp', preview: null, reopen: [] }, T0);
    await db.tickets.update(moved.id, { assigneeId: agent.id }, T0);
    await db.tickets.update(ig.id, { status: 'pending' }, T0);

    const ids = async (query: Omit<TicketQuery, 'limit'>) => (await db.tickets.list({ limit: 10, ...query })).items.map((t) => t.id);
    expect(await ids({ channel: ['whatsapp'] })).toEqual([moved.id, wa.id]);
    expect(await ids({ status: ['pending'] })).toEqual([ig.id]);
    expect(await ids({ status: ['open'], channel: ['instagram'] })).toEqual([]);
    expect(await ids({ assigneeId: agent.id })).toEqual([moved.id]);
    expect(await ids({ assigneeId: null })).toEqual([ig.id, wa.id]);
    expect(await ids({ status: [], channel: [] })).toEqual([moved.id, ig.id, wa.id]);
  });

  it('filters still hold on later pages', async () => {
    for (let i = 0; i < 7; i += 1) await ticketAt(i, { channel: i % 2 === 0 ? 'whatsapp' : 'instagram' });
    const pages = await allPages({ limit: 2, channel: ['whatsapp'] });
    expect(pages.flat()).toHaveLength(4);
  });

  it.each([
    'garbage!',
    encodeTicketCursor({ lastMessageAt: T0, id: 0 }),
    Buffer.from('{"a":1}').toString('base64url'),
    encodeTicketCursor({ lastMessageAt: 'yesterday', id: 3 }),
    encodeTicketCursor({ lastMessageAt: '2026-02-30T08:00:00.000Z', id: 3 }),
  ])(
    'a tampered cursor (%s) is a validation error on the cursor field',
    async (cursor) => {
      await expect(db.tickets.list({ limit: 5, cursor })).rejects.toMatchObject({
        code: 'validation.failed',
        details: { issues: [{ path: 'cursor', message: 'Invalid cursor' }] },
      });
    },
  );
});
