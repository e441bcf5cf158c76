import { describe, expect, it } from 'vitest';
import { ticket } from '../../test/fixtures.ts';
import { matchesFilter, toQuery } from './list-filter.ts';

describe('inbox views and filters', () => {
  it('asks the server for the view, status tab and channel', () => {
    expect(toQuery({ view: 'mine', tab: 'open', channel: 'whatsapp' }, 7)).toEqual({ status: 'open', channel: 'whatsapp', assigneeId: '7' });
    expect(toQuery({ view: 'unassigned', tab: 'resolved', channel: null }, 7)).toEqual({ status: 'resolved,closed', assigneeId: 'none' });
    expect(toQuery({ view: 'all', tab: 'all', channel: null }, 7)).toEqual({});
  });

  it('applies the same rules to tickets that arrive live', () => {
    const filter = { view: 'unassigned', tab: 'open', channel: 'instagram' } as const;
    expect(matchesFilter(ticket(1, { channel: 'instagram' }), filter, 7)).toBe(true);
    expect(matchesFilter(ticket(1, { channel: 'whatsapp' }), filter, 7)).toBe(false);
    expect(matchesFilter(ticket(1, { channel: 'instagram', assigneeId: 3 }), filter, 7)).toBe(false);
    expect(matchesFilter(ticket(1, { channel: 'instagram', status: 'pending' }), filter, 7)).toBe(false);
  });

  it("narrows by the customer's type and characteristic, on the server and for live tickets alike", () => {
    const filter = { view: 'all', tab: 'all', channel: null, customerType: 'intermediary', characteristic: 'thrifty' } as const;
    expect(toQuery(filter, 7)).toEqual({ customerType: 'intermediary', characteristic: 'thrifty' });
    const customer = (type: 'intermediary' | 'external', characteristic: 'thrifty' | 'loyal') => ({ id: 1, name: 'Budi', type, characteristic, language: 'id' as const });
    expect(matchesFilter(ticket(1, { customer: customer('intermediary', 'thrifty') }), filter, 7)).toBe(true);
    expect(matchesFilter(ticket(1, { customer: customer('external', 'thrifty') }), filter, 7)).toBe(false);
    expect(matchesFilter(ticket(1, { customer: customer('intermediary', 'loyal') }), filter, 7)).toBe(false);
  });
});
