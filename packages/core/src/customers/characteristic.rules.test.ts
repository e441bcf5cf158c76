import { describe, expect, it } from 'vitest';
import { suggestCharacteristic, type CustomerHistory } from './characteristic.rules.ts';

const history = (over: Partial<CustomerHistory>): CustomerHistory => ({ ticketOpenedAt: ['2026-11-01T00:00:00.000Z'], orders: [], texts: [], ...over });

describe('suggesting what kind of customer someone is', () => {
  it('a first ticket with nothing else to go on makes a new customer', () => {
    expect(suggestCharacteristic(history({ texts: ['paket saya belum sampai'] }))).toEqual({ characteristic: 'new', reason: { rule: 'first_ticket', cues: [] } });
  });

  it('tickets coming back over two months make a loyal customer, with the count and span as the reason', () => {
    const suggestion = suggestCharacteristic(history({ ticketOpenedAt: ['2026-08-01T00:00:00.000Z', '2026-09-15T00:00:00.000Z', '2026-11-01T00:00:00.000Z'] }));
    expect(suggestion).toEqual({ characteristic: 'loyal', reason: { rule: 'repeat_over_months', cues: ['3', '92'] } });
  });

  it('two tickets in one week are not loyalty yet, and say nothing', () => {
    expect(suggestCharacteristic(history({ ticketOpenedAt: ['2026-11-01T00:00:00.000Z', '2026-11-05T00:00:00.000Z'] }))).toBeNull();
  });

  it('asking for a discount or promo makes a thrifty customer, naming the words', () => {
    const suggestion = suggestCharacteristic(history({ texts: ['Kak ada diskon gak? atau promo ongkir?'] }));
    expect(suggestion?.characteristic).toBe('thrifty');
    expect(suggestion?.reason.cues).toEqual(['diskon', 'promo', 'ongkir']);
  });

  it('deciding to buy right now makes an impulsive customer', () => {
    expect(suggestCharacteristic(history({ texts: ['oke langsung checkout sekarang ya'] }))?.characteristic).toBe('impulsive');
  });

  it('asking about stock and size before any order makes a potential customer', () => {
    expect(suggestCharacteristic(history({ texts: ['yang hitam ready stock ukuran L?'] }))?.characteristic).toBe('potential');
  });

  it('orders growing in size make a growing customer, ahead of loyalty', () => {
    const orders = [
      { at: '2026-06-01T00:00:00.000Z', amount: 150000 },
      { at: '2026-08-01T00:00:00.000Z', amount: 320000 },
      { at: '2026-10-01T00:00:00.000Z', amount: 900000 },
    ];
    expect(suggestCharacteristic(history({ orders, ticketOpenedAt: ['2026-06-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z'] }))).toEqual({
      characteristic: 'growing',
      reason: { rule: 'growing_orders', cues: ['150000', '320000', '900000'] },
    });
  });

  it('orders that come closer together make a growing customer even without amounts', () => {
    const orders = ['2026-05-01', '2026-07-01', '2026-07-20', '2026-07-25'].map((day) => ({ at: `${day}T00:00:00.000Z`, amount: null }));
    expect(suggestCharacteristic(history({ orders }))?.reason).toEqual({ rule: 'growing_orders', cues: ['61d', '19d', '5d'] });
  });

  it('a loyal customer who mentions a promo stays loyal: history outweighs one message', () => {
    const suggestion = suggestCharacteristic(history({ ticketOpenedAt: ['2026-01-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z'], texts: ['ada promo?'] }));
    expect(suggestion?.characteristic).toBe('loyal');
  });
});
