import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '@keluh/db/testing';
import type { Database } from '@keluh/core';
import { buildApp } from '../app.ts';
import { testConfig, type Config } from '../config/config.ts';
import { scryptHasher } from './password-hasher.ts';

/** Built-looking console and widget folders, so the real static serving and deep-link fallback answer. */
function staticRoots() {
  const root = mkdtempSync(join(tmpdir(), 'keluh-static-'));
  const consoleDir = join(root, 'console');
  const widgetDir = join(root, 'widget');
  for (const dir of [consoleDir, join(widgetDir, 'app'), join(widgetDir, 'demo')]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(consoleDir, 'index.html'), '<!doctype html><title>Keluh</title><script type="module" src="/assets/index.js"></script>');
  writeFileSync(join(widgetDir, 'widget.js'), 'console.log("widget")');
  writeFileSync(join(widgetDir, 'app', 'index.html'), '<!doctype html><title>Chat</title>');
  writeFileSync(join(widgetDir, 'demo', 'index.html'), '<!doctype html><title>Toko</title>');
  return { console: consoleDir, widget: widgetDir };
}

async function appWith(config: Partial<Config> = {}): Promise<{ app: FastifyInstance; db: Database }> {
  const db = await openTestDatabase();
  const app = await buildApp({ config: testConfig(config), db, staticRoots: staticRoots() });
  return { app, db };
}

/** The CSP as directive → values, so tests read like the policy. */
function csp(header: unknown): Record<string, string[]> {
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

const page = { accept: 'text/html,application/xhtml+xml' };

describe('security headers on each surface', () => {
  let app: FastifyInstance;
  let db: Database;
  beforeAll(async () => {
    ({ app, db } = await appWith());
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('the console, and a deep link answered by its index, run only our own scripts and cannot be framed', async () => {
    for (const url of ['/', '/inbox/all/42?status=open']) {
      const response = await app.inject({ method: 'GET', url, headers: page });
      expect(response.statusCode, url).toBe(200);
      expect(response.body).toContain('<title>Keluh</title>');
      const policy = csp(response.headers['content-security-policy']);
      expect(policy['script-src'], url).toEqual(["'self'"]);
      expect(policy['style-src'], url).toEqual(["'self'"]);
      expect(policy['default-src']).toEqual(["'self'"]);
      expect(policy['object-src']).toEqual(["'none'"]);
      expect(policy['frame-ancestors']).toEqual(["'none'"]);
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('API answers render nothing and embed nowhere', async () => {
    for (const url of ['/api/auth/me', '/healthz', '/api/nothing-here']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.headers['content-type'], url).toMatch(/application\/json/);
      expect(csp(response.headers['content-security-policy'])).toEqual({ 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] });
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('the API documentation runs Swagger UI from our files and cannot be framed', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger-ui-bundle.js');
    const policy = csp(response.headers['content-security-policy']);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(response.headers['x-frame-options']).toBe('DENY');
    const asset = await app.inject({ method: 'GET', url: '/docs/static/swagger-ui-bundle.js' });
    expect(csp(asset.headers['content-security-policy'])['frame-ancestors']).toEqual(["'none'"]);
  });

  it('the widget script, the widget iframe and the demo shop can be embedded by any site by default', async () => {
    for (const url of ['/widget.js', '/widget/', '/demo', '/demo/']) {
      const response = await app.inject({ method: 'GET', url, headers: page });
      expect(response.statusCode, url).toBe(200);
      expect(csp(response.headers['content-security-policy'])['frame-ancestors'], url).toEqual(['*']);
      expect(response.headers['x-frame-options'], url).toBeUndefined();
    }
    // Other sites' pages load widget.js as a script.
    expect((await app.inject({ method: 'GET', url: '/widget.js' })).headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('the widget iframe runs only our own scripts; only the demo shop allows inline styles', async () => {
    const widget = csp((await app.inject({ method: 'GET', url: '/widget/' })).headers['content-security-policy']);
    expect(widget['script-src']).toEqual(["'self'"]);
    expect(widget['style-src']).toEqual(["'self'"]);
    const demo = csp((await app.inject({ method: 'GET', url: '/demo' })).headers['content-security-policy']);
    expect(demo['script-src']).toEqual(["'self'"]);
    expect(demo['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(demo['frame-src']).toEqual(["'self'"]);
  });

  it('an unknown page under /widget/ is a 404, never the console made embeddable', async () => {
    const response = await app.inject({ method: 'GET', url: '/widget/inbox/all', headers: page });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('<title>Keluh</title>');
  });

  it('sends no HSTS over plain http, and ignores X-Forwarded-Proto from a proxy it was not told to trust', async () => {
    expect((await app.inject({ method: 'GET', url: '/' })).headers['strict-transport-security']).toBeUndefined();
    const forged = await app.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(forged.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('headers behind a TLS-terminating proxy (TRUST_PROXY)', () => {
  let app: FastifyInstance;
  let db: Database;
  beforeAll(async () => {
    ({ app, db } = await appWith({ TRUST_PROXY: ['loopback'], WIDGET_ORIGINS: ['https://shop.example', 'https://toko.example'] }));
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('sends HSTS on every surface when the proxy says the request came over https', async () => {
    for (const url of ['/', '/api/auth/me', '/docs/', '/widget.js', '/demo']) {
      const response = await app.inject({ method: 'GET', url, headers: { ...page, 'x-forwarded-proto': 'https' } });
      expect(response.headers['strict-transport-security'], url).toBe('max-age=15552000');
    }
    expect((await app.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'http' } })).headers['strict-transport-security']).toBeUndefined();
  });

  it('marks the session cookie Secure when the proxy says https', async () => {
    await db.users.create({ email: 'tls@keluh.test', name: 'TLS', role: 'agent', passwordHash: await scryptHasher.hash('tls-password-1') }, new Date().toISOString());
    const login = (proto: string) =>
      app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': proto }, payload: { email: 'tls@keluh.test', password: 'tls-password-1' } });
    const overTls = await login('https');
    expect(overTls.statusCode).toBe(200);
    expect(overTls.cookies.find((c) => c.name === 'keluh_session')?.secure).toBe(true);
    expect((await login('http')).cookies.find((c) => c.name === 'keluh_session')?.secure).toBeUndefined();
  });

  it('lets only the sites in WIDGET_ORIGINS (and our own pages) embed the widget and the demo', async () => {
    for (const url of ['/widget.js', '/widget/', '/demo']) {
      const response = await app.inject({ method: 'GET', url });
      expect(csp(response.headers['content-security-policy'])['frame-ancestors'], url).toEqual(["'self'", 'https://shop.example', 'https://toko.example']);
    }
    expect(csp((await app.inject({ method: 'GET', url: '/', headers: page })).headers['content-security-policy'])['frame-ancestors']).toEqual(["'none'"]);
  });
});
