import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can } from '@keluh/core';
import { routesOf } from '../fuzz/route-inventory.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

/** Any value fills a path parameter: access is decided before parameters or bodies are validated. */
const concrete = (url: string) => url.replace(/:\w+/g, '1').replace(/\*$/, 'x');

describe('one authorisation layer', () => {
  let t: TestApp;
  let agent: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    agent = { authorization: `Bearer ${await t.login()}` };
  });
  afterAll(() => t.close());

  it('the routes that declare a permission agents lack are the admin and supervisor surfaces, and an agent is refused each with auth.forbidden', async () => {
    // `customers.merge` is every role's (docs/customers.md): those routes are the agent's own work.
    const declared = t.app.accessDeclarations.filter((route) => route.permission !== null && route.method !== 'HEAD' && !can({ role: 'agent' }, route.permission));
    expect(t.app.accessDeclarations.filter((route) => route.permission === 'customers.merge').map((route) => `${route.method} ${route.url}`).sort()).toEqual([
      'POST /api/customer-merges/:id/undo',
      'POST /api/customers/:id/merge',
      'POST /api/suggestions/:id/confirm',
      'POST /api/suggestions/:id/reject',
    ]);
    expect(declared.map((route) => `${route.method} ${route.url} ${route.permission}`)).toEqual(
      expect.arrayContaining([
        'PUT /api/channels/:kind channels.configure',
        'POST /api/channels/instagram/subscribe channels.configure',
        'GET /api/api-channels channels.configure',
        'DELETE /api/widget/visitors/:visitorId/sessions visitors.revoke',
        'PUT /api/workflow/categories/:key workflow.configure',
        'PUT /api/workflow/settings workflow.configure',
        'GET /api/workflow/stuck workflow.supervise',
      ]),
    );
    for (const route of declared) {
      const response = await t.app.inject({ method: route.method as 'GET', url: concrete(route.url), headers: agent, payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {} });
      expect({ route: `${route.method} ${route.url}`, status: response.statusCode, code: response.json().error?.code }).toEqual({ route: `${route.method} ${route.url}`, status: 403, code: 'auth.forbidden' });
    }
  });

  it('every route under /api is either declared public or refuses a request without a staff session', async () => {
    const publicRoutes = new Set(t.app.accessDeclarations.filter((route) => route.public).map((route) => `${route.method} ${route.url.replace(/\/$/, '')}`));
    const routes = routesOf(t.app).filter((route) => route.path.startsWith('/api/') && !publicRoutes.has(`${route.method} ${route.path.replace(/\/$/, '')}`));
    expect(routes.length).toBeGreaterThan(30);
    const open: string[] = [];
    for (const route of routes) {
      const response = await t.app.inject({ method: route.method as 'GET', url: concrete(route.path), payload: ['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(route.method) ? undefined : {} });
      if (response.statusCode !== 401) open.push(`${route.method} ${route.path} → ${response.statusCode}`);
    }
    expect(open).toEqual([]);
  });
});
