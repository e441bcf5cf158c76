import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redactDatabaseUrl } from '@keluh/db';
import { createPostgresTestDatabase, testDialect } from '@keluh/db/testing';
import { freshDataDir, printedLogins, repoRoot, signIn, startServerProcess } from './testing/server-process.ts';

/** The server's database: SQLite in its data folder, or a fresh PostgreSQL database when the suite runs on it. */
async function serverDatabase(): Promise<{ env: Record<string, string>; url: string | null; drop(): Promise<void> }> {
  if (testDialect() === 'sqlite') return { env: {}, url: null, drop: async () => undefined };
  const database = await createPostgresTestDatabase();
  // A password the throwaway server does not ask for (trust on loopback), there to prove the banner hides it.
  const url = new URL(database.url);
  url.password = 'banner-must-not-show-this';
  return { env: { DATABASE_URL: url.toString() }, url: url.toString(), drop: database.drop };
}

async function countTickets(url: string, token: string): Promise<number> {
  const page = await fetch(`${url}/api/tickets?limit=100`, { headers: { authorization: `Bearer ${token}` } });
  return ((await page.json()) as { items: unknown[] }).items.length;
}

describe('the server process', () => {
  it('seeds a demo inbox once, prints the URLs and logins, and shuts down cleanly on SIGTERM', async () => {
    const database = await serverDatabase();
    const env = { DATA_DIR: freshDataDir(), SEED_DEMO: '1', ...database.env };

    const first = await startServerProcess(env);
    expect(first.output()).toMatch(/Console {5}http:\/\/localhost:\d+\//);
    expect(first.output()).toContain('/demo');
    expect(first.output()).toContain('/docs');
    expect(first.output()).toContain('demo data created');
    const logins = printedLogins(first.output());
    expect([...logins.keys()].sort()).toEqual(['admin@keluh.test', 'agent1@keluh.test', 'agent2@keluh.test', 'supervisor@keluh.test']);
    const token = await signIn(first.url, 'admin@keluh.test', logins.get('admin@keluh.test')!);
    const seededTickets = await countTickets(first.url, token!);
    expect(seededTickets).toBeGreaterThanOrEqual(5);
    expect(await first.stop()).toBe(0);

    const second = await startServerProcess(env);
    expect(second.output()).not.toContain('demo data created');
    expect(await countTickets(second.url, (await signIn(second.url, 'admin@keluh.test', logins.get('admin@keluh.test')!))!)).toBe(seededTickets);
    expect(await second.stop()).toBe(0);
    if (database.url) {
      expect(first.output()).toContain(`Database    ${redactDatabaseUrl(database.url)}`);
      expect(first.output()).not.toContain('banner-must-not-show-this');
    }
    await database.drop();
  }, 90_000);

  it('the first start prints generated passwords that work, a second start prints none, and the old fixed ones work nowhere', async () => {
    const env = { DATA_DIR: freshDataDir(), SEED_DEMO: '1' };
    const first = await startServerProcess(env);
    const logins = printedLogins(first.output());
    expect(logins.size).toBe(4);
    // Each person gets their own generated password.
    expect(new Set(logins.values()).size).toBe(4);
    for (const [email, password] of logins) expect(await signIn(first.url, email, password), email).not.toBeNull();
    // What earlier versions of the README and seed documented must not open anything any more.
    expect(await signIn(first.url, 'admin@keluh.test', 'keluh-admin-123')).toBeNull();
    expect(await signIn(first.url, 'agent1@keluh.test', 'keluh-agent-123')).toBeNull();
    expect(await first.stop()).toBe(0);

    const second = await startServerProcess(env);
    for (const password of logins.values()) expect(second.output()).not.toContain(password);
    expect(second.output()).toMatch(/Admin {7}admin@keluh\.test {3}\(its password was printed at the first start/);
    expect(await signIn(second.url, 'admin@keluh.test', logins.get('admin@keluh.test')!)).not.toBeNull();
    expect(await second.stop()).toBe(0);
    // Only the hash is kept: the password is nowhere in the data folder.
    const db = readFileSync(join(env.DATA_DIR, 'keluh.db'));
    for (const password of logins.values()) expect(db.includes(password)).toBe(false);
  }, 90_000);

  it('with ADMIN_PASSWORD and DEMO_PASSWORD set, those work and are never printed', async () => {
    const adminPassword = `admin-${Math.random().toString(36).slice(2)}`;
    const demoPassword = `demo-${Math.random().toString(36).slice(2)}`;
    const server = await startServerProcess({ DATA_DIR: freshDataDir(), SEED_DEMO: '1', ADMIN_PASSWORD: adminPassword, DEMO_PASSWORD: demoPassword });
    expect(server.output()).not.toContain(adminPassword);
    expect(server.output()).not.toContain(demoPassword);
    expect(server.output()).toContain('admin@keluh.test / (ADMIN_PASSWORD)');
    expect(server.output()).toContain('agent1@keluh.test / (DEMO_PASSWORD)');
    expect(printedLogins(server.output()).size).toBe(0);
    expect(await signIn(server.url, 'admin@keluh.test', adminPassword)).not.toBeNull();
    expect(await signIn(server.url, 'agent1@keluh.test', demoPassword)).not.toBeNull();
    expect(await server.stop()).toBe(0);
  }, 60_000);

  it('the default configuration in the source holds no password', () => {
    const config = readFileSync(join(repoRoot, 'apps/api/src/config/config.ts'), 'utf8');
    const demo = readFileSync(join(repoRoot, 'apps/api/src/seed/demo-content.ts'), 'utf8');
    for (const source of [config, demo]) expect(source).not.toMatch(/keluh-(admin|agent)-123|PASSWORD[^\n]*\.default\(/);
  });
});
