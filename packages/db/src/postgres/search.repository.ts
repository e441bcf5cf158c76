import { sql, type SQL } from 'drizzle-orm';
import { SEARCH_CANDIDATES, searchKinds, searchPlan, toSearchHits, type SearchIndex, type SearchKind, type SearchPlan, type SearchResults, type SearchRow, type TicketScope } from '@keluh/core';
import { tickets } from './schema/index.ts';
import { tsqueryText } from '../shared/search-match.ts';
import { scopeCondition } from '../shared/ticket-scope.sql.ts';
import type { PgDb } from './pg-db.ts';

/*
 * Newest matches first, at most SEARCH_CANDIDATES in scope (SearchTuning holds every size named here). A
 * GIN index cannot hand rows over newest first, and PostgreSQL's own plans were measured wrong both ways
 * at 1 M messages (bench/search.bench.ts): it walked the primary key backwards through every message for
 * a word no message contains (its estimate for a word outside the statistics is a flat share of the
 * table), and read all 119 k matches of a common word from the heap to keep 200. So messages and tickets
 * are searched in windows of the newest ids.
 *
 * The first, small window is read row by row from the primary key, testing each stored tsvector. What it
 * finds measures the word. A word common in the scope (a team's "refund", "dikirim") is read on row by row
 * over the span that should hold enough matches at that density, while that is cheap (`rowCheckBudget`):
 * reading its long GIN posting list costs more (51 ms for one probe of "dikirim"). Past the budget, the
 * GIN index reads that span at once. A rarer word goes to the GIN index alone, capped at `rare` rows: a
 * name, a phone, an order id (most searches) has all its matches read at once. Only a word more common
 * than that yet scarce in the scope (a small team's) goes on to wider windows, each ANDing the GIN
 * index's matches with a primary-key range in one bitmap. The planner settings that make these the plans
 * are local to the search's own read-only transaction.
 */

/** The window sizes and thresholds above; a test passes small ones to walk every path on a few hundred rows. */
export interface SearchTuning {
  firstWindow: number;
  /** In-scope matches in the first window from which a word counts as common in the scope. */
  commonInFirstWindow: number;
  /**
   * How much row-by-row testing a common word may cost, in rows times the forms a row is tested against
   * (17 k rows of "sepatunya", 26 forms, took 27 ms). Past it, the GIN index is cheaper.
   */
  rowCheckBudget: number;
  rare: number;
  widerWindows: readonly number[];
  /** How many of the newest matches in scope are ranked (core's SEARCH_CANDIDATES). */
  candidates: number;
}

export const DEFAULT_SEARCH_TUNING: SearchTuning = {
  firstWindow: 5_000,
  commonInFirstWindow: 10,
  rowCheckBudget: 400_000,
  rare: 2_000,
  widerWindows: [50_000, 500_000, Number.POSITIVE_INFINITY],
  candidates: SEARCH_CANDIDATES,
};

/**
 * The newest id, and from then on the few joined rows by primary key, without parallel workers whose
 * start-up costs more than the work. One statement: it is planned (max(id) from the index's end) before
 * the settings it changes apply, which would have turned max(id) into a scan.
 */
const newestAndLookups = (table: SQL) =>
  sql`select (select max(id) from ${table}) as id, set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`;
/** Bitmaps only: the GIN index ANDed with the primary-key range. */
const BITMAPS = sql.raw("select set_config('enable_indexscan', 'off', true), set_config('enable_seqscan', 'off', true)");

const inScope = (scope: TicketScope): SQL => scopeCondition(scope, tickets) ?? sql`true`;
const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Ids in (after, upTo] only; null bounds are open. */
interface IdRange {
  after: number | null;
  upTo?: number;
}
const within = (column: SQL, { after, upTo }: IdRange) => sql`${after === null ? sql`true` : sql`${column} > ${after}`} and ${upTo === undefined ? sql`true` : sql`${column} <= ${upTo}`}`;
/** Row by row: the condition hidden from the GIN index, so the primary key's range is the plan. */
const matching = (column: SQL, match: SQL, rowByRow: boolean) => (rowByRow ? sql`coalesce(${column} @@ ${match}, false)` : sql`${column} @@ ${match}`);

/*
 * The candidates are picked from the searched table alone (materialised), and joined afterwards: joined
 * first, the planner drove the search from the tickets of the team instead.
 */
