import { describe, expect, it } from 'vitest';
import { findInvalidText, isCleanText, parseChannelJson, replaceInvalidText } from './text.rules.ts';

describe('text that cannot be valid Unicode', () => {
  it.each([
    ['a NUL character', 'a\u0000b'],
    ['a lone high surrogate', 'sorry \ud83d'],
    ['a lone low surrogate', '\ude1e at the start'],
    ['two high surrogates in a row', '\ud83d\ud83d\ude1e'],
    ['a reversed pair', '\ude1e\ud83d'],
  ])('is recognised: %s', (_label, text) => {
    expect(isCleanText(text)).toBe(false);
    expect(isCleanText(replaceInvalidText(text))).toBe(true);
  });

  it.each([
    ['plain Indonesian', 'Paket saya belum sampai'],
    ['an emoji (a proper surrogate pair)', 'Kecewa 😞'],
    ['newlines, tabs and accents', 'café\n\tcrème'],
    ['the replacement character itself', '\uFFFD'],
  ])('leaves well-formed text alone: %s', (_label, text) => {
    expect(isCleanText(text)).toBe(true);
    expect(replaceInvalidText(text)).toBe(text);
  });

  it('replaces each bad code unit with U+FFFD and keeps proper pairs', () => {
    expect(replaceInvalidText('a\u0000b\ud83d c😞\ude1e')).toBe('a\uFFFDb\uFFFD c😞\uFFFD');
  });

  it('finds the first offending value or key in a parsed body, by path', () => {
    expect(findInvalidText({ body: 'ok', template: { parameters: ['fine', 'bad\u0000'] } }, 'body')).toBe('body.template.parameters.1');
    expect(findInvalidText({ ['key\ud83d']: 'value' })).toBe('key\uFFFD');
    expect(findInvalidText('\ud83d')).toBe('(root)');
    expect(findInvalidText({ a: [1, true, null, { b: 'ok' }] })).toBeNull();
    // Raw webhook bytes are repaired where they are parsed, never refused here.
    expect(findInvalidText({ raw: new Uint8Array([0, 0xed, 0xa0, 0xbd]) })).toBeNull();
  });

  it('walks a deeply nested body without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let depth = 0; depth < 200_000; depth += 1) deep = [deep];
    expect(findInvalidText(deep)).toMatch(/^(0\.)+0$/);
  });

  it('repairs every string of a channel webhook, keys included, and nothing else', () => {
    const parsed = parseChannelJson(String.raw`{"text":"halo \ud83d","nul":"a\u0000b","k\u0000":1,"list":["\udc00",2,"😞"],"n":3.5}`);
    expect(parsed).toEqual({ text: 'halo \uFFFD', nul: 'a\uFFFDb', ['k\uFFFD']: 1, list: ['\uFFFD', 2, '😞'], n: 3.5 });
  });

  it('parses a clean webhook (escaped emoji pairs included) exactly as JSON.parse does, and still repairs a lone escape anywhere', () => {
    const clean = String.raw`{"text":"Paket saya belum sampai \ud83d\ude1e","name":"Ra\u00efssa","nested":[{"k":"\u00e9"}]}`;
    expect(parseChannelJson(clean)).toEqual(JSON.parse(clean));
    expect(parseChannelJson(String.raw`{"a":"\ud83d\ude1e","b":"\ude1e alone"}`)).toEqual({ a: '😞', b: '\uFFFD alone' });
    expect(parseChannelJson(String.raw`{"a":"\uD83D at the end"}`)).toEqual({ a: '\uFFFD at the end' });
    // An escaped backslash followed by the letters u0000 is text, not NUL: still parsed right (the slow way).
    expect(parseChannelJson(String.raw`{"a":"C:\\u0000"}`)).toEqual({ a: 'C:\\u0000' });
  });
});
