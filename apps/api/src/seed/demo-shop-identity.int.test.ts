import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { seedDemoShopCustomer } from './demo-shop-identity.ts';

/** The demo shop's signed-in page (docs/customers.md, web chat): the shop's server signs its customer. */
describe('the demo shop as its signed-in customer', () => {
  let root: string;
  const apps: TestApp[] = [];
  const start = async (seedDemo: boolean) => {
    const t = await startTestApp({ config: { SEED_DEMO: seedDemo }, staticRoots: { console: join(root, 'console'), widget: join(root, 'widget') } });
    apps.push(t);
    return t;
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'keluh-demo-shop-'));
    for (const dir of ['console', 'widget/app', 'widget/demo']) mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, 'widget/widget.js'), '/* loader */');
    writeFileSync(join(root, 'widget/demo/index.html'), '<html><body><script src="/widget.js" data-lang="id" async></script></body></html>');
  });
  afterAll(async () => {
    for (const t of apps) await t.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('renders a signed identity into the widget tag that opens the seeded customer’s verified chat', async () => {
    const t = await start(true);
    await seedDemoShopCustomer(t.db, new Date().toISOString());
    const page = await fetch(`${t.url}/demo/signed-in`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const identity = /data-identity="([^"]+)"/.exec(await page.text())?.[1];
    expect(identity).toMatch(/^[A-Za-z0-9_-]+\.[0-9a-f]{64}$/);
    const session = await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: { identity } });
    expect(session.statusCode).toBe(200);
    const webchat = await t.db.identities.findByExternalId('webchat', session.json().visitorId);
    expect(webchat).toMatchObject({ verified: true, phone: '+6281234567899' });
    const identities = await t.db.identities.listForCustomer(webchat!.customerId);
    expect(identities.map((i) => i.channel).sort()).toEqual(['webchat', 'whatsapp']);
  });

  it('does not exist without the demo seed: a real install signs nobody in', async () => {
    const t = await start(false);
    expect((await fetch(`${t.url}/demo/signed-in`, { headers: { accept: 'application/json' } })).status).toBe(404);
  });
});
