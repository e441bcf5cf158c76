import { AppError } from '../shared/errors.ts';
import type { CustomerAttributeDef, CustomerAttributeType, CustomerAttributeValue } from './customer-attribute.types.ts';

export const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{1,39}$/;
const MAX_TEXT = 500;
const MAX_CHOICES = 50;

/**
 * The value as stored, or `customer.attribute_invalid` naming the key and the type it wanted. Numbers
 * arrive as JSON numbers (a numeric string is refused: the console sends what the input typed).
 */
export function validateAttributeValue(def: Pick<CustomerAttributeDef, 'key' | 'type' | 'choices'>, value: unknown): CustomerAttributeValue {
  const invalid = (reason: string) => new AppError('customer.attribute_invalid', `${def.key}: ${reason}`, { key: def.key, type: def.type, reason });
  switch (def.type) {
    case 'text': {
      if (typeof value !== 'string' || value.trim() === '') throw invalid('expected non-empty text');
      if (value.length > MAX_TEXT) throw invalid(`longer than ${MAX_TEXT} characters`);
      return value.trim();
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid('expected a number');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw invalid('expected true or false');
      return value;
    case 'date':
      if (typeof value !== 'string' || !isCalendarDate(value)) throw invalid('expected a date YYYY-MM-DD');
      return value;
    case 'choice':
      if (typeof value !== 'string' || !def.choices.includes(value)) throw invalid(`expected one of ${def.choices.join(', ')}`);
      return value;
  }
}

/** A definition an admin may save: a `choice` needs its choices, the others none. */
export function validateAttributeDef(input: { key: string; label: string; type: CustomerAttributeType; choices?: string[] }): { key: string; label: string; type: CustomerAttributeType; choices: string[] } {
  const issues: { path: string; message: string }[] = [];
  if (!ATTRIBUTE_KEY.test(input.key)) issues.push({ path: 'key', message: 'Lower-case letters, digits and _, starting with a letter (2–40)' });
  const label = input.label.trim();
  if (!label) issues.push({ path: 'label', message: 'Required' });
  const choices = [...new Set((input.choices ?? []).map((choice) => choice.trim()).filter(Boolean))];
  if (input.type === 'choice' && choices.length === 0) issues.push({ path: 'choices', message: 'A choice attribute needs at least one choice' });
  if (input.type !== 'choice' && choices.length > 0) issues.push({ path: 'choices', message: 'Only a choice attribute has choices' });
  if (choices.length > MAX_CHOICES) issues.push({ path: 'choices', message: `At most ${MAX_CHOICES}` });
  if (issues.length > 0) throw new AppError('validation.failed', 'The attribute definition is not valid', { issues });
  return { key: input.key, label: label.slice(0, 80), type: input.type, choices };
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}