const queries: Record<SearchKind, (match: SQL, scope: TicketScope, range: IdRange, rowByRow: boolean, limit: number) => SQL> = {
  message: (match, scope, range, rowByRow, limit) => sql`
    with hits as materialized (
      select m.id, m.ticket_id, m.body, m.sent_at from messages m
      where ${matching(sql`m.search`, match, rowByRow)} and ${within(sql`m.id`, range)} and m.author_kind <> 'system'
    )
    select m.id, m.ticket_id as "ticketId", tickets.customer_id as "customerId", c.name as "customerName", m.body as text, ${iso(sql`m.sent_at`)} as at
    from hits m
    join tickets on tickets.id = m.ticket_id
    join customers c on c.id = tickets.customer_id
    where ${inScope(scope)}
    order by m.id desc limit ${limit}`,
  ticket: (match, scope, range, rowByRow, limit) => sql`
    with hits as materialized (
      select tickets.id, tickets.customer_id, tickets.subject, tickets.created_at, tickets.team_id, tickets.assignee_id from tickets
      where ${matching(sql`tickets.search`, match, rowByRow)} and ${within(sql`tickets.id`, range)}
    )
    select tickets.id, tickets.id as "ticketId", tickets.customer_id as "customerId", c.name as "customerName", tickets.subject as text, ${iso(sql`tickets.created_at`)} as at
    from hits tickets
    join customers c on c.id = tickets.customer_id
    where ${inScope(scope)}
    order by tickets.id desc limit ${limit}`,
  // A customer is seen through their tickets: the newest one in scope is what Enter opens.
  // The GIN index's matches first (materialised): otherwise a name no one has was looked for by walking
  // every customer's document backwards from the newest, 9 ms at 50 k customers.
  customer: (match, scope, _range, _rowByRow, limit) => sql`
    with hits as materialized (select customer_id, document from customer_search where search @@ ${match})
    select * from (
      select c.id, (select max(tickets.id) from tickets where tickets.customer_id = c.id and ${inScope(scope)}) as "ticketId",
             c.id as "customerId", c.name as "customerName", s.document as text, ${iso(sql`c.created_at`)} as at
      from hits s
      join customers c on c.id = s.customer_id
      where c.merged_into_id is null
    ) found
    where "ticketId" is not null or ${scope.kind === 'all' ? sql`true` : sql`false`}
    order by id desc limit ${limit}`,
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

async function rowsOf(db: PgDb, kind: SearchKind, plan: SearchPlan, scope: TicketScope, tuning: SearchTuning): Promise<SearchRow[]> {
  const { firstWindow, candidates } = tuning;
  const match = sql`to_tsquery('simple', ${tsqueryText(plan, kind === 'customer')})`;
  const table = windowed[kind];
  if (!table) return toRows(kind, (await db.execute<PgRow>(queries[kind](match, scope, { after: null }, false, candidates))).rows);
  return db.transaction(
    async (tx) => {
      const [newest] = (await tx.execute<{ id: string | number | null }>(newestAndLookups(table))).rows;
      if (newest?.id == null) return [];
      const top = Number(newest.id);
      const read = async (range: IdRange, rowByRow: boolean) => (await tx.execute<PgRow>(queries[kind](match, scope, range, rowByRow, candidates))).rows;
      let rows = await read({ after: top - firstWindow }, true);
      if (rows.length >= candidates || top <= firstWindow) return toRows(kind, rows);
      // A word this dense in scope over the whole table is common; sparser, its GIN posting list is short.
      const common = rows.length >= tuning.commonInFirstWindow && (rows.length / firstWindow) * top >= tuning.rare;
      // The span that holds the candidates at the density just seen, with half again to spare.
      const span = Math.ceil(((firstWindow * candidates) / Math.max(1, rows.length)) * 1.5);
      const byRows = span * formsOf(plan) <= tuning.rowCheckBudget;
      if (common && byRows) {
        rows = [...rows, ...(await read({ after: top - span, upTo: top - firstWindow }, true))].slice(0, candidates);
        if (rows.length >= candidates || top <= span) return toRows(kind, rows);
      }
      await tx.execute(BITMAPS);
      // Common but sparse in scope: straight to the span it needs, read through the index. The posting lists
      // cost the same for any window, so it is taken twice as wide again: a second read would cost more.
      const windows = common && !byRows ? [2 * span, ...tuning.widerWindows.filter((window) => window > 2 * span)] : await rareOrWider(tx, table, match, tuning);
      for (const window of windows) {
        const after = Number.isFinite(window) && top > window ? top - window : null;
        rows = await read({ after }, false);
        if (rows.length >= candidates || after === null) break;
      }
      return toRows(kind, rows);
    },
    { accessMode: 'read only' },
  );
}

/**
 * The forms a row is tested against, about: each word's affixed forms are ORed, the words ANDed, and the
 * AND stops at the first word a row lacks — so a row costs roughly one word's forms, not all of them.
 */
const formsOf = (plan: SearchPlan): number => Math.max(1, ...plan.words.map((word) => word.words.length));

/** Every match of a rare word (fewer than `rare` overall) at once, so the newest in scope are exactly these; else widening windows. */
async function rareOrWider(tx: PgDb, table: SQL, match: SQL, { rare, widerWindows }: SearchTuning): Promise<readonly number[]> {
  const [counted] = (await tx.execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from ${table} where search @@ ${match} limit ${rare}) probe`)).rows;
  return (counted?.n ?? 0) < rare ? [Number.POSITIVE_INFINITY] : widerWindows;
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

/**
 * Outside a transaction the kinds are searched side by side, each on a pooled connection of its own, so the
 * box waits for the slowest kind rather than the sum; inside one they share its connection, one at a time.
 */
export function createSearchIndex(db: PgDb, options: { inTransaction: boolean; tuning?: SearchTuning }): SearchIndex {
  const tuning = options.tuning ?? DEFAULT_SEARCH_TUNING;
  return {
    async search(query) {
      const plan = searchPlan(query.q);
      const wanted = searchKinds.filter((kind) => (query.kinds ?? searchKinds).includes(kind) && query.limit > 0);
      const results = { message: [], customer: [], ticket: [] } as SearchResults;
      const searchKind = async (kind: SearchKind) => void (results[kind] = toSearchHits(plan, await rowsOf(db, kind, plan, query.scope, tuning), query.limit));
      if (options.inTransaction) for (const kind of wanted) await searchKind(kind);
      else await Promise.all(wanted.map(searchKind));
      return results;
    },
  };
}
