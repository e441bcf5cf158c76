import { describe, expect, it } from 'vitest';
import { normaliseEmail, regionOf, requireE164, requireEmail, toE164 } from './identity-keys.rules.ts';

describe('identity keys', () => {
  it.each(['0812-3456-7890', '6281234567890', '+62 812 3456 7890', '(0812) 3456 7890', '081234567890', '+62-812-3456-7890'])(
    'reads the Indonesian number %s as one E.164 key',
    (raw) => expect(toE164(raw, 'ID')).toBe('+6281234567890'),
  );

  it.each(['12', 'abc', '', '0812', '+62 000 0000', '08123456789012345678', '+999 123 456'])('finds no phone number in %j', (raw) => {
    expect(toE164(raw, 'ID')).toBeNull();
  });

  it('reads a number without a country code in the configured region', () => {
    expect(toE164('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(toE164('020 7946 0958', 'ID')).not.toBe('+442079460958');
  });

  it('keeps a number written with its own country code whatever the region', () => {
    expect(toE164('+44 20 7946 0958', 'ID')).toBe('+442079460958');
  });

  it('falls back to Indonesia when the region setting is not a country code', () => {
    expect(regionOf('nonsense')).toBe('ID');
    expect(regionOf(' gb ')).toBe('GB');
    expect(regionOf(null)).toBe('ID');
  });

  it('trims and lower-cases emails, and refuses what is not one', () => {
    expect(normaliseEmail('  Sari.Dewi@Example.CO.ID ')).toBe('sari.dewi@example.co.id');
    expect(normaliseEmail('sari@localhost')).toBeNull();
    expect(normaliseEmail('sari dewi@example.com')).toBeNull();
    expect(normaliseEmail('@example.com')).toBeNull();
  });

  it('refuses a typed invalid phone or email with a coded error', () => {
    expect(() => requireE164('0812')).toThrow(expect.objectContaining({ code: 'identity.invalid_phone' }));
    expect(() => requireEmail('not-an-email')).toThrow(expect.objectContaining({ code: 'identity.invalid_email' }));
    expect(requireE164('0812 3456 7890')).toBe('+6281234567890');
  });
});
