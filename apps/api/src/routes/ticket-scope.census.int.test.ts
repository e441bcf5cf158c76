import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventory, routeKey, type AppRoute } from '../fuzz/route-inventory.ts';
import { exampleBodies } from '../fuzz/fuzz-examples.ts';
import type { FuzzWorld } from '../fuzz/fuzz-world.ts';
import { ingestMessage } from '@keluh/core';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { inboundTicket, teamMember, type TeamMember } from '../testing/team-fixture.ts';

/**
 * Routes with a parameter in their path that names no ticket, nor anything of one: listed, so a route added
 * later must be classified here or be one of a ticket. Media is addressed by the SHA-256 of its bytes, which
 * only a message of the ticket hands out; it is not scoped by team (yet).
 */
const NOT_OF_A_TICKET = new Set([
  '/api/phrases/:id',
  '/api/api-channels/:id',
  '/api/api-channels/:id/rotate-secret',
  '/webhooks/api/:channelId',
  '/api/widget/visitors/:visitorId/sessions',
  '/api/workflow/categories/:key',
  '/api/channels/:kind',
  '/api/media/:sha256',
  '/api/admin/users/:id/role',
  '/api/admin/users/:id/teams',
  '/api/admin/users/:id/capacities',
  '/api/admin/users/:id/deactivate',
  '/api/admin/teams/:id',
  '/api/admin/teams/:id/members',
  '/api/sla/policies/:id',
  '/api/sla/teams/:teamId/calendar',
  '/api/sla/holiday-lists/:id',
  '/api/reports/:report',
  '/api/reports/:report/export.csv',
  // A customer (or a merge of two) is seen through their tickets: the use cases answer 404
  // customer.not_found for one none of whose tickets the user may see (customer-merges.int.test.ts).
  '/api/customers/:id/history',
  '/api/customers/:id/merge',
  '/api/customer-merges/:id/undo',
  '/api/customer-attributes/:key',
]);

/**
 * Routes of a customer: a customer is seen through their tickets, so these answer 404 `customer.not_found`
 * outside the scope (customers/customer-scope.ts; proven in routes/customers/customers.int.test.ts).
 */
const OF_A_CUSTOMER = new Set(['/api/customers/:id', '/api/customers/:id/profile', '/api/customers/:id/notes']);

