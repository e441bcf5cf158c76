import { sql, type SQL } from 'drizzle-orm';
import { SEARCH_CANDIDATES, searchKinds, searchPlan, toSearchHits, type SearchIndex, type SearchKind, type SearchPlan, type SearchResults, type SearchRow, type TicketScope } from '@keluh/core';
import { tickets } from './schema/index.ts';
import { tsqueryText } from '../shared/search-match.ts';
import { scopeCondition } from '../shared/ticket-scope.sql.ts';
import type { PgDb } from './pg-db.ts';

/*
 * Newest matches first, at most SEARCH_CANDIDATES in scope. A GIN index cannot hand rows over newest
 * first, and PostgreSQL's own plans were measured wrong both ways at 1 M messages (bench/search.bench.ts):
 * it walked the primary key backwards through every message for a word no message contains (its estimate
 * for a word outside the statistics is a flat share of the table), and read all 119 k matches of a common
 * word from the heap to keep 200. So messages and tickets are searched in widening windows of the newest
 * ids. The first, small window is read row by row from the primary key, testing each stored tsvector
 * (bounded by the window, and a common word is done there: reading its long GIN posting list alone costs
 * more). Then the GIN index alone, capped at RARE rows: a rarer word (a name, a phone, an order id — most
 * searches) has all its matches read at once. Only a word more common than that but not in the first
 * window (a small team's scope) goes on to wider windows, each ANDing the GIN index's matches with a
 * primary-key range in one bitmap, so each reads only the matches inside it. The planner settings that make these the plans are local to the search's
 * own read-only transaction; max(id) is read before them, as they would turn it into a scan.
 */
const FIRST_WINDOW = 5_000;
const RARE = 2_000;
const WIDER_WINDOWS = [50_000, 500_000, Number.POSITIVE_INFINITY];
/** The few joined rows by primary key, without parallel workers whose start-up costs more than the work. */
const LOOKUPS = sql.raw("select set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)");
/** Bitmaps only: the GIN index ANDed with the primary-key range. */
const BITMAPS = sql.raw("select set_config('enable_indexscan', 'off', true), set_config('enable_seqscan', 'off', true)");

const inScope = (scope: TicketScope): SQL => scopeCondition(scope, tickets) ?? sql`true`;
const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Ids above `after` only (null: all). */
const above = (column: SQL, after: number | null) => (after === null ? sql`true` : sql`${column} > ${after}`);
/** Row by row: the condition hidden from the GIN index, so the primary key's range is the plan. */
const matching = (column: SQL, match: SQL, rowByRow: boolean) => (rowByRow ? sql`coalesce(${column} @@ ${match}, false)` : sql`${column} @@ ${match}`);

/*
 * The candidates are picked from the searched table alone (materialised), and joined afterwards: joined
 * first, the planner drove the search from the tickets of the team instead.
 */
const queries: Record<SearchKind, (match: SQL, scope: TicketScope, after: number | null, rowByRow: boolean) => SQL> = {
  message: (match, scope, after, rowByRow) => sql`
    with hits as materialized (
      select m.id, m.ticket_id, m.body, m.sent_at from messages m
      where ${matching(sql`m.search`, match, rowByRow)} and ${above(sql`m.id`, after)} and m.author_kind <> 'system'
    )
    select m.id, m.ticket_id as "ticketId", tickets.customer_id as "customerId", c.name as "customerName", m.body as text, ${iso(sql`m.sent_at`)} as at
    from hits m
    join tickets on tickets.id = m.ticket_id
    join customers c on c.id = tickets.customer_id
    where ${inScope(scope)}
    order by m.id desc limit ${SEARCH_CANDIDATES}`,
  ticket: (match, scope, after, rowByRow) => sql`
    with hits as materialized (
      select tickets.id, tickets.customer_id, tickets.subject, tickets.created_at, tickets.team_id, tickets.assignee_id from tickets
      where ${matching(sql`tickets.search`, match, rowByRow)} and ${above(sql`tickets.id`, after)}
    )
    select tickets.id, tickets.id as "ticketId", tickets.customer_id as "customerId", c.name as "customerName", tickets.subject as text, ${iso(sql`tickets.created_at`)} as at
    from hits tickets
    join customers c on c.id = tickets.customer_id
    where ${inScope(scope)}
    order by tickets.id desc limit ${SEARCH_CANDIDATES}`,
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
  if (!table) return toRows(kind, (await db.execute<PgRow>(queries[kind](match, scope, null, false))).rows);
  return db.transaction(
    async (tx) => {
      const [newest] = (await tx.execute<{ id: string | number | null }>(sql`select max(id) as id from ${table}`)).rows;
      if (newest?.id == null) return [];
      const top = Number(newest.id);
      await tx.execute(LOOKUPS);
      let rows = (await tx.execute<PgRow>(queries[kind](match, scope, top - FIRST_WINDOW, true))).rows;
      if (rows.length >= SEARCH_CANDIDATES || top <= FIRST_WINDOW) return toRows(kind, rows);
      await tx.execute(BITMAPS);
      // Every match of a rare word (fewer than RARE overall), so the newest in scope are exactly these.
      const [counted] = (await tx.execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from ${table} where search @@ ${match} limit ${RARE}) probe`)).rows;
      if ((counted?.n ?? 0) < RARE) return toRows(kind, (await tx.execute<PgRow>(queries[kind](match, scope, null, false))).rows);
      for (const window of WIDER_WINDOWS) {
        const after = Number.isFinite(window) && top > window ? top - window : null;
        rows = (await tx.execute<PgRow>(queries[kind](match, scope, after, false))).rows;
        if (rows.length >= SEARCH_CANDIDATES || after === null) break;
      }
      return toRows(kind, rows);
    },
    { accessMode: 'read only' },
  );
}

function toRows(kind: SearchKind, rows: readonly PgRow[]): SearchRow[] {
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
