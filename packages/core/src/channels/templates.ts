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

export function placeholderCount(template: ApprovedTemplate): number {
  const numbers = [...template.body.matchAll(/\{\{(\d+)\}\}/g)].map((match) => Number(match[1]));
  return numbers.length === 0 ? 0 : Math.max(...numbers);
}

/** The text the customer will read, so the timeline shows what was actually sent. */
export function renderTemplate(template: ApprovedTemplate, parameters: readonly string[]): string {
  if (parameters.length !== placeholderCount(template)) {
    throw new AppError('validation.failed', `Template ${template.name} takes ${placeholderCount(template)} parameters`, {
      issues: [{ path: 'template.parameters', message: `Expected ${placeholderCount(template)} values` }],
    });
  }
  return template.body.replace(/\{\{(\d+)\}\}/g, (_match, index: string) => parameters[Number(index) - 1] ?? '');
}
