import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, NewResolutionRecord } from '@keluh/core';
import { freshDb, seedTicket } from '../testing/fixtures.ts';
import { recordFor } from '../testing/resolution-fixtures.ts';

describe('searching similar past cases', () => {
  let db: Database;
  let n = 0;
  const saveCase = async (overrides: Partial<NewResolutionRecord>) => {
    const ticket = await seedTicket(db, { externalId: `case-${++n}` });
    return db.resolutions.save(recordFor(ticket, { facts: {}, rootCauseNote: null, solution: null, rootCause: null, ...overrides }));
  };
  const query = (terms: string[], category: string | null = null, limit = 5) => db.similarCases.search({ terms, category, excludeTicketId: null, limit });

  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  it('finds a saved record, and no longer by the words it had before it was replaced', async () => {
    const saved = await saveCase({ customerText: 'Layar retak waktu diterima' });
    expect((await query(['retak'])).map((hit) => hit.record.id)).toEqual([saved.id]);
    await db.resolutions.save({ ...recordFor((await db.tickets.findById(saved.ticketId))!), customerText: 'Salah warna, pesan biru dapat merah', facts: {} });
    expect(await query(['retak'])).toEqual([]);
    expect((await query(['merah'])).map((hit) => hit.record.id)).toEqual([saved.id]);
  });

  it('treats query syntax characters as harmless text', async () => {
    await saveCase({ customerText: 'Refund belum masuk ke rekening BCA' });
    const hostile = ['"', "'", '*', 'NEAR(', 'a:b', '-', '^', '(refund', 'OR', 'AND', 'NOT', '\\', '!', '&', '|', ':*', '""""', "') ; drop table x; --"];
    for (const term of hostile) await expect(query([term])).resolves.toBeInstanceOf(Array);
    expect((await query(['(refund*', '"bca"'])).map((hit) => hit.record.customerText)).toEqual(['Refund belum masuk ke rekening BCA']);
    expect(await query([])).toEqual([]);
  });

  it('ranks a record sharing rare terms and the category above ones sharing only common words', async () => {
    for (let i = 0; i < 6; i++) await saveCase({ category: 'payment', customerText: `pesanan barang paket kirim pesanan barang paket kirim nomor ${i}` });
    const right = await saveCase({ category: 'delivery', customerText: 'Pesanan dikirim lewat AnterAja, resi AA1234567 hilang di hub Bekasi' });
    const hits = await query(['aa1234567', 'anteraja', 'bekasi', 'hilang', 'pesanan', 'barang', 'paket', 'kirim'], 'delivery');
    expect(hits[0]?.record.id).toBe(right.id);
    expect(hits[0]?.score).toBe(1);
    expect(hits.slice(1).every((hit) => hit.score >= 0 && hit.score < 1)).toBe(true);
    expect(hits.length).toBeGreaterThan(1);
  });

  it('ranks the same category above another when the text matches equally', async () => {
    const other = await saveCase({ category: 'payment', customerText: 'kurir Wahana tidak datang' });
    const same = await saveCase({ category: 'delivery', customerText: 'kurir Wahana tidak datang' });
    expect((await query(['wahana', 'kurir'], 'delivery')).map((hit) => hit.record.id)).toEqual([same.id, other.id]);
    expect((await query(['wahana', 'kurir'], 'payment')).map((hit) => hit.record.id)).toEqual([other.id, same.id]);
  });

  it("leaves out the asking ticket's own record and keeps to the limit", async () => {
    const own = await saveCase({ customerText: 'voucher diskon tidak bisa dipakai' });
    for (let i = 0; i < 4; i++) await saveCase({ customerText: `voucher diskon gagal ${i}` });
    const hits = await db.similarCases.search({ terms: ['voucher', 'diskon'], category: null, excludeTicketId: own.ticketId, limit: 3 });
    expect(hits).toHaveLength(3);
    expect(hits.map((hit) => hit.record.id)).not.toContain(own.id);
  });

  it('finds facts, root cause, note and solution, folded like the query', async () => {
    const saved = await saveCase({ customerText: 'x', facts: { tracking: 'JP9988776655' }, rootCause: 'stock_error', rootCauseNote: 'Stok gudang Surabaya selisih', solution: 'Ganti dengan varian Café' });
    for (const term of ['jp9988776655', 'stock', 'surabaya', 'cafe']) expect((await query([term])).map((hit) => hit.record.id)).toEqual([saved.id]);
  });
});
