import { describe, expect, it } from 'vitest';
import type { MessageChoices } from '../reviews/review.types.ts';
import { assertChoicesFit, choiceForm, choiceIssues } from './choices.rules.ts';

const stars = ['⭐ Sangat kecewa', '⭐⭐ Kecewa', '⭐⭐⭐ Biasa', '⭐⭐⭐⭐ Puas', '⭐⭐⭐⭐⭐ Sangat puas'];
const rating: MessageChoices = { purpose: 'rating', reviewId: 12, button: 'Beri nilai', options: stars.map((title, index) => ({ id: `rate:12:${index + 1}`, title })) };
const consent: MessageChoices = { purpose: 'consent', reviewId: 12, options: [{ id: 'consent:12:yes', title: 'Boleh' }, { id: 'consent:12:no', title: 'Jangan' }] };
const body = 'Bagaimana penanganan keluhan Anda?';

describe('which native form a structured question takes (channels.md §9)', () => {
  it('a WhatsApp rating goes as a list and a WhatsApp consent question as reply buttons', () => {
    expect(choiceForm('whatsapp', rating)).toBe('whatsapp_list');
    expect(choiceForm('whatsapp', consent)).toBe('whatsapp_buttons');
    expect(choiceForm('instagram', rating)).toBe('instagram_quick_replies');
    expect(choiceForm('webchat', rating)).toBe('plain');
  });
});

describe('whether a structured question fits the channel', () => {
  it('the five-star rating and the yes/no consent fit every channel', () => {
    for (const channel of ['whatsapp', 'instagram', 'webchat', 'api'] as const) {
      expect(choiceIssues(channel, body, rating)).toEqual([]);
      expect(choiceIssues(channel, body, consent)).toEqual([]);
    }
  });

  it('four reply buttons are refused on WhatsApp, where three is the most', () => {
    const four = { ...consent, options: [...consent.options, { id: 'consent:12:maybe', title: 'Nanti' }, { id: 'consent:12:ask', title: 'Tanya dulu' }] };
    expect(choiceIssues('whatsapp', body, four)).toEqual([{ path: 'choices.options', message: 'Between 1 and 3 options (has 4)' }]);
  });

  it('a list row title of 25 characters is refused, 24 pass, and emoji count once', () => {
    const long = { ...rating, options: [{ id: 'rate:12:5', title: 'x'.repeat(25) }] };
    expect(choiceIssues('whatsapp', body, long)).toEqual([{ path: 'choices.options.0.title', message: 'At most 24 characters (has 25)' }]);
    expect(choiceIssues('whatsapp', body, { ...rating, options: [{ id: 'rate:12:5', title: '⭐'.repeat(24) }] })).toEqual([]);
  });

  it('a reply-button title over 20 characters and a body over 1,024 are refused on WhatsApp', () => {
    const wordy = { ...consent, options: [{ id: 'consent:12:yes', title: 'Ya, boleh ditampilkan' }] };
    expect(choiceIssues('whatsapp', 'x'.repeat(1025), wordy).map((issue) => issue.path)).toEqual(['body', 'choices.options.0.title']);
  });

  it('fourteen quick replies are refused on Instagram, thirteen pass', () => {
    const many = (count: number): MessageChoices => ({ ...rating, options: Array.from({ length: count }, (_, i) => ({ id: `o${i}`, title: `${i}` })) });
    expect(choiceIssues('instagram', body, many(13))).toEqual([]);
    expect(choiceIssues('instagram', body, many(14))).toHaveLength(1);
  });

  it('a description on an Instagram quick reply is refused rather than silently dropped', () => {
    const described = { ...rating, options: [{ id: 'rate:12:5', title: 'Puas', description: 'Sangat puas' }] };
    expect(choiceIssues('instagram', body, described)).toEqual([{ path: 'choices.options.0.description', message: 'This channel shows no option descriptions' }]);
  });

  it('two options with the same id are refused, since the answer names its option by id', () => {
    const twice = { ...consent, options: [consent.options[0]!, consent.options[0]!] };
    expect(choiceIssues('webchat', body, twice)).toEqual([{ path: 'choices.options.1.id', message: 'Duplicate option id' }]);
  });

  it('an unfit question is a coded error naming every problem', () => {
    const bad = { ...rating, button: 'Berikan penilaian Anda sekarang' };
    expect(() => assertChoicesFit('whatsapp', body, bad)).toThrow(expect.objectContaining({ code: 'channel.choices_unfit', details: { issues: [{ path: 'choices.button', message: 'At most 20 characters (has 31)' }] } }));
  });
});
