import { describe, expect, it } from 'vitest';
import { safeLink } from './safe-link.ts';

describe('which channel URLs may become links in the console', () => {
  it.each([
    ['https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1', 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1'],
    ['http://shop.example/p/1', 'http://shop.example/p/1'],
    ['  https://www.instagram.com/p/Cx1/  ', 'https://www.instagram.com/p/Cx1/'],
    ['/api/media/0a1b', '/api/media/0a1b'],
  ])('keeps %s', (input, expected) => {
    expect(safeLink(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://desk.example/1',
    '//attacker.example/x',
    '/\\attacker.example/x',
    'not a url',
    '',
    null,
    42,
  ])('drops %j', (input) => {
    expect(safeLink(input)).toBeNull();
  });
});
