import { sql, type SQL } from 'drizzle-orm';
import { SEARCH_CANDIDATES, searchKinds, searchPlan, toSearchHits, type SearchIndex, type SearchKind, type SearchPlan, type SearchResults, type SearchRow, type TicketScope } from '@keluh/core';
import { tickets } from './schema/index.ts';
import { tsqueryText } from '../shared/search-match.ts';
import { scopeCondition } from '../shared/ticket-scope.sql.ts';
import type { PgDb } from './pg-db.ts';

/*
 * Newest matches first, at most SEARCH_CANDIDATES in scope. PostgreSQL picks the plan by the GIN index's
 * statistics: a rare word reads its few matches from the index and sorts them; a common one walks the
 * primary key backwards and tests the stored tsvector of each row, stopping at the limit.
 */

const inScope = (scope: TicketScope): SQL => scopeCondition(scope, tickets) ?? sql`true`;
const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const queries: Record<SearchKind, (match: SQL, scope: TicketScope) => SQL> = {
  message: (match, scope) => sql`
    select m.id, m.ticket_id as "ticketId", tickets.customer_id as "customerId", c.name as "customerName", m.body as text, ${iso(sql`m.sent_at`)} as at
    from messages m
    join tickets on tickets.id = m.ticket_id
    join customers c on c.id = tickets.customer_id
    where m.search @@ ${match} and m.author_kind <> 'system' and ${inScope(scope)}
    order by m.id desc limit ${SEARCH_CANDIDATES}`,
  ticket: (match, scope) => sql`
    select tickets.id, tickets.id as "ticketId", tickets.customer_id as "customerId", c.name as "customerName", tickets.subject as text, ${iso(sql`tickets.created_at`)} as at
    from tickets
    join customers c on c.id = tickets.customer_id
    where tickets.search @@ ${match} and ${inScope(scope)}
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

async function rowsOf(db: PgDb, kind: SearchKind, plan: SearchPlan, scope: TicketScope): Promise<SearchRow[]> {
  const match = sql`to_tsquery('simple', ${tsqueryText(plan, kind === 'customer')})`;
  const { rows } = await db.execute<PgRow>(queries[kind](match, scope));
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
