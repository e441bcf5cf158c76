import { describe, expect, it } from 'vitest';
import { normaliseEmail, toE164 } from './identity-keys.rules.ts';

describe('identity keys', () => {
  it('writes an Indonesian mobile number in every common form as one E.164 number', () => {
    for (const raw of ['081234567890', '6281234567890', '+62 812-3456-7890', ' 0812 3456 7890 ']) expect(toE164(raw, 'ID'), raw).toBe('+6281234567890');
  });

  it('refuses what is not a valid number', () => {
    for (const raw of ['', '12', 'nomor saya', '0800', '+6200000']) expect(toE164(raw, 'ID'), raw).toBeNull();
  });

  it('trims and lower-cases an email, refusing what does not look like one', () => {
    expect(normaliseEmail('  Sari.W@Example.CO.ID ')).toBe('sari.w@example.co.id');
    for (const raw of ['sari', 'sari@', 'sari@example', 'a b@example.com']) expect(normaliseEmail(raw), raw).toBeNull();
  });
});
