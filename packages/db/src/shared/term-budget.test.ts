import { describe, expect, it } from 'vitest';
import { FrequencyCache, termsWithinBudget } from './term-budget.ts';

const df = (entries: Record<string, number>) => Object.entries(entries).map(([term, documents]) => ({ term, documents }));

describe('choosing which terms a full-text search scores', () => {
  it('keeps every term of a small index, rarest first, and drops terms nothing contains', () => {
    expect(termsWithinBudget(df({ pesanan: 40, retak: 2, inv20931: 0, kurir: 9 }))).toEqual(['retak', 'kurir', 'pesanan']);
  });

  it('leaves out the common terms of a large index once the budget of postings is spent', () => {
    expect(termsWithinBudget(df({ jp77: 1, sicepat: 2_000, bekasi: 2_700, bca: 1_900, pesanan: 41_000, inv: 60_000 }))).toEqual(['jp77', 'bca']);
  });

  it('always keeps the rarest term, however common it is', () => {
    expect(termsWithinBudget(df({ pesanan: 41_000, inv: 60_000, paket: 20_000, kak: 13_000 }))).toEqual(['kak']);
    expect(termsWithinBudget(df({ a: 5, b: 9 }), 1, 2)).toEqual(['a', 'b']);
  });

  it('remembers a document frequency for a while, then reads it again', () => {
    let clock = 0;
    let reads = 0;
    const cache = new FrequencyCache({ ttlMs: 100, maxTerms: 2, minDocuments: 1, now: () => clock });
    const frequency = (term: string) => cache.get(term) ?? cache.remember(term, ++reads * 10);
    expect([frequency('paket'), frequency('paket')]).toEqual([10, 10]);
    clock = 150;
    expect(frequency('paket')).toBe(20);
    frequency('kurir');
    frequency('resi');
    expect(frequency('paket')).toBe(50);
  });

  it('never remembers a rare term, so a case saved a moment ago is found by its new words', () => {
    let documents = 0;
    const cache = new FrequencyCache({ minDocuments: 100 });
    const frequency = (term: string) => cache.get(term) ?? cache.remember(term, documents);
    expect(frequency('engsel')).toBe(0);
    documents = 1;
    expect(frequency('engsel')).toBe(1);
  });
});
