import { describe, expect, it } from 'vitest';
import { CUSTOMER_TEXT_LIMIT, MAX_QUERY_TERMS, resolutionRecordFor, similarCaseQuery, type SimilarCaseInputs } from './similar-case.rules.ts';
import { resolutionSearchText, searchTokens, termWeight } from './search-text.rules.ts';

const inputs = (overrides: Partial<SimilarCaseInputs> = {}): SimilarCaseInputs => ({
  category: 'delivery',
  facts: {},
  customerTexts: [],
  rootCause: null,
  rootCauseNote: null,
  excludeTicketId: 7,
  ...overrides,
});

describe('building the query for similar past cases', () => {
  it('drops the stop words of both languages and keeps what tells the case apart', () => {
    const query = similarCaseQuery(inputs({ customerTexts: ['Kak, paket saya dari JNE belum sampai juga, and the box is still not here'] }), 5);
    expect(query.terms).toEqual(['jne', 'box', 'paket']);
    for (const stop of ['kak', 'saya', 'dari', 'belum', 'juga', 'and', 'it', 'is', 'still', 'not', 'sampai']) expect(query.terms).not.toContain(stop);
    expect(query).toMatchObject({ category: 'delivery', excludeTicketId: 7, limit: 5 });
  });

  it('keeps order numbers, tracking numbers and amounts as terms, split as the index splits them', () => {
    const query = similarCaseQuery(inputs({ facts: { order_number: '#INV-20931', tracking: 'JP1234567890' }, customerTexts: ['Sudah bayar Rp 45.000 untuk INV/2026/11/0042'] }), 5);
    expect(query.terms).toEqual(['20931', 'jp1234567890', '45', '000', '2026', '11', '0042', 'inv', 'rp', 'bayar']);
  });

  it('folds case and accents so "Café" and "CAFE" are one term', () => {
    const query = similarCaseQuery(inputs({ customerTexts: ['Café CAFE cafe'] }), 5);
    expect(query.terms).toEqual(['cafe']);
  });

  it('puts ids first, then uncommon words, then common complaint words with the most common last', () => {
    const query = similarCaseQuery(inputs({ customerTexts: ['pesanan kurir retak 123456 barang'] }), 5);
    expect(query.terms).toEqual(['123456', 'retak', 'kurir', 'barang', 'pesanan']);
  });

  it('lists confirmed facts and the root cause before the customer words of the same rarity', () => {
    const query = similarCaseQuery(inputs({ facts: { what_failed: 'layar retak' }, rootCause: 'courier_delay', customerTexts: ['gudang berantakan'] }), 5);
    expect(query.terms).toEqual(['layar', 'retak', 'delay', 'gudang', 'berantakan', 'courier']);
  });

  it('never searches with more than 24 terms, keeping the rarest', () => {
    const words = Array.from({ length: 40 }, (_, i) => `kata${String.fromCharCode(97 + (i % 26))}${i}`);
    const query = similarCaseQuery(inputs({ customerTexts: [`pesanan order barang ${words.join(' ')}`] }), 5);
    expect(query.terms).toHaveLength(MAX_QUERY_TERMS);
    expect(query.terms).not.toContain('pesanan');
  });

  it('has no terms for a ticket with nothing but greetings', () => {
    expect(similarCaseQuery(inputs({ customerTexts: ['Halo kak, selamat pagi!', '???'] }), 3).terms).toEqual([]);
  });
});

describe('the text the search engines index', () => {
  it('splits on everything but letters and digits, the same way for documents and queries', () => {
    expect(searchTokens('INV/2026/11/0042 — Pémbayaran@Toko.id')).toEqual(['inv', '2026', '11', '0042', 'pembayaran', 'toko', 'id']);
  });

  it('covers category, facts, customer words, root cause, note and solution', () => {
    const text = resolutionSearchText({ category: 'delivery', facts: { courier: 'SiCepat' }, customerText: 'Paket hilang', rootCause: 'courier_delay', rootCauseNote: 'Gudang banjir', solution: 'Kirim ulang' });
    expect(text).toBe('delivery sicepat paket hilang courier delay gudang banjir kirim ulang');
  });

  it('weighs ids above rare words above common ones', () => {
    expect(termWeight('20931')).toBeGreaterThan(termWeight('retak'));
    expect(termWeight('retak')).toBeGreaterThan(termWeight('kurir'));
    expect(termWeight('kurir')).toBeGreaterThan(termWeight('pesanan'));
  });
});

describe('the record a resolved complaint leaves', () => {
  const ticket = { id: 4, customerId: 9, channel: 'whatsapp' as const, subject: 'Paket belum sampai', createdAt: '2026-03-02T08:00:00.000Z' };
  const base = { ticket, category: 'delivery', facts: { order_number: 'INV-1' }, rootCause: 'courier_delay', rootCauseNote: null, solution: 'Kirim ulang', promiseKept: null, rating: null };

  it('measures the time to fix from the ticket opening to its resolution', () => {
    const record = resolutionRecordFor({ ...base, customerTexts: [' Paket belum sampai ', 'Tolong dicek'], resolvedAt: '2026-03-02T11:30:00.000Z' });
    expect(record).toMatchObject({ ticketId: 4, customerId: 9, channel: 'whatsapp', timeToFixMs: 3.5 * 3_600_000, customerText: 'Paket belum sampai\nTolong dicek', category: 'delivery' });
  });

  it("trims the customer's words to 2,000 characters without cutting an emoji in half", () => {
    const record = resolutionRecordFor({ ...base, customerTexts: [`${'a'.repeat(CUSTOMER_TEXT_LIMIT - 1)}😡😡`], resolvedAt: ticket.createdAt });
    expect(Array.from(record.customerText)).toHaveLength(CUSTOMER_TEXT_LIMIT);
    expect(record.customerText.endsWith('😡')).toBe(true);
  });

  it('never records a negative time to fix when clocks disagree', () => {
    expect(resolutionRecordFor({ ...base, customerTexts: [], resolvedAt: '2026-03-02T07:00:00.000Z' }).timeToFixMs).toBe(0);
  });
});
