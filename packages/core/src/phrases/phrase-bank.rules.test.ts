import { describe, expect, it } from 'vitest';
import type { Phrase } from './phrase.types.ts';
import { filterPhrases, pickVariants } from './phrase-bank.rules.ts';

let nextId = 0;
const phrase = (overrides: Partial<Phrase>): Phrase => ({
  id: ++nextId,
  key: 'empathy_acknowledge',
  stage: 1,
  language: 'id',
  tone: 'neutral',
  intensity: 'normal',
  notOurFault: false,
  title: 'Menerima keluhan',
  body: 'Halo Kak {customer_name}',
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  ...overrides,
});

describe('ordering the phrase bank for a ticket', () => {
  const english = phrase({ language: 'en', tone: 'loyal', intensity: 'high', notOurFault: true });
  const neutral = phrase({});
  const loyal = phrase({ tone: 'loyal' });
  const loyalHigh = phrase({ tone: 'loyal', intensity: 'high' });
  const loyalHighNotOurs = phrase({ tone: 'loyal', intensity: 'high', notOurFault: true });
  const thrifty = phrase({ tone: 'thrifty', intensity: 'high' });
  const otherStage = phrase({ stage: 2, key: 'details_order_number' });
  const bank = [english, neutral, thrifty, loyal, otherStage, loyalHighNotOurs, loyalHigh];

  it('puts the language first, then the intensity (a furious customer is soothed before being welcomed), then the tone, then the fault wording', () => {
    const ordered = pickVariants(bank, { language: 'id', characteristic: 'loyal', intensity: 'high', fault: 'third_party', stage: 1 });
    expect(ordered).toEqual([loyalHighNotOurs, loyalHigh, thrifty, loyal, neutral, english]);
  });

  it('offers apologising wording first while the fault is ours or unknown, and neutral tone to a customer without one', () => {
    const ordered = pickVariants(bank, { language: 'id', characteristic: null, intensity: 'normal', fault: null, stage: 1 });
    expect(ordered.slice(0, 2)).toEqual([neutral, loyal]);
    expect(ordered.at(-1)).toBe(english);
  });

  it('keeps every stage when none is asked for', () => {
    expect(pickVariants(bank, { language: 'en', characteristic: 'loyal', intensity: 'high', fault: 'customer' })).toHaveLength(bank.length);
  });
});

describe('filtering the phrase bank as the agent types', () => {
  const apology = phrase({ title: 'Permintaan maaf', body: 'Mohon maaf atas ketidaknyamanannya' });
  const cafe = phrase({ title: 'Café tutup', body: 'Kami buka lagi besok' });
  const inside = phrase({ title: 'Tunggu kabar', body: 'Terima kasih, kami memaafkan keterlambatan' });
  const order = phrase({ title: 'Minta nomor pesanan', body: 'Boleh nomor pesanannya, Kak? Maaf merepotkan' });
  const bank = [inside, order, cafe, apology];

  it('finds words regardless of accents and case, title hits before body hits, prefixes before inner matches', () => {
    expect(filterPhrases(bank, 'MAAF')).toEqual([apology, order, inside]);
    expect(filterPhrases(bank, 'cafe')).toEqual([cafe]);
  });

  it('needs every typed word to match, and an empty query keeps the bank as it is', () => {
    expect(filterPhrases(bank, 'nomor maaf')).toEqual([order]);
    expect(filterPhrases(bank, 'nomor refund')).toEqual([]);
    expect(filterPhrases(bank, '  ')).toEqual(bank);
  });
});
