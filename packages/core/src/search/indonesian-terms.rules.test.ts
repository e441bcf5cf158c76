import { describe, expect, it } from 'vitest';
import { affixedWords, matchingWords, termForms } from './indonesian-terms.rules.ts';

describe('Indonesian word forms for search', () => {
  it('takes off the particles, possessives, prefixes and ke-…-an a customer glues to a root', () => {
    expect(termForms('paketnya')).toEqual(['paketnya', 'paket']);
    expect(termForms('dikirim')).toEqual(['dikirim', 'kirim']);
    expect(termForms('keterlambatan')).toEqual(['keterlambatan', 'terlambat']);
    expect(termForms('bisakah')).toEqual(['bisakah', 'bisa']);
    expect(termForms('dikirimnya')).toEqual(['dikirimnya', 'dikirim', 'kirim']);
    expect(termForms('sepatunya')).toEqual(['sepatunya', 'sepatu']);
    expect(termForms('kemasan')).toEqual(['kemasan']);
    expect(termForms('rumahku')).toEqual(['rumahku', 'rumah']);
    expect(termForms('sebaiknya')).toEqual(['sebaiknya', 'sebaik', 'baik']);
  });

  it('keeps ordinary words that only look affixed as they are', () => {
    for (const word of ['dian', 'kenya', 'sepatu', 'kemarin', 'masalah', 'sekolah', 'sekarang', 'kemeja', 'buku', 'salah', 'dia', 'ikan']) {
      expect(termForms(word), word).toEqual([word]);
    }
  });

  it('strips only what leaves a root of three letters or more with a vowel', () => {
    expect(termForms('aku')).toEqual(['aku']);
    expect(termForms('dinya')).toEqual(['dinya']);
    expect(termForms('kemu')).toEqual(['kemu']);
  });

  it('documents the forms that remain odd: they are only ever met by searching for them', () => {
    // "kepala" → "pala" is not stripped (a look-alike); "kebun" is not listed, so "bun" is one of its forms.
    expect(termForms('kebun')).toEqual(['kebun', 'bun']);
    expect(termForms('kepala')).toEqual(['kepala']);
  });

  it('never strips numbers or order ids', () => {
    expect(termForms('inv2026nya')).toEqual(['inv2026nya']);
    expect(affixedWords('0812')).toEqual(['0812']);
  });

  it('asks the index for every affixed word whose forms include the root, and only those', () => {
    const words = affixedWords('kirim');
    for (const word of ['kirim', 'dikirim', 'kirimnya', 'dikirimnya', 'kirimlah', 'kekiriman', 'sekirim']) expect(words).toContain(word);
    // Rarer stacks are not asked for: they would double the query for words customers hardly write.
    expect(words).not.toContain('sekirimlah');
    expect(words.length).toBeLessThanOrEqual(15);
    for (const word of words) expect(termForms(word)).toContain('kirim');
    expect(affixedWords('patu')).not.toContain('sepatu');
    expect(affixedWords('masa')).not.toContain('masalah');
  });

  it('lets a typed affixed word find the root and the root find the affixed word', () => {
    expect(matchingWords('dikirim')).toContain('kirim');
    expect(matchingWords('kirim')).toContain('dikirim');
    expect(matchingWords('keterlambatan')).toContain('terlambat');
    expect(matchingWords('sepatu')).toEqual(affixedWords('sepatu'));
  });
});
