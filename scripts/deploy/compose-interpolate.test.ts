import { describe, expect, it } from 'vitest';
import { interpolate, MissingVariableError, variablesIn } from './compose-interpolate.ts';

describe("compose's variable interpolation", () => {
  it('fills in set variables, defaults for unset (and, with the colon, empty) ones', () => {
    expect(interpolate('${A}/$B', { A: 'x', B: 'y' })).toBe('x/y');
    expect(interpolate('${A:-fallback}', {})).toBe('fallback');
    expect(interpolate('${A:-fallback}', { A: '' })).toBe('fallback');
    expect(interpolate('${A-fallback}', { A: '' })).toBe('');
    expect(interpolate('${A:-http://localhost:${P:-8080}}', {})).toBe('http://localhost:8080');
    expect(interpolate('${UNSET}', {})).toBe('');
    expect(interpolate('cost $$5', {})).toBe('cost $5');
  });

  it('refuses a required variable that is missing (or empty, with the colon), with its message', () => {
    expect(() => interpolate('${KEY:?set KEY}', {})).toThrow(new MissingVariableError('required variable KEY is missing a value: set KEY'));
    expect(() => interpolate('${KEY:?set KEY}', { KEY: '' })).toThrow(MissingVariableError);
    expect(interpolate('${KEY?set KEY}', { KEY: '' })).toBe('');
    expect(interpolate('${KEY:?set KEY}', { KEY: 'k' })).toBe('k');
  });

  it('lists the variables a text names', () => {
    expect(variablesIn('postgres://u:${PW:?x}@h/${DB} $HOME $$LITERAL')).toEqual(['PW', 'DB', 'HOME']);
  });
});
