import { describe, expect, it } from 'vitest';
import { createAppI18n, storedLanguage } from './index.ts';
import en from './en.ts';
import id from './id.ts';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  it('Bahasa Indonesia and English have exactly the same keys', () => {
    expect(keysOf(id).sort()).toEqual(keysOf(en).sort());
  });

  it('every message is a non-empty string in both languages', () => {
    for (const messages of [id, en]) {
      for (const key of keysOf(messages)) {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        expect(typeof value === 'string' && value.trim().length > 0, key).toBe(true);
      }
    }
  });

  it('every message compiles and renders in both languages', () => {
    const i18n = createAppI18n('id');
    for (const locale of ['id', 'en'] as const) {
      i18n.global.locale.value = locale;
      for (const key of keysOf(en)) {
        const text = i18n.global.t(key, { n: 1, name: 'X', time: '1m', id: 1, channel: 'web', count: 1, max: 2, reason: 'r', message: 'm', code: 'c' });
        expect(text, `${locale}:${key}`).not.toBe(key);
        expect(text, `${locale}:${key}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('defaults to Bahasa Indonesia and remembers a valid choice', () => {
    expect(storedLanguage({ getItem: () => null })).toBe('id');
    expect(storedLanguage({ getItem: () => 'en' })).toBe('en');
    expect(storedLanguage({ getItem: () => 'fr' })).toBe('id');
  });
});
