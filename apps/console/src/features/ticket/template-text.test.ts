import { describe, expect, it } from 'vitest';
import { preferredTemplate, previewSegments, renderPreview } from './template-text.ts';

const body = 'Halo {{1}}, kami menindaklanjuti keluhan Anda ({{2}}).';

describe('WhatsApp template parameters', () => {
  it('splits the text so the preview can mark the values', () => {
    expect(previewSegments(body, ['Rina'])).toEqual([
      { kind: 'text', text: 'Halo ' },
      { kind: 'param', index: 1, value: 'Rina' },
      { kind: 'text', text: ', kami menindaklanjuti keluhan Anda (' },
      { kind: 'param', index: 2, value: '' },
      { kind: 'text', text: ').' },
    ]);
  });

  it('previews what the customer will read, keeping unfilled placeholders visible', () => {
    expect(renderPreview(body, ['Rina', '#1042'])).toBe('Halo Rina, kami menindaklanjuti keluhan Anda (#1042).');
    expect(renderPreview(body, ['Rina'])).toBe('Halo Rina, kami menindaklanjuti keluhan Anda ({{2}}).');
  });

  it('offers the template in the customer’s language first', () => {
    const templates = [
      { name: 'followup', language: 'en', body: 'Hi' },
      { name: 'followup', language: 'id', body: 'Halo' },
    ];
    expect(preferredTemplate(templates, 'id')?.language).toBe('id');
    expect(preferredTemplate(templates, 'fr')?.language).toBe('en');
    expect(preferredTemplate([], 'id')).toBeNull();
  });
});
