import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCENT, readConfig, readSiteIdentity, sanitizeColor, sanitizeOrigin } from './config.ts';
import { checkDraft } from './draft.ts';
import { linkify, safeHttpUrl } from './linkify.ts';

describe('what the embedding page passes in', () => {
  it('reads language, title, colour and parent origin from the query string', () => {
    const config = readConfig('?lang=id&title=Toko%20Batik%20Sari&color=%23b45309&parent=https%3A%2F%2Fshop.example', 'en-US');
    expect(config).toEqual({ lang: 'id', title: 'Toko Batik Sari', accent: '#b45309', parentOrigin: 'https://shop.example', startOpen: true, siteIdentity: null });
    expect(readConfig('?open=0', 'en').startOpen).toBe(false);
  });

  it('refuses colours and origins that could smuggle something in', () => {
    expect(sanitizeColor('red; background:url(x)')).toBeNull();
    expect(sanitizeColor('rgb(15, 118, 110)')).toBe('rgb(15, 118, 110)');
    expect(readConfig('?color=expression(alert(1))', 'en').accent).toBe(DEFAULT_ACCENT);
    expect(sanitizeOrigin('javascript:alert(1)')).toBeNull();
    expect(sanitizeOrigin('null')).toBeNull();
    expect(sanitizeOrigin('http://localhost:5173/path')).toBe('http://localhost:5173');
  });
});

describe('the draft rules', () => {
  it('trims, refuses blanks and bodies over 4,096 characters', () => {
    expect(checkDraft('  halo \n')).toEqual({ ok: true, body: 'halo' });
    expect(checkDraft(' \n\t ')).toMatchObject({ ok: false, reason: 'empty' });
    expect(checkDraft('x'.repeat(4096))).toMatchObject({ ok: true });
    expect(checkDraft('x'.repeat(4097))).toEqual({ ok: false, reason: 'too_long', length: 4097 });
  });
});

describe('links in messages', () => {
  it('turns http(s) links into segments, leaving sentence punctuation outside', () => {
    expect(linkify('Cek https://jne.example/track/1. Terima kasih')).toEqual([
      { kind: 'text', text: 'Cek ' },
      { kind: 'link', text: 'https://jne.example/track/1', href: 'https://jne.example/track/1' },
      { kind: 'text', text: '. Terima kasih' },
    ]);
    expect(linkify('no links')).toEqual([{ kind: 'text', text: 'no links' }]);
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
  });

  it('never makes a link of anything but http(s), however the text is dressed up', () => {
    for (const text of ['javascript:alert(document.cookie)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'http://[not-a-host']) {
      expect(linkify(`lihat ${text}`).filter((segment) => segment.kind === 'link'), text).toEqual([]);
      expect(linkify(`lihat ${text}`).map((segment) => segment.text).join(''), text).toBe(`lihat ${text}`);
    }
    const mixed = linkify('javascript:alert(1) lalu https://jne.example/t/9');
    expect(mixed.filter((segment) => segment.kind === 'link')).toEqual([{ kind: 'link', text: 'https://jne.example/t/9', href: 'https://jne.example/t/9' }]);
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
    expect(safeHttpUrl(' https://jne.example/t/9')).toBe('https://jne.example/t/9');
  });
});

describe('the site-signed identity in the fragment', () => {
  it('passes only the signed form through', () => {
    const signed = `eyJ1c2VySWQiOiJ1LTEifQ.${'0f'.repeat(32)}`;
    expect(readSiteIdentity(`#identity=${encodeURIComponent(signed)}`)).toBe(signed);
    for (const hash of ['', '#identity=', '#identity=abc', `#identity=${signed}x`, '#other=1']) expect(readSiteIdentity(hash), hash).toBeNull();
  });
});