describe("an agent of another team finds none of a ticket's routes", () => {
  let t: TestApp;
  let routes: AppRoute[];
  let agentB: TeamMember;
  let supervisorB: TeamMember;
  let ids: { ticket: number; promise: number; review: number; recoveryTask: number; suggestion: number; move: number };

  beforeAll(async () => {
    t = await startTestApp();
    const admin = { authorization: `Bearer ${await t.loginAdmin()}` };
    agentB = await teamMember(t, 'Penjualan', 'agent', 'maya@keluh.test');
    supervisorB = await teamMember(t, 'Penjualan', 'supervisor', 'sari@keluh.test');
    // Team A's ticket (the default team, by ingest) with one of everything a route can address.
    const ticket = await inboundTicket(t, 'census-customer');
    // A number the census customer types that a WhatsApp customer is known by: a suggestion on the ticket.
    await ingestMessage(t.app.services.core, { kind: 'message', channel: 'whatsapp', externalMessageId: 'census-wa', sender: { externalId: '6281299990000', phone: '6281299990000', verified: true }, body: 'Halo', sentAt: new Date().toISOString() });
    await inboundTicket(t, 'census-customer', 'Nomor WA saya 0812 9999 0000');
    const [suggestion] = await t.db.customerSuggestions.listPendingForTicket(ticket);
    const promise = await t.app.inject({ method: 'POST', url: `/api/tickets/${ticket}/promises`, headers: admin, payload: { text: 'Dikirim ulang besok', dueAt: new Date(Date.now() + 86_400_000).toISOString() } });
    const review = await t.app.inject({ method: 'POST', url: `/api/tickets/${ticket}/reviews`, headers: admin });
    const reviewId = review.json<{ id: number }>().id;
    expect((await t.app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/answer`, headers: admin, payload: { score: 1 } })).statusCode).toBe(200);
    const [task] = (await t.db.recoveryTasks.list({ limit: 10 })).filter((candidate) => candidate.ticketId === ticket);
    // A split of another team A ticket: the move is seen through its ticket.
    const splitFrom = await inboundTicket(t, 'census-split', 'Paket belum sampai');
    await inboundTicket(t, 'census-split', 'Dan refund saya?');
    const [, second] = await t.db.messages.listForTicket(splitFrom);
    const split = await t.app.inject({ method: 'POST', url: `/api/tickets/${splitFrom}/split`, headers: admin, payload: { messageIds: [second!.id] } });
    ids = { ticket, promise: promise.json<{ id: number }>().id, review: reviewId, recoveryTask: task!.id, suggestion: suggestion!.id, move: split.json<{ move: { id: number } }>().move.id };
    routes = (await inventory(t.app)).filter((route) => route.method !== 'HEAD');
  });
  afterAll(() => t.close());

  /** The id of team A's resource a route's path takes, or null for routes of no ticket. */
  const idFor = (route: AppRoute): number | null => {
    if (route.path.startsWith('/api/tickets/:id')) return ids.ticket;
    if (route.path.startsWith('/api/promises/:id')) return ids.promise;
    if (route.path.startsWith('/api/reviews/:id') || route.path.startsWith('/api/testimonials/:reviewId')) return ids.review;
    if (route.path.startsWith('/api/recovery-tasks/:id')) return ids.recoveryTask;
    if (route.path.startsWith('/api/suggestions/:id')) return ids.suggestion;
    if (route.path.startsWith('/api/ticket-moves/:id')) return ids.move;
    return null;
  };
  const ticketRoutes = () => routes.filter((route) => idFor(route) !== null);

  it('knows every route with an id: of a ticket, or listed as of none', () => {
    const unclassified = routes.filter((route) => route.params.some((param) => param !== '*') && idFor(route) === null && !NOT_OF_A_TICKET.has(route.path) && !OF_A_CUSTOMER.has(route.path)).map((r) => routeKey(r.method, r.path));
    expect(unclassified).toEqual([]);
    expect(ticketRoutes().length).toBeGreaterThanOrEqual(19);
    // Every one of them is guarded by the one preHandler, which recorded it.
    const guarded = new Set(t.app.ticketGuardedRoutes.map((route) => routeKey(route.method, route.url)));
    expect(ticketRoutes().map((r) => routeKey(r.method, r.path)).filter((key) => !guarded.has(key))).toEqual([]);
  });

  const send = (route: AppRoute, caller: TeamMember) => {
    const url = route.path.replace(/:id|:reviewId/, String(idFor(route))).replace(':key', 'order_number');
    const body = exampleBodies(route)?.[0]?.({ t } as unknown as FuzzWorld);
    return t.app.inject({ method: route.method as 'GET', url, headers: caller.headers, ...(body === undefined ? {} : { payload: body as Record<string, unknown> }) });
  };
  /** Routes that need a supervisor permission are called by team B's supervisor, so the permission check passes and scope is what refuses. */
  const callerOf = (route: AppRoute) => (t.app.accessDeclarations.find((d) => d.method === route.method && d.url === route.path)?.permission ? supervisorB : agentB);

  it("answers 404 ticket.not_found on every route of team A's ticket, and changes nothing", async () => {
    // The review question's delivery settles first: the worker changing its status is not the agent's doing.
    await t.app.services.outbox.settled();
    const before = { ticket: await t.db.tickets.findById(ids.ticket), messages: await t.db.messages.listForTicket(ids.ticket), notes: await t.db.notes.listForTicket(ids.ticket) };
    for (const route of ticketRoutes()) {
      const response = await send(route, callerOf(route));
      const label = `${route.method} ${route.path} as ${callerOf(route).email}`;
      expect(response.statusCode, label).toBe(404);
      expect(response.json<{ error: { code: string } }>().error.code, label).toBe('ticket.not_found');
    }
    expect(await t.db.tickets.findById(ids.ticket)).toEqual(before.ticket);
    expect(await t.db.messages.listForTicket(ids.ticket)).toEqual(before.messages);
    expect(await t.db.notes.listForTicket(ids.ticket)).toEqual(before.notes);
    expect((await t.db.promises.findById(ids.promise))?.state).toBe('open');
    expect((await t.db.recoveryTasks.findById(ids.recoveryTask))?.state).toBe('open');
    expect((await t.db.ticketMoves.findById(ids.move))?.undoneAt).toBeNull();
  });

  it("answers 404 customer.not_found on every route of team A's customer, and changes nothing", async () => {
    const customerId = (await t.db.tickets.findById(ids.ticket))!.customerId;
    const before = await t.db.customers.findById(customerId);
    const customerRoutes = routes.filter((route) => OF_A_CUSTOMER.has(route.path));
    expect(customerRoutes.length).toBeGreaterThanOrEqual(3);
    for (const route of customerRoutes) {
      const body = exampleBodies(route)?.[0]?.({ t } as unknown as FuzzWorld);
      const response = await t.app.inject({ method: route.method as 'GET', url: route.path.replace(':id', String(customerId)), headers: agentB.headers, ...(body === undefined ? {} : { payload: body as Record<string, unknown> }) });
      expect([response.statusCode, response.json<{ error: { code: string } }>().error.code], `${route.method} ${route.path}`).toEqual([404, 'customer.not_found']);
    }
    expect(await t.db.customers.findById(customerId)).toEqual(before);
    expect(await t.db.customerProfiles.listNotes(customerId)).toEqual([]);
  });

  it("lets team A's agent read the same ticket, so the refusal is scope and not the request", async () => {
    const agentA = { id: t.agentId, email: 'agent@keluh.test', token: '', headers: { authorization: `Bearer ${await t.login()}` } };
    for (const route of ticketRoutes().filter((r) => r.method === 'GET')) {
      expect((await send(route, agentA)).statusCode, `${route.method} ${route.path}`).toBe(200);
    }
  });

  it("leaves team A's ticket out of team B's lists (tickets, recovery tasks) and in team A's", async () => {
    const listed = async (headers: Record<string, string>) => (await t.app.inject({ method: 'GET', url: '/api/tickets?limit=100', headers })).json<{ items: { id: number }[] }>().items.map((item) => item.id);
    expect(await listed(agentB.headers)).not.toContain(ids.ticket);
    expect(await listed(supervisorB.headers)).not.toContain(ids.ticket);
    expect(await listed({ authorization: `Bearer ${await t.login()}` })).toContain(ids.ticket);
    const tasks = async (headers: Record<string, string>) => (await t.app.inject({ method: 'GET', url: '/api/recovery-tasks', headers })).json<{ items: { id: number }[] }>().items.map((task) => task.id);
    expect(await tasks({ authorization: `Bearer ${await t.loginAdmin()}` })).toContain(ids.recoveryTask);
    expect(await tasks(supervisorB.headers)).not.toContain(ids.recoveryTask);
  });
});
