import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { assertKnownPlaceholders, findPlaceholders, renderPhrase } from './placeholders.rules.ts';

const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? { code: error.code, details: error.details } : error;
  }
  return null;
};

describe('phrase placeholders', () => {
  it('lists the placeholders a phrase uses, once each, in order', () => {
    expect(findPlaceholders('Halo {customer_name}, pesanan {order_number} untuk {customer_name}')).toEqual(['customer_name', 'order_number']);
    expect(findPlaceholders('Tanpa isian')).toEqual([]);
  });

  it('accepts a phrase that uses only the known placeholders', () => {
    expect(refusal(() => assertKnownPlaceholders('Halo {customer_name}, saya {agent_name}, soal {topic} dan {order_number}'))).toBeNull();
  });

  it('refuses an unknown placeholder and names every unknown one', () => {
    expect(refusal(() => assertKnownPlaceholders('Halo {nama}, pesanan {order_number} tiba {tanggal}'))).toMatchObject({
      code: 'phrase.unknown_placeholder',
      details: { placeholders: ['nama', 'tanggal'] },
    });
  });

  it.each(['Halo {customer_name', 'Halo customer_name}', 'Halo {{customer_name}}', 'Halo {customer_{name}}'])('refuses the unbalanced braces in "%s"', (body) => {
    expect(refusal(() => assertKnownPlaceholders(body))).toMatchObject({ code: 'phrase.unknown_placeholder', details: { unbalanced: true } });
  });

  it('fills the values it has and marks the missing ones in the agent\'s language', () => {
    const body = 'Halo {customer_name}, pesanan {order_number} sedang dicek oleh {agent_name}.';
    expect(renderPhrase(body, { customer_name: 'Rina', agent_name: 'Dewi' }, 'id')).toBe('Halo Rina, pesanan [nomor pesanan] sedang dicek oleh Dewi.');
    expect(renderPhrase('Order {order_number} for {customer_name}', { customer_name: '  ' }, 'en')).toBe('Order [order number] for [customer name]');
  });
});
