import { AppError } from '../shared/errors.ts';
import type { ChannelConfig } from './channel-config.types.ts';

/** An approved WhatsApp template as configured for the channel (the text is needed to show it). */
export interface ApprovedTemplate {
  name: string;
  language: string;
  /** Text with {{1}}, {{2}} … placeholders, as approved by Meta. */
  body: string;
}

/** Templates live in the channel settings as JSON, edited by an admin next to the credentials. */
export function approvedTemplates(config: ChannelConfig | null): ApprovedTemplate[] {
  const raw = config?.settings.templates;
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (entry): entry is ApprovedTemplate =>
        typeof entry?.name === 'string' && typeof entry?.language === 'string' && typeof entry?.body === 'string',
    );
  } catch {
    return [];
  }
}

/** How many parameters a template text takes: its highest {{n}} (Meta numbers them 1…n without gaps). */
export function parameterCount(body: string): number {
  const numbers = [...body.matchAll(/\{\{(\d+)\}\}/g)].map((match) => Number(match[1]));
  return numbers.length === 0 ? 0 : Math.max(...numbers);
}

export function placeholderCount(template: ApprovedTemplate): number {
  return parameterCount(template.body);
}

/** WhatsApp refuses a template with an empty parameter, so each of the body's {{n}} needs a value. */
export function parametersComplete(body: string, parameters: readonly string[]): boolean {
  return blankParameter(body, parameters) === null;
}

/** The index (0-based) of the first parameter left blank, or null when every one has a value. */
function blankParameter(body: string, parameters: readonly string[]): number | null {
  const count = parameterCount(body);
  for (let index = 0; index < count; index += 1) if (!parameters[index]?.trim()) return index;
  return null;
}

/** The text the customer will read, so the timeline shows what was actually sent. */
export function renderTemplate(template: ApprovedTemplate, parameters: readonly string[]): string {
  if (parameters.length !== placeholderCount(template)) {
    throw new AppError('validation.failed', `Template ${template.name} takes ${placeholderCount(template)} parameters`, {
      issues: [{ path: 'template.parameters', message: `Expected ${placeholderCount(template)} values` }],
    });
  }
  const blank = blankParameter(template.body, parameters);
  if (blank !== null) {
    throw new AppError('validation.failed', `Template ${template.name} needs a value for {{${blank + 1}}}`, {
      issues: [{ path: `template.parameters.${blank}`, message: 'WhatsApp refuses an empty parameter' }],
    });
  }
  return template.body.replace(/\{\{(\d+)\}\}/g, (_match, index: string) => parameters[Number(index) - 1] ?? '');
}
