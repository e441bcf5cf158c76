import { describe, expect, it } from 'vitest';
import { linkify, safeHttpUrl } from './linkify.ts';

describe('turning links in a message into anchors', () => {
  it('links http(s) addresses and leaves the sentence’s punctuation outside', () => {
    expect(linkify('Lacak di https://jne.example/track?no=JP123, ya!')).toEqual([
      { kind: 'text', text: 'Lacak di ' },
      { kind: 'link', text: 'https://jne.example/track?no=JP123', href: 'https://jne.example/track?no=JP123' },
      { kind: 'text', text: ', ya!' },
    ]);
  });

  it('never links a script or data address, whatever the text says', () => {
    expect(linkify('klik javascript:alert(1) atau data:text/html,hi')).toEqual([{ kind: 'text', text: 'klik javascript:alert(1) atau data:text/html,hi' }]);
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
  });
});
