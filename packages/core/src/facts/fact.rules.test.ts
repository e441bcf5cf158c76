import { describe, expect, it } from 'vitest';
import { isAppError } from '../shared/errors.ts';
import { defaultCategories } from './default-categories.ts';
import { extractFacts } from './fact-extraction.rules.ts';
import { missingFacts, proposalsFor, suggestQuestions, validateFactKey } from './fact.rules.ts';

const delivery = defaultCategories.find((category) => category.key === 'delivery')!;
const payment = defaultCategories.find((category) => category.key === 'payment')!;
const AT = '2026-12-01T03:00:00.000Z';
const proposals = extractFacts([{ id: 7, body: 'pesanan #INV-20931 resi JP1234567890 dipesan kemarin, bayar Rp 45.000', direction: 'in', createdAt: AT }]);

describe('the details checklist', () => {
  it('every default category has unique fact keys, labels and questions in both languages, and something required', () => {
    expect(defaultCategories.map((category) => category.key)).toEqual(['delivery', 'payment', 'product_defect', 'service_outage', 'account']);
    for (const category of defaultCategories) {
      expect(new Set(category.facts.map((fact) => fact.key)).size).toBe(category.facts.length);
      expect(category.facts.some((fact) => fact.required)).toBe(true);
      for (const fact of category.facts) {
        expect(fact.key).toMatch(/^[a-z][a-z0-9_]{1,39}$/);
        expect(fact.label.id && fact.label.en && fact.question.id && fact.question.en).toBeTruthy();
      }
    }
  });

  it('proposals are offered for the unconfirmed facts of the category, by kind', () => {
    expect(proposalsFor(delivery, [], proposals).map((p) => [p.factKey, p.value])).toEqual([
      ['order_number', 'INV-20931'],
      ['tracking_number', 'JP1234567890'],
      ['order_date', '2026-11-30'],
    ]);
    expect(proposalsFor(payment, [], proposals).map((p) => [p.factKey, p.value])).toEqual([
      ['order_number', 'INV-20931'],
      ['amount', '45000'],
      ['payment_date', '2026-11-30'],
    ]);
  });

  it('a confirmed fact is no longer offered, nor is its value for another fact', () => {
    const confirmed = [{ key: 'order_date', value: '2026-11-30' }];
    expect(proposalsFor(payment, confirmed, proposals).map((p) => p.factKey)).toEqual(['order_number', 'amount']);
    expect(proposalsFor(null, [], proposals)).toEqual([]);
  });

  it('missing facts are the required ones not yet confirmed, asked in the customer\'s language', () => {
    expect(missingFacts(delivery, [{ key: 'order_number' }]).map((fact) => fact.key)).toEqual(['tracking_number']);
    expect(suggestQuestions(delivery, [], 'id')).toEqual([
      { key: 'order_number', question: 'Boleh kami minta nomor pesanannya, Kak?' },
      { key: 'tracking_number', question: 'Boleh dibantu nomor resinya, Kak?' },
    ]);
    expect(suggestQuestions(delivery, [{ key: 'order_number' }], 'en')).toEqual([{ key: 'tracking_number', question: 'Could you share the tracking number?' }]);
    expect(suggestQuestions(null, [], 'en')).toEqual([]);
  });

  it.each([
    [delivery, 'amount'],
    [null, 'order_number'],
  ])('a fact the category does not define is refused with fact.unknown (%#)', (category, key) => {
    let thrown: unknown;
    try {
      validateFactKey(category, key);
    } catch (error) {
      thrown = error;
    }
    expect(isAppError(thrown) && thrown.code).toBe('fact.unknown');
  });

  it('a fact the category defines is its definition', () => {
    expect(validateFactKey(delivery, 'tracking_number')).toMatchObject({ kind: 'tracking_number', required: true });
  });
});
