import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestMessage, MAX_SEARCH_QUERY_LENGTH } from '@keluh/core';
import type { SearchResultsDto } from '@keluh/contracts';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';
import { teamMember, type TeamMember } from '../../testing/team-fixture.ts';

describe('the search box over HTTP', () => {
  let t: TestApp;
  let agent: Record<string, string>;
  let outsider: TeamMember;
  let ticketId: number;

  beforeAll(async () => {
    t = await startTestApp();
    agent = { authorization: `Bearer ${await t.login()}` };
    outsider = await teamMember(t, 'Tim Lain', 'agent', 'search-outsider@keluh.test');
    const { ticket } = await ingestMessage(t.app.services.core, {
      kind: 'message', channel: 'whatsapp', externalMessageId: 'search-http-1', sender: { externalId: '6281299990001', displayName: 'Kartika Sari' },
      body: 'Paketnya belum datang, resi JNE123', sentAt: new Date().toISOString(),
    });
    ticketId = ticket.id;
  });
  afterAll(() => t.close());

  const search = (query: string, headers = agent) => t.app.inject({ method: 'GET', url: `/api/search?${query}`, headers });

  it('an agent finds the customer’s message by another form of its word, and the customer by the start of her name', async () => {
    const response = await search('q=paket');
    expect(response.statusCode).toBe(200);
    const results = response.json<SearchResultsDto>();
    expect(results.message).toEqual([expect.objectContaining({ kind: 'message', ticketId, customerName: 'Kartika Sari', snippet: { text: 'Paketnya belum datang, resi JNE123', highlights: [[0, 8]] } })]);
    const customers = (await search('q=kart&kinds=customer')).json<SearchResultsDto>();
    expect(customers.customer.map((hit) => hit.ticketId)).toEqual([ticketId]);
    expect(customers.message).toEqual([]);
  });

  it('an agent of another team finds nothing of a ticket outside their scope', async () => {
    const results = (await search('q=paket', outsider.headers)).json<SearchResultsDto>();
    expect(results).toEqual({ message: [], customer: [], ticket: [] });
    expect((await search('q=kartika', outsider.headers)).json<SearchResultsDto>().customer).toEqual([]);
  });

  it('refuses an empty, an overlong or a malformed search with a code', async () => {
    for (const [query, code] of [
      ['q=', 'search.query_empty'],
      ['q=%20%3F%21', 'search.query_empty'],
      [`q=${'a'.repeat(MAX_SEARCH_QUERY_LENGTH + 1)}`, 'search.query_too_long'],
      ['q=paket&kinds=invoice', 'validation.failed'],
      ['q=paket&limit=0', 'validation.failed'],
    ] as const) {
      const response = await search(query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code, query).toBe(code);
    }
  });

  it('asks who is searching', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/search?q=paket' })).statusCode).toBe(401);
  });
});
