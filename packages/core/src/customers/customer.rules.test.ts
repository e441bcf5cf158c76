import { describe, expect, it } from 'vitest';
import { displayNameFor } from './customer.rules.ts';

describe('naming a customer we have never seen', () => {
  it('uses the name the channel gives', () => {
    expect(displayNameFor('whatsapp', { externalId: '62812', displayName: '  Rina  ' })).toBe('Rina');
  });

  it('falls back to the phone number, then to a labelled short id', () => {
    expect(displayNameFor('whatsapp', { externalId: '62812', phone: '+62 812-3456' })).toBe('+62 812-3456');
    expect(displayNameFor('webchat', { externalId: 'abcdef0123456789abcdef0123456789' })).toBe('Visitor 6789');
  });
});
