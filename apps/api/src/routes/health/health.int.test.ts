import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

describe('operating the service', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports healthy once the database answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok' });
  });

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    for (const path of ['/api/auth/login', '/api/tickets/', '/api/tickets/{id}', '/api/tickets/{id}/messages', '/api/widget/sessions']) {
      expect(Object.keys(document.paths), path).toContain(path);
    }
    expect(document.paths['/api/tickets/{id}/messages'].post.requestBody.content['application/json'].schema.properties.body).toBeDefined();
  });

  it("lets other sites load the widget script, which helmet's default would forbid", async () => {
    // Framing and CSP differ per surface: security/surface-headers.int.test.ts.
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('answers an unknown API path with a coded 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('route.not_found');
  });
});
