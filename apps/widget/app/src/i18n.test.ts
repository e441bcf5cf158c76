import { describe, expect, it } from 'vitest';
import { createTranslator, dictionaries, pickLanguage } from './i18n.ts';

describe('widget languages', () => {
  it('has the same keys in Indonesian and English, none empty', () => {
    expect(Object.keys(dictionaries.en).sort()).toEqual(Object.keys(dictionaries.id).sort());
    for (const dictionary of Object.values(dictionaries)) for (const text of Object.values(dictionary)) expect(text.trim()).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(dictionaries.id) as (keyof typeof dictionaries.id)[]) {
      expect(placeholders(dictionaries.en[key])).toEqual(placeholders(dictionaries.id[key]));
    }
  });

  it('takes ?lang= first, then the browser language', () => {
    expect(pickLanguage('en', 'id-ID')).toBe('en');
    expect(pickLanguage('ID', 'en-US')).toBe('id');
    expect(pickLanguage(null, 'id-ID')).toBe('id');
    expect(pickLanguage('fr', 'id')).toBe('id');
    expect(pickLanguage(null, 'en-GB')).toBe('en');
    expect(pickLanguage(undefined, undefined)).toBe('en');
  });

  it('fills placeholders', () => {
    expect(createTranslator('id')('tooLong', { count: 4100, max: 4096 })).toBe('Pesan terlalu panjang: 4100/4096 karakter');
    expect(createTranslator('en')('replyTime')).toBe('We reply in minutes');
    expect(createTranslator('id')('replyTime')).toBe('Kami biasanya membalas dalam beberapa menit');
  });
});
