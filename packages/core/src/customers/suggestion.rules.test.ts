import { describe, expect, it } from 'vitest';
import { emailsIn, phonesIn, sameName } from './suggestion.rules.ts';

describe('probable-match evidence in what a customer writes', () => {
  it('finds a number typed in any of its Indonesian forms', () => {
    expect(phonesIn('Nomor WA saya 0812-3456-7890 ya kak', 'ID')).toEqual(['+6281234567890']);
    expect(phonesIn('hubungi +62 812 3456 7890 atau (0812) 3456 7890', 'ID')).toEqual(['+6281234567890']);
  });

  it('does not take order numbers, amounts or dates for phone numbers', () => {
    expect(phonesIn('Pesanan INV-2026-0042 senilai Rp 150.000 tanggal 02-03-2026', 'ID')).toEqual([]);
  });

  it('finds emails in any case, without the sentence around them', () => {
    expect(emailsIn('Email saya Sari.Dewi@Example.co.id.')).toEqual(['sari.dewi@example.co.id']);
    expect(emailsIn('tidak ada email di sini @sari')).toEqual([]);
  });

  it('scans a long message without an address in linear time', () => {
    const started = Date.now();
    for (let i = 0; i < 200; i += 1) emailsIn(`${'x'.repeat(3_000)}@${'y'.repeat(3_000)}`);
    for (let i = 0; i < 200; i += 1) phonesIn(`${i} ${'x'.repeat(3_000)}`, 'ID');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('compares names as a person reads them', () => {
    expect(sameName('Sari  Dewi', 'sari dewi')).toBe(true);
    expect(sameName('@saridewi', 'SariDewi')).toBe(true);
    expect(sameName('Sari', 'Sarah')).toBe(false);
    expect(sameName('Al', 'al')).toBe(false);
  });
});
