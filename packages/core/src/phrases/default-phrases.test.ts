import { describe, expect, it } from 'vitest';
import { customerCharacteristics } from '../customers/customer.types.ts';
import { workflowStages } from '../workflow/stage.types.ts';
import { defaultPhrases } from './default-phrases.ts';
import { assertKnownPlaceholders } from './placeholders.rules.ts';

describe('the phrase bank a new installation starts with', () => {
  it('every seed phrase uses only known placeholders', () => {
    for (const phrase of defaultPhrases) expect(() => assertKnownPlaceholders(phrase.title, phrase.body), `${phrase.key} ${phrase.language}`).not.toThrow();
  });

  it('has at least three keys per stage, each in Indonesian and English', () => {
    for (const stage of workflowStages) {
      const keys = new Set(defaultPhrases.filter((phrase) => phrase.stage === stage).map((phrase) => phrase.key));
      expect(keys.size, `stage ${stage}`).toBeGreaterThanOrEqual(3);
      for (const key of keys) for (const language of ['id', 'en'] as const) expect(defaultPhrases.some((phrase) => phrase.key === key && phrase.language === language), `${key} ${language}`).toBe(true);
    }
  });

  it('greets each of the six customer characteristics in its own tone, and has high-intensity and not-our-fault wording for stage 1', () => {
    const empathy = defaultPhrases.filter((phrase) => phrase.stage === 1);
    for (const tone of customerCharacteristics) for (const language of ['id', 'en'] as const) expect(empathy.some((phrase) => phrase.tone === tone && phrase.language === language), `${tone} ${language}`).toBe(true);
    expect(empathy.filter((phrase) => phrase.intensity === 'high').length).toBeGreaterThanOrEqual(4);
    expect(empathy.filter((phrase) => phrase.notOurFault).length).toBeGreaterThanOrEqual(4);
  });

  it('never repeats a variant of a key, and addresses Indonesian customers as "Kak"', () => {
    const variants = defaultPhrases.map((phrase) => [phrase.key, phrase.language, phrase.tone, phrase.intensity, phrase.notOurFault].join('|'));
    expect(new Set(variants).size).toBe(variants.length);
    const indonesianEmpathy = defaultPhrases.filter((phrase) => phrase.language === 'id' && phrase.stage === 1);
    expect(indonesianEmpathy.every((phrase) => phrase.body.includes('Kak'))).toBe(true);
  });

  it('fits what an admin could save: keys, title and body lengths', () => {
    for (const phrase of defaultPhrases) {
      expect(phrase.key).toMatch(/^[a-z][a-z0-9_]{1,39}$/);
      expect(phrase.title.length).toBeLessThanOrEqual(80);
      expect(phrase.body.length).toBeLessThanOrEqual(1000);
    }
  });
});
