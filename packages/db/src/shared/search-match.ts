import type { SearchPlan } from '@keluh/core';

/*
 * core's search plan in each engine's query language. Every word is quoted (FTS5 `"…"`, tsquery `'…'`)
 * with its quote doubled, so nothing a user types is ever read as an operator — though the plan's words
 * are core's tokens, letters and digits only, already.
 */

const fts5String = (word: string) => `"${word.replaceAll('"', '""')}"`;

/** FTS5: every query word (AND) as any of its forms (OR), and for customers its prefixes too (`"budi"*`). */
export function fts5Match(plan: SearchPlan, byPrefix: boolean): string {
  return plan.words
    .map((word) => {
      const alternatives = [...word.words.map(fts5String), ...(byPrefix ? word.prefixes.map((prefix) => `${fts5String(prefix)}*`) : [])];
      return `(${alternatives.join(' OR ')})`;
    })
    .join(' AND ');
}

const tsLexeme = (word: string) => `'${word.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/** tsquery text for to_tsquery('simple', …): `('kirim' | 'dikirim') & ('budi':*)`. */
export function tsqueryText(plan: SearchPlan, byPrefix: boolean): string {
  return plan.words
    .map((word) => {
      const alternatives = [...word.words.map(tsLexeme), ...(byPrefix ? word.prefixes.map((prefix) => `${tsLexeme(prefix)}:*`) : [])];
      return `(${alternatives.join(' | ')})`;
    })
    .join(' & ');
}
