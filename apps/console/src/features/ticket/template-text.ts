import type { TemplateDto } from '@keluh/contracts';

/*
 * The template picker's preview and choice. How many parameters a template takes and whether they are
 * complete are core's rules (channels/templates.ts: parameterCount, parametersComplete), which the
 * server applies to the same text.
 */

const PLACEHOLDER = /\{\{(\d+)\}\}/g;

export type PreviewSegment = { kind: 'text'; text: string } | { kind: 'param'; index: number; value: string };

/** The template split into literal text and parameters, so the preview can mark what the agent filled in. */
export function previewSegments(body: string, parameters: readonly string[]): PreviewSegment[] {
  const segments: PreviewSegment[] = [];
  let at = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    if (match.index > at) segments.push({ kind: 'text', text: body.slice(at, match.index) });
    const index = Number(match[1]);
    segments.push({ kind: 'param', index, value: parameters[index - 1]?.trim() ?? '' });
    at = match.index + match[0].length;
  }
  if (at < body.length) segments.push({ kind: 'text', text: body.slice(at) });
  return segments;
}

/** The text the customer will read; an empty parameter stays visible as {{n}}. */
export function renderPreview(body: string, parameters: readonly string[]): string {
  return previewSegments(body, parameters)
    .map((segment) => (segment.kind === 'text' ? segment.text : segment.value || `{{${segment.index}}}`))
    .join('');
}

export const templateKey = (template: Pick<TemplateDto, 'name' | 'language'>) => `${template.name}:${template.language}`;

/** The customer's language first, then the rest as configured. */
export function preferredTemplate(templates: readonly TemplateDto[], language: string | null): TemplateDto | null {
  return templates.find((template) => language !== null && template.language.toLowerCase().startsWith(language.toLowerCase())) ?? templates[0] ?? null;
}
