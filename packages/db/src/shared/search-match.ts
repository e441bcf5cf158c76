import type { SearchPlan } from '@keluh/core';

/*
 * core's search plan in each engine's query language. Every word is quoted (FTS5 `"…"`, tsquery `'…'`)
 * with its quote doubled, so nothing a user types is ever read as an operator — though the plan's words
 * are core's tokens, letters and digits only, already.
 */

const fts5String = (word: string) => `"${word.replaceAll('"', '""')}"`;

/**
 * FTS5: every query word (AND) as any of its affixed forms (OR) — or, for customers, whose names, phones
 * and emails are no Indonesian words to strip, as the start of a word (`"budi"*`).
 */
export function fts5Match(plan: SearchPlan, byPrefix: boolean): string {
  return plan.words
    .map((word) => {
      const alternatives = byPrefix ? word.prefixes.map((prefix) => `${fts5String(prefix)}*`) : word.words.map(fts5String);
      return `(${alternatives.join(' OR ')})`;
    })
    .join(' AND ');
}

const tsLexeme = (word: string) => `'${word.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/** The same as tsquery text for to_tsquery('simple', …): `('kirim' | 'dikirim') & ('ongkir')`, or `('budi':*)`. */
export function tsqueryText(plan: SearchPlan, byPrefix: boolean): string {
  return plan.words
    .map((word) => {
      const alternatives = byPrefix ? word.prefixes.map((prefix) => `${tsLexeme(prefix)}:*`) : word.words.map(tsLexeme);
      return `(${alternatives.join(' | ')})`;
    })
    .join(' & ');
}
