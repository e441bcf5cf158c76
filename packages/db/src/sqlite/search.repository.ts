import { sql, type SQL } from 'drizzle-orm';
import { SEARCH_CANDIDATES, searchKinds, searchPlan, toSearchHits, type SearchIndex, type SearchKind, type SearchResults, type SearchRow, type SearchPlan, type TicketScope } from '@keluh/core';
import { tickets } from '../schema/index.ts';
import { fts5Match } from '../shared/search-match.ts';
import { scopeCondition } from '../shared/ticket-scope.sql.ts';
import type { SqliteDb } from './sqlite-db.ts';

/*
 * Each query drives from its FTS5 table newest first (ORDER BY the FTS rowid DESC, which FTS5 answers by
 * walking its doclists backwards), so it stops at SEARCH_CANDIDATES rows in scope however many match.
 */

const inScope = (scope: TicketScope): SQL => scopeCondition(scope, tickets) ?? sql`1 = 1`;

const queries: Record<SearchKind, (match: string, scope: TicketScope) => SQL> = {
  message: (match, scope) => sql`
    select m.id, m.ticket_id as ticketId, tickets.customer_id as customerId, c.name as customerName, m.body as text, m.sent_at as at
    from message_search
    join messages m on m.id = message_search.rowid
    join tickets on tickets.id = m.ticket_id
    join customers c on c.id = tickets.customer_id
    where message_search match ${match} and m.author_kind <> 'system' and ${inScope(scope)}
    order by message_search.rowid desc limit ${SEARCH_CANDIDATES}`,
  ticket: (match, scope) => sql`
    select tickets.id, tickets.id as ticketId, tickets.customer_id as customerId, c.name as customerName, tickets.subject as text, tickets.created_at as at
    from ticket_search
    join tickets on tickets.id = ticket_search.rowid
    join customers c on c.id = tickets.customer_id
    where ticket_search match ${match} and ${inScope(scope)}
    order by ticket_search.rowid desc limit ${SEARCH_CANDIDATES}`,
  // A customer is seen through their tickets: the newest one in scope is what Enter opens.
  customer: (match, scope) => sql`
    select * from (
      select c.id, (select max(tickets.id) from tickets where tickets.customer_id = c.id and ${inScope(scope)}) as ticketId,
             c.id as customerId, c.name as customerName, customer_search.document as text, c.created_at as at
      from customer_search
      join customers c on c.id = customer_search.rowid
      where customer_search match ${match} and c.merged_into_id is null
      order by customer_search.rowid desc
    ) where ticketId is not null or ${scope.kind === 'all' ? sql`1 = 1` : sql`1 = 0`}
    limit ${SEARCH_CANDIDATES}`,
};

function rowsOf(db: SqliteDb, kind: SearchKind, plan: SearchPlan, scope: TicketScope): SearchRow[] {
  const rows = db.all<Omit<SearchRow, 'kind'>>(queries[kind](fts5Match(plan, kind === 'customer'), scope));
  return rows.map((row) => ({ ...row, kind }));
}

export function createSearchIndex(db: SqliteDb): SearchIndex {
  return {
    async search(query) {
      const plan = searchPlan(query.q);
      const wanted = new Set(query.kinds ?? searchKinds);
      const results = { message: [], customer: [], ticket: [] } as SearchResults;
      for (const kind of searchKinds) {
        if (wanted.has(kind) && query.limit > 0) results[kind] = toSearchHits(plan, rowsOf(db, kind, plan, query.scope), query.limit);
      }
      return results;
    },
  };
}
