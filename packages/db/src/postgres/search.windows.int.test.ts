import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex, TicketScope } from '@keluh/core';
import { openTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { searchWorld } from '../testing/search-fixtures.ts';
import { createSearchIndex, DEFAULT_SEARCH_TUNING, type SearchTuning } from './search.repository.ts';

/*
 * The PostgreSQL search reads messages in windows whose sizes are tuned for a million rows (see
 * search.repository.ts). Here the sizes are shrunk so a few hundred messages walk every path — the first
 * window alone, a common word's row-by-row span, the same span through the GIN index, the rare-word read,
 * the widening windows — and each answer is checked against the plain definition: the newest matches the
 * scope may see.
 */
const small: SearchTuning = { firstWindow: 40, commonInFirstWindow: 3, rowCheckBudget: 5_000, rare: 30, widerWindows: [200, 500, Number.POSITIVE_INFINITY], candidates: 12 };
const tunings: [string, SearchTuning][] = [
  ['row-by-row spans', small],
  ['spans through the GIN index', { ...small, rowCheckBudget: 1 }],
];

interface Written {
  id: number;
  teamId: number;
  words: Set<string>;
}

describe('the PostgreSQL search windows, against the newest matches in scope', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  const written: Written[] = [];
  const teams: number[] = [];

  beforeAll(async () => {
    db = await openTestDatabase();
    const world = searchWorld(db);
    for (const name of ['Utara', 'Selatan', 'Timur']) teams.push((await world.team(name)).id);
    const tickets: { id: number; teamId: number }[] = [];
    for (let i = 0; i < 60; i += 1) {
      const teamId = teams[i % 3]!;
      const customer = await world.customer(`Pelanggan ${i}`);
      tickets.push({ id: (await world.ticket(customer.id, { teamId, subject: 'Keluhan' })).id, teamId });
    }
    // Interleaved over the teams, so every id range mixes them. "umum" is everywhere; "banjir" is common in
    // the first two teams and scarce in the third; "langka" is rare; nobody writes "zebra".
    for (let n = 0; n < 600; n += 1) {
      const ticket = tickets[n % tickets.length]!;
      const third = ticket.teamId === teams[2];
      const words = ['pesan', ...(n % 2 === 0 ? ['umum'] : []), ...((third ? n % 97 === 0 : n % 3 === 0) ? ['banjir'] : []), ...(n % 211 === 5 ? ['langka'] : [])];
      const message = await world.message(ticket.id, words.join(' '));
      written.push({ id: message.id, teamId: ticket.teamId, words: new Set(words) });
    }
    pool = new pg.Pool({ connectionString: db.url, max: 3 });
  });
  afterAll(async () => {
    await pool?.end();
    await db?.close();
  });

  const newestInScope = (query: string, teamIds: number[] | null, candidates: number) =>
    written
      .filter((message) => (teamIds === null || teamIds.includes(message.teamId)) && query.split(' ').every((word) => message.words.has(word)))
      .map((message) => message.id)
      .sort((a, b) => b - a)
      .slice(0, candidates);

  const scopes = (): [string, TicketScope, number[] | null][] => [
    ['everyone', { kind: 'all' }, null],
    ['the first team', { kind: 'teams', teamIds: [teams[0]!] }, [teams[0]!]],
    ['the third team', { kind: 'teams', teamIds: [teams[2]!] }, [teams[2]!]],
  ];

  for (const [label, tuning] of tunings) {
    it(`finds exactly the newest matches in scope with ${label}, for common, scarce-in-scope, rare and absent words`, async () => {
      const search: SearchIndex = createSearchIndex(drizzle({ client: pool }), { inTransaction: false, tuning });
      for (const q of ['umum', 'banjir', 'langka', 'zebra', 'umum banjir', 'pesan']) {
        for (const [scopeLabel, scope, teamIds] of scopes()) {
          const found = (await search.search({ q, kinds: ['message'], limit: tuning.candidates, scope })).message.map((hit) => hit.id).sort((a, b) => b - a);
          expect(found, `"${q}" for ${scopeLabel}`).toEqual(newestInScope(q, teamIds, tuning.candidates));
        }
      }
    });
  }

  it('answers the same through the default sizes, where the first window holds every row', async () => {
    const search = createSearchIndex(drizzle({ client: pool }), { inTransaction: false, tuning: DEFAULT_SEARCH_TUNING });
    const found = (await search.search({ q: 'banjir', kinds: ['message'], limit: 10, scope: { kind: 'teams', teamIds: [teams[2]!] } })).message.map((hit) => hit.id).sort((a, b) => b - a);
    expect(found).toEqual(newestInScope('banjir', [teams[2]!], 10));
  });
});
