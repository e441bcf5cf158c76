import { instantFromUnix } from '../meta/graph-error.ts';

/**
 * Readers for Meta's loosely-typed webhook JSON. Webhook bodies are signed but their shape is only
 * documented by example (§3.3), so every field is read defensively instead of trusted by a cast.
 */
export type Json = Record<string, unknown>;

export function asRecord(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Meta's ids are strings, but a hand-written test payload may carry a number. */
export function asId(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : asString(value);
}

/** `sender.id` / `recipient.id` of one messaging item. */
export function partyId(item: Json, side: 'sender' | 'recipient'): string | undefined {
  return asId(asRecord(item[side])?.id);
}

/**
 * Real events carry epoch **milliseconds** (§3.3); the dashboard "Test" event carries seconds as a
 * string ([O] `[cw-ig-job]`). No real millisecond value is below 1e11 (that is 1973), so the magnitude
 * tells the unit.
 */
export function metaInstant(value: unknown): string | null {
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0) return null;
  return instantFromUnix(number, number < 1e11 ? 'seconds' : 'milliseconds');
}
