import { describe, expect, it } from 'vitest';
import { parameterCount, parametersComplete, renderTemplate } from './templates.ts';

const followup = { name: 'complaint_followup_v2', language: 'id', body: 'Halo {{1}}, kami menindaklanjuti keluhan Anda ({{2}}).' };

describe('WhatsApp template parameters', () => {
  it('a template takes as many parameters as its highest {{n}}', () => {
    expect(parameterCount(followup.body)).toBe(2);
    expect(parameterCount('Hi {{1}}, again {{1}}')).toBe(1);
    expect(parameterCount('Terima kasih')).toBe(0);
  });

  it('every parameter needs a value: WhatsApp refuses an empty one', () => {
    expect(parametersComplete(followup.body, ['Rina', '#1042'])).toBe(true);
    expect(parametersComplete(followup.body, ['Rina', '  '])).toBe(false);
    expect(parametersComplete(followup.body, ['Rina'])).toBe(false);
    expect(parametersComplete('Terima kasih', [])).toBe(true);
  });

  it('renders what the customer will read, and refuses a blank value with the parameter it concerns', () => {
    expect(renderTemplate(followup, ['Rina', '#1042'])).toBe('Halo Rina, kami menindaklanjuti keluhan Anda (#1042).');
    expect(() => renderTemplate(followup, ['Rina', ' '])).toThrow(expect.objectContaining({ code: 'validation.failed', details: { issues: [expect.objectContaining({ path: 'template.parameters.1' })] } }));
    expect(() => renderTemplate(followup, ['Rina'])).toThrow(expect.objectContaining({ code: 'validation.failed' }));
  });
});
