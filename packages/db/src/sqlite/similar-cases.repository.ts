import type BetterSqlite3 from 'better-sqlite3';
import { indexableTerms, normaliseScores, SAME_CATEGORY_BOOST, type ResolutionRecord, type SimilarCase, type SimilarCaseSearch } from '@keluh/core';
import { FrequencyCache, termsWithinBudget } from '../shared/term-budget.ts';
import type { SqliteDb } from './sqlite-db.ts';

/**
 * bm25 decides which records are candidates: FTS5 orders by its `rank` column (bm25, idf built in) and
 * stops at this many, so a query of common words never scores the whole table. The category boost then
 * re-orders the candidates; a same-category record below the first few hundred by text alone is not
 * worth showing anyway.
 */
const CANDIDATES = 200;

const SEARCH = `
WITH hits AS (
  SELECT rowid AS id, rank FROM resolution_search WHERE resolution_search MATCH @match ORDER BY rank LIMIT @candidates
)
SELECT r.id, r.ticket_id, r.customer_id, r.channel, r.subject, r.category, r.facts, r.root_cause, r.root_cause_note,
       r.solution, r.customer_text, r.time_to_fix_ms, r.promise_kept, r.rating, r.resolved_at,
       -hits.rank * (CASE WHEN r.category = @category THEN @boost ELSE 1.0 END) AS score
FROM hits JOIN resolution_records r ON r.id = hits.id
WHERE r.ticket_id IS NOT @exclude
ORDER BY score DESC, r.id DESC
LIMIT @limit`;

interface Row {
  id: number;
  ticket_id: number;
  customer_id: number;
  channel: ResolutionRecord['channel'];
  subject: string;
  category: string | null;
  facts: string;
  root_cause: string | null;
  root_cause_note: string | null;
  solution: string | null;
  customer_text: string;
  time_to_fix_ms: number;
  promise_kept: number | null;
  rating: number | null;
  resolved_at: string;
  score: number;
}

/** Every term a quoted FTS5 string: `"` doubled inside, so no term is ever read as query syntax. */
export function fts5Match(terms: readonly string[]): string {
  return terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(' OR ');
}

function toSimilarCase(row: Row): SimilarCase {
  return {
    score: row.score,
    record: {
      id: row.id,
      ticketId: row.ticket_id,
      customerId: row.customer_id,
      channel: row.channel,
      subject: row.subject,
      category: row.category,
      facts: JSON.parse(row.facts) as Record<string, string>,
      rootCause: row.root_cause,
      rootCauseNote: row.root_cause_note,
      solution: row.solution,
      customerText: row.customer_text,
      timeToFixMs: row.time_to_fix_ms,
      promiseKept: row.promise_kept === null ? null : row.promise_kept === 1,
      rating: row.rating,
      resolvedAt: row.resolved_at,
    },
  };
}

export function createSimilarCaseSearch(db: SqliteDb): SimilarCaseSearch {
  let statement: BetterSqlite3.Statement<[Record<string, unknown>], Row> | null = null;
  let vocabulary: BetterSqlite3.Statement<[string], { doc: number }> | null = null;
  const frequencies = new FrequencyCache();
  const documentsWith = (term: string) =>
    frequencies.get(term) ?? frequencies.remember(term, (vocabulary ??= db.$client.prepare<[string], { doc: number }>('SELECT doc FROM resolution_search_vocab WHERE term = ?')).get(term)?.doc ?? 0);
  return {
    async search(query) {
      if (query.limit < 1) return [];
      const terms = termsWithinBudget(indexableTerms(query.terms).map((term) => ({ term, documents: documentsWith(term) })));
      if (terms.length === 0) return [];
      statement ??= db.$client.prepare<[Record<string, unknown>], Row>(SEARCH);
      const rows = statement.all({
        match: fts5Match(terms),
        candidates: Math.max(CANDIDATES, query.limit * 10),
        category: query.category,
        boost: SAME_CATEGORY_BOOST,
        exclude: query.excludeTicketId,
        limit: query.limit,
      });
      return normaliseScores(rows.map(toSimilarCase));
    },
  };
}
