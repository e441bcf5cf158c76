import { getTableColumns, inArray, sql } from 'drizzle-orm';
import { indexableTerms, normaliseScores, SAME_CATEGORY_BOOST, type SimilarCase, type SimilarCaseSearch } from '@keluh/core';
import { resolutionRecords } from './schema/index.ts';
import { FrequencyCache, termsWithinBudget } from '../shared/term-budget.ts';
import type { PgDb } from './pg-db.ts';

const { searchText: _searchText, ...recordColumns } = getTableColumns(resolutionRecords);

/** A tsquery lexeme in quotes with `'` doubled and `\` escaped: never read as an operator. */
export function tsqueryLexeme(term: string): string {
  return `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/**
 * ts_rank_cd knows no document frequencies: on its own, a record repeating common words outranks one
 * sharing a rare id. So the ranking is bm25's idea in SQL: every matching record notes which terms it
 * has (one @@ per term), the terms' document frequencies are summed over those matches, and a record
 * scores the idf of each term it shares — ln((N − df + 0.5) / (df + 0.5) + 1), never negative — times
 * (1 + ts_rank_cd) to break ties by density, times the category boost. As on SQLite, the terms a large
 * share of the cases contain are left out first (termsWithinBudget), so only a bounded set is scored.
 */
export function createSimilarCaseSearch(db: PgDb): SimilarCaseSearch {
  // The GIN index counts a term's documents without reading the rows; the uncached terms of a query are
  // counted in one round trip, and common terms are remembered.
  const frequencies = new FrequencyCache();
  const counted = async (terms: string[]) => {
    const documents = new Map(terms.flatMap((term) => {
      const cached = frequencies.get(term);
      return cached === undefined ? [] : [[term, cached] as const];
    }));
    const unknown = terms.filter((term) => !documents.has(term));
    if (unknown.length > 0) {
      const counts = sql.join(unknown.map((term) => sql`(select count(*) from resolution_records where search @@ to_tsquery('simple', ${tsqueryLexeme(term)}))::int`), sql`, `);
      const [row] = (await db.execute<{ counts: number[] }>(sql`select array[${counts}] as counts`)).rows;
      unknown.forEach((term, i) => documents.set(term, frequencies.remember(term, row?.counts[i] ?? 0)));
    }
    return terms.map((term) => ({ term, documents: documents.get(term) ?? 0 }));
  };
  return {
    async search(query) {
      if (query.limit < 1) return [];
      const terms = termsWithinBudget(await counted(indexableTerms(query.terms)));
      if (terms.length === 0) return [];
      const any = sql`to_tsquery('simple', ${terms.map(tsqueryLexeme).join(' | ')})`;
      const each = (build: (i: number) => ReturnType<typeof sql>) => sql.join(terms.map((_, i) => build(i + 1)), sql`, `);
      const hits = each((i) => sql`(search @@ to_tsquery('simple', ${tsqueryLexeme(terms[i - 1]!)}))::int`);
      const frequencies = each((i) => sql`sum(hit[${sql.raw(String(i))}])`);
      const idf = each((i) => sql`ln((n.total - df.d[${sql.raw(String(i))}] + 0.5) / (df.d[${sql.raw(String(i))}] + 0.5) + 1)`);
      const shared = sql.join(terms.map((_, i) => sql`m.hit[${sql.raw(String(i + 1))}] * idf.w[${sql.raw(String(i + 1))}]`), sql` + `);
      const exclude = query.excludeTicketId === null ? sql`true` : sql`ticket_id <> ${query.excludeTicketId}`;
      const boost = query.category === null ? sql`1.0` : sql`(case when m.category = ${query.category}::text then ${SAME_CATEGORY_BOOST}::float8 else 1.0 end)`;
      const ranked = await db.execute<{ id: string | number; score: number }>(sql`
        with m as materialized (
          select id, category, array[${hits}] as hit, ts_rank_cd(search, ${any}) as density
          from resolution_records where search @@ ${any} and ${exclude}
        ),
        -- Records are replaced in place, never deleted: the highest id is the count, read from the index.
        n as (select coalesce(max(id), 0)::float8 as total from resolution_records),
        df as (select array[${frequencies}]::float8[] as d from m),
        idf as (select array[${idf}]::float8[] as w from df, n)
        select m.id, ((${shared}) * (1 + m.density) * ${boost})::float8 as score
        from m, idf
        order by score desc, m.id desc
        limit ${query.limit}`);
      if (ranked.rows.length === 0) return [];
      const ids = ranked.rows.map((row) => Number(row.id));
      const records = new Map((await db.select(recordColumns).from(resolutionRecords).where(inArray(resolutionRecords.id, ids))).map((record) => [record.id, record]));
      const found: SimilarCase[] = ranked.rows.flatMap((row) => {
        const record = records.get(Number(row.id));
        return record ? [{ record, score: Number(row.score) }] : [];
      });
      return normaliseScores(found);
    },
  };
}
