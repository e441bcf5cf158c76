import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_QUERY_LENGTH, phoneDigits, searchPlan } from './search-query.rules.ts';
import { toSearchHits } from './search-hits.rules.ts';

describe('reading what was typed into the search box', () => {
  it('reads a phone number typed any way as the digits identities store', () => {
    for (const typed of ['081234567890', '6281234567890', '+62 812-3456-7890', '(0812) 3456 7890']) expect(phoneDigits(typed), typed).toBe('6281234567890');
    expect(phoneDigits('0812')).toBe('62812');
    expect(phoneDigits('123')).toBeNull();
    expect(phoneDigits('budi 0812')).toBeNull();
  });

  it('looks for a phone by prefix among customers and as written in messages', () => {
    expect(searchPlan('0812-345')).toEqual({ words: [{ typed: '0812345', words: ['0812345', '62812345'], prefixes: ['62812345'] }] });
  });

  it('folds words like the index, drops duplicates and keeps every word required', () => {
    const plan = searchPlan('  Café  paket PAKET ');
    expect(plan.words.map((word) => word.typed)).toEqual(['cafe', 'paket']);
    expect(plan.words[1]!.words).toContain('paketnya');
  });

  it('refuses an empty or overlong search with a code', () => {
    expect(() => searchPlan('   ')).toThrow(expect.objectContaining({ code: 'search.query_empty' }));
    expect(() => searchPlan('?!')).toThrow(expect.objectContaining({ code: 'search.query_empty' }));
    expect(() => searchPlan('a'.repeat(MAX_SEARCH_QUERY_LENGTH + 1))).toThrow(expect.objectContaining({ code: 'search.query_too_long' }));
    expect(searchPlan(`${'a'.repeat(39)} `.repeat(MAX_SEARCH_QUERY_LENGTH / 40)).words).toHaveLength(1);
  });
});

describe('turning found rows into results', () => {
  const row = (id: number, text: string, at: string) => ({ kind: 'message' as const, id, ticketId: 1, customerId: 1, customerName: 'Sari', text, at });

  it('orders equal matches newest first and keeps to the limit', () => {
    const plan = searchPlan('paket');
    const hits = toSearchHits(plan, [row(1, 'paket A', '2026-01-01T00:00:00.000Z'), row(2, 'paket B', '2026-01-02T00:00:00.000Z'), row(3, 'paketnya C', '2026-01-03T00:00:00.000Z')], 2);
    expect(hits.map((hit) => [hit.id, hit.rank])).toEqual([[2, 1], [1, 1]]);
  });
});
