import { and, desc, getTableColumns, ne, sql, type SQL } from 'drizzle-orm';
import { indexableTerms, normaliseScores, SAME_CATEGORY_BOOST, termWeight, type SimilarCaseSearch } from '@keluh/core';
import { resolutionRecords } from './schema/index.ts';
import type { PgDb } from './pg-db.ts';

const { searchText: _searchText, ...recordColumns } = getTableColumns(resolutionRecords);
/** The generated tsvector of the custom migration (not in the drizzle schema, see the table file). */
const search = sql.raw('"resolution_records"."search"');

/** A tsquery lexeme in quotes with `'` doubled and `\` escaped: never read as an operator. */
export function tsqueryLexeme(term: string): string {
  return `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/**
 * PostgreSQL's ts_rank_cd knows no document frequencies, so on its own a record repeating common words
 * would outrank one sharing a rare id. The score is therefore the sum of the matched terms' weights
 * (core's termWeight: ids > rare words > common words), times (1 + ts_rank_cd) to break ties by
 * density, times the category boost.
 */
export function createSimilarCaseSearch(db: PgDb): SimilarCaseSearch {
  return {
    async search(query) {
      const terms = indexableTerms(query.terms);
      if (terms.length === 0 || query.limit < 1) return [];
      const any = sql`to_tsquery('simple', ${terms.map(tsqueryLexeme).join(' | ')})`;
      const matched = sql.join(
        terms.map((term) => sql`(case when ${search} @@ to_tsquery('simple', ${tsqueryLexeme(term)}) then ${termWeight(term)}::float8 else 0 end)`),
        sql` + `,
      );
      const boost = query.category === null ? sql`1.0` : sql`(case when ${resolutionRecords.category} = ${query.category}::text then ${SAME_CATEGORY_BOOST}::float8 else 1.0 end)`;
      const score = sql<number>`((${matched}) * (1 + ts_rank_cd(${search}, ${any})) * ${boost})::float8`.as('score');
      const where: SQL[] = [sql`${search} @@ ${any}`];
      if (query.excludeTicketId !== null) where.push(ne(resolutionRecords.ticketId, query.excludeTicketId));
      const rows = await db
        .select({ ...recordColumns, score })
        .from(resolutionRecords)
        .where(and(...where))
        .orderBy(desc(sql`score`), desc(resolutionRecords.id))
        .limit(query.limit);
      return normaliseScores(rows.map(({ score: value, ...record }) => ({ record, score: Number(value) })));
    },
  };
}
