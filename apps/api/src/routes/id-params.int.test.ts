import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

/** Each would address row 1 (or 16, 1000) under z.coerce.number; only `1` itself may. */
const NON_CANONICAL: [string, string][] = [
  ['hexadecimal', '0x1'],
  ['exponent notation', '1e0'],
  ['a leading space', '%201'],
  ['a trailing space', '1%20'],
  ['a leading zero', '01'],
  ['a decimal point', '1.0'],
  ['a plus sign', '%2B1'],
  ['a minus sign', '-1'],
  ['zero', '0'],
  ['a number past 2^53', '9007199254740993'],
  ['a huge number', '99999999999999999999'],
];

interface Operation {
  method: string;
  path: string;
  param: string;
}

describe('ids in paths and queries', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  let operations: Operation[];

  beforeAll(async () => {
    t = await startTestApp();
    const now = new Date().toISOString();
    headers = { authorization: `Bearer ${await t.loginAdmin()}` };
    // Row 1 exists for every resource, so a spelling that coerced to 1 would reach a real record.
    const customer = await t.db.customers.create({ name: 'Sari' }, now);
    await t.db.tickets.createActiveIfAbsent({ customerId: customer.id, subject: 'Paket', channel: 'webchat' }, now);
    await t.db.apiChannels.create({ name: 'Bridge', secret: 'x'.repeat(40), webhookUrl: 'http://127.0.0.1:9/' }, now);
    // Team 1 is the default team every install has.
    await t.db.slaPolicies.create({ priority: 'normal', firstResponseSeconds: 60, nextResponseSeconds: null, resolutionSeconds: null, businessHours: false }, now);

    // Every documented route with a numeric id in its path: a route added later is covered automatically.
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
    }>();
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).flatMap(([method, operation]) =>
        (operation.parameters ?? [])
          .filter((parameter) => parameter.in === 'path' && /^(id|\w+Id)$/.test(parameter.name))
          .map((parameter) => ({ method: method.toUpperCase(), path, param: parameter.name })),
      ),
    );
  });
  afterAll(() => t.close());

  const send = (operation: Operation, id: string) => {
    const withBody = operation.method === 'POST' || operation.method === 'PATCH';
    return t.app.inject({
      method: operation.method as 'GET',
      url: operation.path.replace(`{${operation.param}}`, id),
      headers: withBody ? { ...headers, 'content-type': 'application/json' } : headers,
      ...(withBody ? { payload: '{}' } : {}),
    });
  };

  it('finds every id route of the API in the OpenAPI document', () => {
    expect(operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual([
      'DELETE /api/api-channels/{id}',
      'DELETE /api/phrases/{id}',
      'DELETE /api/sla/policies/{id}',
      'DELETE /api/tickets/{id}/facts/{key}',
      'DELETE /api/widget/visitors/{visitorId}/sessions',
      'GET /api/customers/{id}/history',
      'GET /api/customers/{id}/profile',
      'GET /api/sla/teams/{teamId}/calendar',
      'GET /api/tickets/{id}',
      'GET /api/tickets/{id}/merge-targets',
      'GET /api/tickets/{id}/moves',
      'GET /api/tickets/{id}/promise-suggestion',
      'GET /api/tickets/{id}/similar-cases',
      'GET /api/tickets/{id}/sla',
      'GET /api/tickets/{id}/story',
      'GET /api/tickets/{id}/suggestions',
      'GET /api/tickets/{id}/workflow',
      'PATCH /api/admin/teams/{id}',
      'PATCH /api/api-channels/{id}',
      'PATCH /api/customers/{id}',
      'PATCH /api/promises/{id}',
      'PATCH /api/testimonials/{reviewId}',
      'PATCH /api/tickets/{id}',
      'PATCH /api/tickets/{id}/workflow',
      'POST /api/admin/users/{id}/deactivate',
      'POST /api/api-channels/{id}/rotate-secret',
      'POST /api/customer-merges/{id}/undo',
      'POST /api/customers/{id}/merge',
      'POST /api/customers/{id}/notes',
      'POST /api/recovery-tasks/{id}/close',
      'POST /api/reviews/{id}/answer',
      'POST /api/suggestions/{id}/confirm',
      'POST /api/suggestions/{id}/reject',
      'POST /api/ticket-moves/{id}/undo',
      'POST /api/tickets/{id}/merge',
      'POST /api/tickets/{id}/messages',
      'POST /api/tickets/{id}/notes',
      'POST /api/tickets/{id}/promises',
      'POST /api/tickets/{id}/read',
      'POST /api/tickets/{id}/reviews',
      'POST /api/tickets/{id}/split',
      'POST /api/tickets/{id}/workflow/transitions',
      'POST /webhooks/api/{channelId}',
      'PUT /api/admin/teams/{id}/members',
      'PUT /api/admin/users/{id}/capacities',
      'PUT /api/admin/users/{id}/role',
      'PUT /api/admin/users/{id}/teams',
      'PUT /api/phrases/{id}',
      'PUT /api/sla/holiday-lists/{id}',
      'PUT /api/sla/policies/{id}',
      'PUT /api/sla/teams/{teamId}/calendar',
      'PUT /api/tickets/{id}/facts/{key}',
      'PUT /api/tickets/{id}/workflow/complaint',
    ]);
  });

  it.each(NON_CANONICAL)('refuses %s (%s) on every id route with 400 validation.failed, before anything runs', async (_label, id) => {
    for (const operation of operations) {
      const response = await send(operation, id);
      const label = `${operation.method} ${operation.path} with ${id}`;
      expect(response.statusCode, label).toBe(400);
      const error = response.json<{ error: { code: string; details?: { issues?: { path: string }[] } } }>().error;
      expect(error.code, label).toBe('validation.failed');
      expect(error.details?.issues?.[0]?.path, label).toBe(`params.${operation.param}`);
    }
    // Nothing was changed through a look-alike id: the channel still exists with its secret, the ticket is unread.
    expect((await t.db.apiChannels.findById(1))?.secret).toBe('x'.repeat(40));
    expect(await t.db.messages.listForTicket(1)).toHaveLength(0);
  });

  it('lets the canonical spelling through to the handler', async () => {
    for (const operation of operations.filter((o) => o.method === 'GET')) {
      expect((await send(operation, '1')).statusCode).toBe(200);
    }
    const response = await send(operations.find((o) => o.path === '/webhooks/api/{channelId}')!, '1');
    expect(response.json<{ error: { code: string } }>().error.code).toBe('webhook.invalid_signature');
  });

  it.each([
    ['assigneeId', '0x1'],
    ['assigneeId', '01'],
    ['assigneeId', '1e0'],
    ['limit', '1e1'],
    ['limit', '0x10'],
    ['limit', '%2010'],
  ])('refuses a non-canonical %s=%s in the ticket list query', async (name, value) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/tickets?${name}=${value}`, headers });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'validation.failed', details: { issues: [{ path: `querystring.${name}` }] } });
    expect((await t.app.inject({ method: 'GET', url: `/api/tickets?${name}=${name === 'limit' ? '10' : '1'}`, headers })).statusCode).toBe(200);
  });
});
