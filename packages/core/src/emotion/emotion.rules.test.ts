import { describe, expect, it } from 'vitest';
import { emotionCases } from './emotion.cases.ts';
import { phraseIntensityFor, priorityFor, readEmotion } from './emotion.rules.ts';
import type { EmotionReading } from './emotion.types.ts';

const explain = (reading: EmotionReading) =>
  `anger ${reading.anger}, urgency ${reading.urgency}; cues: ${reading.cues.map((cue) => `${cue.text}=${cue.weight > 0 ? '+' : ''}${cue.weight} ${cue.dimension}`).join(', ') || 'none'}`;

describe('reading emotion from a complaint line', () => {
  it('the table holds at least 60 lines, from calm to angry, with urgent ones among them', () => {
    expect(emotionCases.length).toBeGreaterThanOrEqual(60);
    for (const level of ['calm', 'concerned', 'upset', 'angry'] as const) expect(emotionCases.filter((line) => line.level === level).length).toBeGreaterThanOrEqual(8);
    expect(emotionCases.filter((line) => line.urgent).length).toBeGreaterThanOrEqual(8);
  });

  it.each(emotionCases)('"$text" reads $level (urgent: $urgent)', ({ text, level, urgent }) => {
    const reading = readEmotion(text);
    expect({ level: reading.level, urgent: reading.urgent }, explain(reading)).toEqual({ level, urgent });
  });

  it('every point of anger and urgency is explained by a cue', () => {
    for (const { text } of emotionCases) {
      const reading = readEmotion(text);
      const sum = (dimension: 'anger' | 'urgency') => reading.cues.filter((cue) => cue.dimension === dimension).reduce((total, cue) => total + cue.weight, 0);
      expect(reading.anger, text).toBe(Math.max(0, Math.min(100, sum('anger'))));
      expect(reading.urgency, text).toBe(Math.max(0, Math.min(100, sum('urgency'))));
    }
  });

  it('names the signals it saw: exclamations, capitals, stretched letters and angry emoji', () => {
    const kinds = new Set(readEmotion('KENAPA LAMAAAA BANGET!!! 😡').cues.map((cue) => cue.kind));
    expect([...kinds].sort()).toEqual(['capitals', 'emoji', 'exclamations', 'repetition', 'word'].sort());
  });

  it('a negated problem lowers the reading instead of raising it', () => {
    const reading = readEmotion('kecewa sih, tapi tidak masalah kok');
    expect(reading.cues.find((cue) => cue.kind === 'negation')?.weight).toBeLessThan(0);
    expect(reading.anger).toBeLessThan(readEmotion('kecewa sih').anger);
  });

  it('an empty or emoji-less neutral message reads calm with no cues', () => {
    expect(readEmotion('')).toEqual({ anger: 0, urgency: 0, level: 'calm', urgent: false, cues: [] });
    expect(readEmotion('Selamat pagi').cues).toEqual([]);
  });

  it('shop names and courier acronyms in capitals are not shouting', () => {
    expect(readEmotion('Kirim pakai JNE atau COD ke BCA?').cues.filter((cue) => cue.kind === 'capitals')).toEqual([]);
  });

  it('order and tracking numbers the customer copies are codes, not shouting', () => {
    expect(readEmotion('Pesanan #INV-20931, resi JP1234567890, plat B 1234 XYZ').cues.filter((cue) => cue.kind === 'capitals').map((cue) => cue.text)).toEqual(['XYZ']);
  });
});

describe('what the reading calls for', () => {
  const angry = readEmotion('KECEWA BANGET!!! penipu kalian 😡');
  const angryAndUrgent = readEmotion('SEGERA KEMBALIKAN UANG SAYA!!! INI PENIPUAN!!! 😡😡');
  const urgent = readEmotion('Please help urgently, I need this delivered today');
  const calm = readEmotion('Halo kak, mau tanya stok');

  it('an angry customer raises a normal ticket to high, angry and urgent to urgent', () => {
    expect(angry.level).toBe('angry');
    expect(priorityFor(angry, 'normal')).toBe('high');
    expect(priorityFor(angryAndUrgent, 'normal')).toBe('urgent');
    expect(priorityFor(urgent, 'low')).toBe('high');
  });

  it('never lowers a priority and leaves a calm ticket as it is', () => {
    expect(priorityFor(angry, 'urgent')).toBe('urgent');
    expect(priorityFor(calm, 'low')).toBe('low');
  });

  it('offers the high-intensity phrase variants to an upset or urgent customer only', () => {
    expect(phraseIntensityFor(angry)).toBe('high');
    expect(phraseIntensityFor(urgent)).toBe('high');
    expect(phraseIntensityFor(calm)).toBe('normal');
    expect(phraseIntensityFor(null)).toBe('normal');
  });
});

describe('thanks and praise', () => {
  it('thanks with exclamation marks reads calm, while praise denied reads as a complaint', () => {
    expect(readEmotion('Makasih banyak kak!!! Mantap 😍').level).toBe('calm');
    expect(readEmotion('Thank you so much!!!').anger).toBeLessThan(readEmotion('You so much!!!').anger);
    const denied = readEmotion('Pelayanannya gak bagus');
    expect(denied.anger).toBeGreaterThanOrEqual(25);
    expect(denied.cues.map((cue) => cue.text)).toContain('gak bagus');
  });
});
