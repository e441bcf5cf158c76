import { describe, expect, it } from 'vitest';
import { exceedsTextLimit, replyTextLimit, textLength } from './channel.rules.ts';

describe('per-channel text limits', () => {
  it('Instagram counts 1000 UTF-8 bytes, WhatsApp and web chat 4096 characters', () => {
    expect(replyTextLimit('instagram')).toEqual({ max: 1000, unit: 'bytes' });
    expect(replyTextLimit('whatsapp')).toEqual({ max: 4096, unit: 'characters' });
    expect(replyTextLimit('webchat')).toEqual({ max: 4096, unit: 'characters' });
  });

  it('counts bytes as Instagram does: accents two, emoji four', () => {
    expect(textLength('instagram', 'abc')).toBe(3);
    expect(textLength('instagram', 'é')).toBe(2);
    expect(textLength('instagram', '😀')).toBe(4);
    expect(textLength('instagram', 'Terima kasih 🙏')).toBe(17);
    expect(textLength('whatsapp', '😀')).toBe(2);
  });

  it('refuses before sending what the channel would refuse', () => {
    expect(exceedsTextLimit('instagram', '😀'.repeat(250))).toBe(false);
    expect(exceedsTextLimit('instagram', '😀'.repeat(251))).toBe(true);
    expect(exceedsTextLimit('whatsapp', 'x'.repeat(4097))).toBe(true);
  });
});
