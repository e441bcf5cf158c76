import { sql, type SQL } from 'drizzle-orm';
import { SEARCH_CANDIDATES, searchKinds, searchPlan, toSearchHits, type SearchIndex, type SearchKind, type SearchPlan, type SearchResults, type SearchRow, type TicketScope } from '@keluh/core';
import { tickets } from './schema/index.ts';
import { tsqueryText } from '../shared/search-match.ts';
import { scopeCondition } from '../shared/ticket-scope.sql.ts';
import type { PgDb } from './pg-db.ts';

/*
 * Newest matches first, at most SEARCH_CANDIDATES in scope. A GIN index cannot hand rows over newest
 * first, and PostgreSQL's own choice was measured wrong both ways (bench/search.bench.ts): it walked the
 * primary key backwards through every message for a name no message contains (its estimate for a word
 * outside the statistics is a flat share of the table), and reading all of a common word's matches costs
 * a heap visit each. So messages and tickets are searched in widening windows of the newest ids: the
 * index's matches ANDed with an id range, so each step reads at most the matches inside its window,
 * and a common word is done in the first one. `+ 0` keeps the primary key's order out of the plan.
 */
const WINDOWS = [20_000, 200_000, Number.POSITIVE_INFINITY];

const inScope = (scope: TicketScope): SQL => scopeCondition(scope, tickets) ?? sql`true`;
const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Ids above `after` only (null: all). */
const above = (column: SQL, after: number | null) => (after === null ? sql`true` : sql`${column} > ${after}`);

const queries: Record<SearchKind, (match: SQL, scope: TicketScope, after: number | null) => SQL> = {
  message: (match, scope, after) => sql`
    select m.id, m.ticket_id as "ticketId", tickets.customer_id as "customerId", c.name as "customerName", m.body as text, ${iso(sql`m.sent_at`)} as at
    from messages m
    join tickets on tickets.id = m.ticket_id
    join customers c on c.id = tickets.customer_id
    where m.search @@ ${match} and ${above(sql`m.id`, after)} and m.author_kind <> 'system' and ${inScope(scope)}
    order by m.id + 0 desc limit ${SEARCH_CANDIDATES}`,
  ticket: (match, scope, after) => sql`
    select tickets.id, tickets.id as "ticketId", tickets.customer_id as "customerId", c.name as "customerName", tickets.subject as text, ${iso(sql`tickets.created_at`)} as at
    from tickets
    join customers c on c.id = tickets.customer_id
    where tickets.search @@ ${match} and ${above(sql`tickets.id`, after)} and ${inScope(scope)}
    order by tickets.id + 0 desc limit ${SEARCH_CANDIDATES}`,
  // A customer is seen through their tickets: the newest one in scope is what Enter opens.
  customer: (match, scope) => sql`
    select * from (
      select c.id, (select max(tickets.id) from tickets where tickets.customer_id = c.id and ${inScope(scope)}) as "ticketId",
             c.id as "customerId", c.name as "customerName", s.document as text, ${iso(sql`c.created_at`)} as at
      from customer_search s
      join customers c on c.id = s.customer_id
      where s.search @@ ${match} and c.merged_into_id is null
    ) found
    where "ticketId" is not null or ${scope.kind === 'all' ? sql`true` : sql`false`}
    order by id desc limit ${SEARCH_CANDIDATES}`,
};

type PgRow = {
  id: string | number;
  ticketId: string | number | null;
  customerId: string | number;
  customerName: string;
  text: string;
  at: string;
};

const windowed: Partial<Record<SearchKind, SQL>> = { message: sql`messages`, ticket: sql`tickets` };

async function rowsOf(db: PgDb, kind: SearchKind, plan: SearchPlan, scope: TicketScope): Promise<SearchRow[]> {
  const match = sql`to_tsquery('simple', ${tsqueryText(plan, kind === 'customer')})`;
  const table = windowed[kind];
  let rows: PgRow[] = [];
  if (!table) rows = (await db.execute<PgRow>(queries[kind](match, scope, null))).rows;
  else {
    const [newest] = (await db.execute<{ id: string | number | null }>(sql`select max(id) as id from ${table}`)).rows;
    for (const window of WINDOWS) {
      const after = Number.isFinite(window) && newest?.id != null ? Number(newest.id) - window : null;
      rows = (await db.execute<PgRow>(queries[kind](match, scope, after))).rows;
      if (rows.length >= SEARCH_CANDIDATES || after === null || after <= 0) break;
    }
  }
  return rows.map((row) => ({
    kind,
    id: Number(row.id),
    ticketId: row.ticketId === null ? null : Number(row.ticketId),
    customerId: Number(row.customerId),
    customerName: row.customerName,
    text: row.text,
    at: row.at,
  }));
}

export function createSearchIndex(db: PgDb): SearchIndex {
  return {
    async search(query) {
      const plan = searchPlan(query.q);
      const wanted = new Set(query.kinds ?? searchKinds);
      const results = { message: [], customer: [], ticket: [] } as SearchResults;
      for (const kind of searchKinds) {
        if (wanted.has(kind) && query.limit > 0) results[kind] = toSearchHits(plan, await rowsOf(db, kind, plan, query.scope), query.limit);
      }
      return results;
    },
  };
}
