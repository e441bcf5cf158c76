import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.ts';
import { assertScore, parseTypedConsent, parseTypedScore } from './typed-answer.rules.ts';

describe('a score typed instead of tapped', () => {
  it.each([
    ['5', 5],
    ['5/5', 5],
    ['4 / 5', 4],
    ['lima', 5],
    ['Lima!', 5],
    ['empat', 4],
    ['five', 5],
    ['two', 2],
    ['⭐⭐⭐⭐', 4],
    ['⭐️⭐️⭐️⭐️⭐️', 5],
    ['★★★', 3],
    ['bintang 4', 4],
    ['4 bintang', 4],
    ['3 stars', 3],
    [' 1 ', 1],
  ])('reads %j as %i', (text, score) => {
    expect(parseTypedScore(text)).toBe(score);
  });

  it.each(['0', '6', '7/5', '10', '⭐⭐⭐⭐⭐⭐', 'sudah 5 hari belum sampai', 'lima atau empat', '4 5', 'terima kasih', '', 'bintang', 'enam'])('does not read %j as a score', (text) => {
    expect(parseTypedScore(text)).toBeNull();
  });
});

describe('a consent typed instead of tapped', () => {
  it.each(['ya', 'Iya', 'boleh', 'Silakan!', 'yes', 'ok', 'OK.'])('reads %j as yes', (text) => {
    expect(parseTypedConsent(text)).toBe(true);
  });
  it.each(['tidak', 'jangan', 'gak usah', 'Ga usah', 'no'])('reads %j as no', (text) => {
    expect(parseTypedConsent(text)).toBe(false);
  });
  it.each(['pelayanannya cepat sekali', 'ya tapi jangan pakai nama', 'mungkin', ''])('leaves %j unanswered', (text) => {
    expect(parseTypedConsent(text)).toBeNull();
  });
});

describe('a score is a whole number from 1 to 5', () => {
  it.each([1, 3, 5])('accepts %i', (score) => expect(assertScore(score)).toBe(score));
  it.each([0, 6, 7, -1, 2.5, Number.NaN])('refuses %d with review.invalid_score', (score) => {
    expect(() => assertScore(score)).toThrow(AppError);
    try {
      assertScore(score);
    } catch (error) {
      expect((error as AppError).code).toBe('review.invalid_score');
    }
  });
});
