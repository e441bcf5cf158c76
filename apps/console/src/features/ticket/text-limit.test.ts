import { describe, expect, it } from 'vitest';
import { counterFrom, measureText, textLimitFor } from './text-limit.ts';

describe('per-channel text limits', () => {
  it('Instagram counts 1000 UTF-8 bytes, WhatsApp and web chat 4096 characters', () => {
    expect(textLimitFor('instagram')).toEqual({ max: 1000, unit: 'bytes' });
    expect(textLimitFor('whatsapp')).toEqual({ max: 4096, unit: 'characters' });
    expect(textLimitFor('webchat')).toEqual({ max: 4096, unit: 'characters' });
  });

  it('counts bytes as Instagram does: accents two, emoji four', () => {
    expect(measureText('instagram', 'abc')).toBe(3);
    expect(measureText('instagram', 'é')).toBe(2);
    expect(measureText('instagram', '😀')).toBe(4);
    expect(measureText('instagram', 'Terima kasih 🙏')).toBe(17);
    expect(measureText('whatsapp', '😀')).toBe(2);
  });

  it('shows the counter from 90 % of the allowance', () => {
    expect(counterFrom(textLimitFor('instagram'))).toBe(900);
    expect(counterFrom(textLimitFor('whatsapp'))).toBe(3686);
  });
});
