import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, SearchKind, TicketScope } from '@keluh/core';
import { freshDb, T0 } from '../testing/fixtures.ts';
import { searchWorld } from '../testing/search-fixtures.ts';

const ALL: TicketScope = { kind: 'all' };

describe('searching messages, customers and tickets', () => {
  let db: Database;
  let world: ReturnType<typeof searchWorld>;
  const find = async (q: string, kind: SearchKind, scope: TicketScope = ALL) => (await db.search.search({ q, kinds: [kind], limit: 10, scope }))[kind];
  const ids = async (q: string, kind: SearchKind, scope: TicketScope = ALL) => (await find(q, kind, scope)).map((hit) => hit.id);

  beforeEach(async () => {
    db = await freshDb();
    world = searchWorld(db);
  });
  afterEach(() => db.close());

  it('finds a word in any of its Indonesian affixed forms, whichever form is typed', async () => {
    const sari = await world.customer('Sari');
    const ticket = await world.ticket(sari.id);
    const parcel = await world.message(ticket.id, 'Paketnya belum sampai juga');
    const sent = await world.message(ticket.id, 'Barang sudah kami kirim kemarin', { direction: 'out' });
    const late = await world.message(ticket.id, 'Kenapa ada keterlambatan?');
    expect(await ids('paket', 'message')).toEqual([parcel.id]);
    expect(await ids('paketnya', 'message')).toEqual([parcel.id]);
    expect(await ids('dikirim', 'message')).toEqual([sent.id]);
    expect(await ids('terlambat', 'message')).toEqual([late.id]);
    expect(await ids('KETERLAMBATAN', 'message')).toEqual([late.id]);
  });

  it('does not match a word that only looks affixed, nor a shorter word inside another', async () => {
    const ticket = await world.ticket((await world.customer('Dian')).id);
    await world.message(ticket.id, 'Sepatu saya salah ukuran, pesan di kemarin');
    expect(await ids('patu', 'message')).toEqual([]);
    expect(await ids('marin', 'message')).toEqual([]);
    expect(await ids('ukur', 'message')).toEqual([]);
    expect(await ids('sepa', 'message')).toEqual([]);
  });

  it('needs every word of the query in the same message', async () => {
    const ticket = await world.ticket((await world.customer('Budi')).id);
    const both = await world.message(ticket.id, 'Refund belum masuk ke rekening BCA');
    await world.message(ticket.id, 'Refund sudah diproses');
    expect(await ids('refund bca', 'message')).toEqual([both.id]);
    expect(await ids('refund', 'message')).toHaveLength(2);
  });

  it('finds customers by the start of their name, email or username, and by a phone typed any way', async () => {
    const budi = await world.customer('Budi Santoso', { phone: '+6281234567890', email: 'budi.s@gmail.com', displayName: 'Budi WA' });
    const rina = await world.customer('Rina', { channel: 'instagram', username: 'rina_store' });
    await world.ticket(budi.id);
    await world.ticket(rina.id);
    for (const q of ['bud', 'Budi San', '0812345', '62812345', '+62 812-3456-7890', '081234567890', 'budi.s@gmail', 'gmail']) expect(await ids(q, 'customer'), q).toEqual([budi.id]);
    expect(await ids('@rina_st', 'customer')).toEqual([rina.id]);
    expect(await ids('0899', 'customer')).toEqual([]);
    const [hit] = await find('0812', 'customer');
    expect(hit?.snippet.text).toBe('Budi Santoso · +6281234567890 · Budi WA · budi.s@gmail.com');
    expect(hit?.snippet.highlights.map(([a, b]) => hit.snippet.text.slice(a, b))).toEqual(['6281234567890']);
  });

  it('keeps a customer found by what their identities say after a new identity, a rename, or a moved identity', async () => {
    const sari = await world.customer('Sari');
    await world.ticket(sari.id);
    expect(await ids('6285', 'customer')).toEqual([]);
    await db.identities.insertIfAbsent({ customerId: sari.id, channel: 'webchat', externalId: 'visitor-1', phone: '+6285700001111' }, T0);
    expect(await ids('0857 0000', 'customer')).toEqual([sari.id]);
    await db.customers.update(sari.id, { name: 'Sari Wulandari' }, T0);
    expect(await ids('wulan', 'customer')).toEqual([sari.id]);
    const other = await world.customer('Sari');
    await world.ticket(other.id);
    expect(await ids('sari', 'customer')).toEqual([other.id, sari.id]);
  });

  it('finds tickets by their subject', async () => {
    const customer = await world.customer('Tono');
    const ticket = await world.ticket(customer.id, { subject: 'Pesanan INV/2026/11/0042 tidak lengkap' });
    expect(await ids('0042', 'ticket')).toEqual([ticket.id]);
    expect((await find('pesanannya', 'ticket'))[0]).toMatchObject({ kind: 'ticket', ticketId: ticket.id, customerId: customer.id, customerName: 'Tono' });
  });

  it('shows only what the searcher’s team scope may see, a customer through any of their tickets', async () => {
    const north = await world.team('Utara');
    const south = await world.team('Selatan');
    const shared = await world.customer('Wati Bersama');
    const first = await world.ticket(shared.id, { teamId: north.id, subject: 'Voucher gagal' });
    await world.message(first.id, 'voucher tidak bisa dipakai');
    await world.close(first.id);
    const second = await world.ticket(shared.id, { teamId: south.id, subject: 'Voucher hilang' });
    await world.message(second.id, 'voucher saya hilang');
    const onlyNorth: TicketScope = { kind: 'teams', teamIds: [north.id] };
    const noTeam: TicketScope = { kind: 'teams', teamIds: [] };
    expect((await find('voucher', 'message', onlyNorth)).map((hit) => hit.ticketId)).toEqual([first.id]);
    expect((await find('voucher', 'ticket', onlyNorth)).map((hit) => hit.id)).toEqual([first.id]);
    expect((await find('wati', 'customer', onlyNorth)).map((hit) => hit.ticketId)).toEqual([first.id]);
    expect((await find('wati', 'customer')).map((hit) => hit.ticketId)).toEqual([second.id]);
    for (const kind of ['message', 'ticket', 'customer'] as const) expect(await find(kind === 'customer' ? 'wati' : 'voucher', kind, noTeam)).toEqual([]);
  });

  it('shows an agent limited to their own and unassigned tickets no one else’s', async () => {
    const team = await world.team('Tim');
    const mine = await world.ticket((await world.customer('Ana')).id, { teamId: team.id, assigneeId: null, subject: 'Garansi' });
    const theirs = await world.ticket((await world.customer('Ani')).id, { teamId: team.id, subject: 'Garansi' });
    const agent = (n: number) => db.users.create({ email: `agent${n}@keluh.test`, name: `Agent ${n}`, role: 'agent', passwordHash: 'x', teamId: team.id }, T0);
    const me = await agent(1);
    await db.tickets.update(theirs.id, { assigneeId: (await agent(2)).id }, T0);
    const scope: TicketScope = { kind: 'own_and_unassigned', teamIds: [team.id], userId: me.id };
    expect(await ids('garansi', 'ticket', scope)).toEqual([mine.id]);
  });

  it('ranks the word as typed above its affixed forms, and marks every match in the snippet', async () => {
    const ticket = await world.ticket((await world.customer('Lina')).id);
    const affixed = await world.message(ticket.id, 'Sudah dikirim? Dikirimnya kapan?', { at: '2026-03-02T09:00:00.000Z' });
    const exact = await world.message(ticket.id, 'Tolong kirim ulang', { at: '2026-03-02T08:00:00.000Z' });
    const hits = await find('kirim', 'message');
    expect(hits.map((hit) => [hit.id, hit.rank])).toEqual([[exact.id, 1], [affixed.id, 0.5]]);
    const snippet = hits[1]!.snippet;
    expect(snippet.highlights.map(([a, b]) => snippet.text.slice(a, b))).toEqual(['dikirim', 'Dikirimnya']);
  });

  it('cuts a long message around its first match', async () => {
    const ticket = await world.ticket((await world.customer('Maya')).id);
    await world.message(ticket.id, `${'bla '.repeat(60)}resi JP123 tidak terlacak ${'lagi '.repeat(60)}`);
    const [hit] = await find('jp123', 'message');
    expect(hit!.snippet.text.startsWith('…')).toBe(true);
    expect(hit!.snippet.text.endsWith('…')).toBe(true);
    expect(hit!.snippet.text.length).toBeLessThanOrEqual(162);
    const [[start, end]] = hit!.snippet.highlights as [[number, number]];
    expect(hit!.snippet.text.slice(start, end)).toBe('JP123');
  });

  it('treats query syntax characters as plain text and keeps to the kinds and limit asked for', async () => {
    const ticket = await world.ticket((await world.customer('Rudi')).id, { subject: 'Refund' });
    for (let i = 0; i < 4; i++) await world.message(ticket.id, `refund ke ${i}`);
    for (const q of ["refund'", 'refund*', 'NEAR(refund', '(refund', 'OR', 'refund AND', 'a:b', "') ; drop table x; --"]) {
      await expect(db.search.search({ q, limit: 3, scope: ALL })).resolves.toBeDefined();
    }
    for (const q of ['"', '\\', '!', '&|', ':*']) await expect(db.search.search({ q, limit: 3, scope: ALL })).rejects.toMatchObject({ code: 'search.query_empty' });
    expect((await db.search.search({ q: '(refund* "OR"', limit: 10, scope: ALL })).message).toEqual([]);
    expect((await db.search.search({ q: 'refund*)', limit: 10, scope: ALL })).message).toHaveLength(4);
    const results = await db.search.search({ q: 'refund', kinds: ['message'], limit: 3, scope: ALL });
    expect(results.message).toHaveLength(3);
    expect(results.ticket).toEqual([]);
    expect(results.customer).toEqual([]);
  });

  it('finds nothing a rolled-back transaction wrote', async () => {
    const ticket = await world.ticket((await world.customer('Eka')).id);
    await expect(
      db.transaction(async (tx) => {
        await tx.messages.insertIfAbsent({ ticketId: ticket.id, direction: 'in', authorKind: 'customer', channel: 'whatsapp', externalId: 'wamid.rolled', body: 'kardus penyok', status: 'received', sentAt: T0 }, T0);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await ids('kardus', 'message')).toEqual([]);
  });
});
