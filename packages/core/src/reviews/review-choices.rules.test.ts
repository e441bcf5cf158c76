import { describe, expect, it } from 'vitest';
import {
  BUTTON_TITLE_MAX,
  LIST_ROW_TITLE_MAX,
  afterScoreText,
  choicesAsText,
  consentChoices,
  consentQuestionText,
  parseChoiceId,
  ratingChoices,
  ratingRequestText,
} from './review-choices.rules.ts';

describe('the rating and consent options we send', () => {
  it.each(['id', 'en'] as const)('offers five scores in %s, best first, each with its stars and words within a WhatsApp list row', (language) => {
    const choices = ratingChoices(42, language);
    expect(choices).toMatchObject({ purpose: 'rating', reviewId: 42 });
    expect(choices.options.map((option) => option.id)).toEqual(['rate:42:5', 'rate:42:4', 'rate:42:3', 'rate:42:2', 'rate:42:1']);
    for (const [index, option] of choices.options.entries()) {
      expect(option.title.startsWith('⭐'.repeat(5 - index) + ' ')).toBe(true);
      expect(option.title).toMatch(/\p{L}{3,}/u);
      expect(option.title.length).toBeLessThanOrEqual(LIST_ROW_TITLE_MAX);
    }
    expect(choices.button!.length).toBeLessThanOrEqual(BUTTON_TITLE_MAX);
  });

  it('names the list button "Beri nilai" for Indonesian customers', () => {
    expect(ratingChoices(1, 'id').button).toBe('Beri nilai');
    expect(ratingChoices(1, 'id').options[0]!.title).toBe('⭐⭐⭐⭐⭐ Sangat puas');
  });

  it.each(['id', 'en'] as const)('asks for consent with a yes and a no that fit reply buttons in %s', (language) => {
    const choices = consentChoices(7, language);
    expect(choices.options.map((option) => option.id)).toEqual(['consent:7:yes', 'consent:7:no']);
    for (const option of choices.options) expect(option.title.length).toBeLessThanOrEqual(BUTTON_TITLE_MAX);
  });

  it('greets the customer by first name in their language', () => {
    expect(ratingRequestText('id', 'Rina Wulandari')).toMatch(/^Halo Kak Rina, .*bintang/);
    expect(ratingRequestText('en', null)).toMatch(/^Hi, .*stars/);
  });

  it('invites a comment with the consent question and repeats the stars given', () => {
    expect(consentQuestionText('id', 5)).toContain('⭐⭐⭐⭐⭐');
    expect(consentQuestionText('en', 4)).toMatch(/what went well.*may we show/s);
  });

  it('apologises and promises contact for a score of 2 or less, and thanks for a 3', () => {
    expect(afterScoreText('id', 1)).toMatch(/maaf.*menghubungi/i);
    expect(afterScoreText('en', 2)).toMatch(/sorry.*in touch/i);
    expect(afterScoreText('en', 3)).toMatch(/^Thank you/);
    expect(afterScoreText('en', 3)).not.toMatch(/sorry/i);
  });

  it('lists the scores as typed answers for channels that show no options', () => {
    const text = choicesAsText('Nilai kami?', ratingChoices(3, 'id'));
    expect(text.split('\n').slice(2)).toEqual(['5. ⭐⭐⭐⭐⭐ Sangat puas', '4. ⭐⭐⭐⭐ Puas', '3. ⭐⭐⭐ Biasa saja', '2. ⭐⭐ Kecewa', '1. ⭐ Sangat kecewa']);
  });
});

describe('reading an option id back from a reply', () => {
  it('reads a rating and a consent', () => {
    expect(parseChoiceId('rate:12:5')).toEqual({ kind: 'rate', reviewId: 12, score: 5 });
    expect(parseChoiceId('rate:12:1')).toEqual({ kind: 'rate', reviewId: 12, score: 1 });
    expect(parseChoiceId('consent:9:yes')).toEqual({ kind: 'consent', reviewId: 9, consent: true });
    expect(parseChoiceId('consent:9:no')).toEqual({ kind: 'consent', reviewId: 9, consent: false });
  });

  it.each(['rate:12:7', 'rate:12:0', 'rate:12:55', 'rate:0:3', 'rate:-1:3', 'rate:1.5:3', 'consent:3:maybe', 'cat_refund', 'rate:12', 'RATE:12:5', ' rate:12:5', 'rate:99999999999999999:5', '', null, undefined])(
    'refuses %j as something we never sent',
    (id) => {
      expect(parseChoiceId(id)).toBeNull();
    },
  );
});
