/*
 * Compose's variable interpolation (`${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`,
 * `${VAR?error}`, `$$`), so a test can see the values a container would get from a given environment —
 * and that compose refuses to start when a required one is missing.
 */

export class MissingVariableError extends Error {}

const PATTERN = /\$\$|\$\{(\w+)(?:(:?[-?])((?:[^{}]|\{[^{}]*\})*))?\}|\$(\w+)/g;

export function interpolate(text: string, env: Record<string, string | undefined>): string {
  return text.replace(PATTERN, (whole, name: string | undefined, operator: string | undefined, operand: string | undefined, bare: string | undefined) => {
    if (whole === '$$') return '$';
    const variable = name ?? bare!;
    const value = env[variable];
    const unset = operator?.startsWith(':') ? value === undefined || value === '' : value === undefined;
    if (!operator || !unset) return value ?? '';
    if (operator.endsWith('-')) return interpolate(operand ?? '', env);
    throw new MissingVariableError(`required variable ${variable} is missing a value: ${operand ?? ''}`);
  });
}

/** Every `${VAR…}` / `$VAR` named in a text. */
export function variablesIn(text: string): string[] {
  return [...text.matchAll(PATTERN)].flatMap((match) => (match[1] ?? match[4] ? [match[1] ?? match[4]!] : []));
}
