import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { redactDatabaseUrl } from '@keluh/db';
import { createPostgresTestDatabase, testDialect } from '@keluh/db/testing';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs the real server process until it prints its banner; returns what it printed and a way to stop it. */
async function runServer(databaseUrl: string, port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', SEED_DEMO: '1' },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    child.stdout.on('data', () => {
      if (output.includes('Admin')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { output: () => output, stop: () => (child.kill('SIGTERM'), exited) };
}

async function countTickets(url: string): Promise<number> {
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@keluh.test', password: 'keluh-admin-123' }) });
  const { token } = (await login.json()) as { token: string };
  const page = await fetch(`${url}/api/tickets?limit=100`, { headers: { authorization: `Bearer ${token}` } });
  return ((await page.json()) as { items: unknown[] }).items.length;
}

/** Where the server keeps its data: an SQLite file, or a fresh PostgreSQL database when the suite runs on PostgreSQL. */
async function serverDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (testDialect() === 'sqlite') return { url: `sqlite://${join(mkdtempSync(join(tmpdir(), 'keluh-server-')), 'keluh.db')}`, drop: async () => undefined };
  const database = await createPostgresTestDatabase();
  // A password the throwaway server does not ask for (trust on loopback), there to prove the banner hides it.
  const url = new URL(database.url);
  url.password = 'banner-must-not-show-this';
  return { url: url.toString(), drop: database.drop };
}

describe('the server process', () => {
  it('seeds a demo inbox once, prints the URLs and logins, and shuts down cleanly on SIGTERM', async () => {
    const database = await serverDatabase();
    const databaseUrl = database.url;
    const port = 3400 + Math.floor(Math.random() * 500);
    const url = `http://127.0.0.1:${port}`;

    const first = await runServer(databaseUrl, port);
    expect(first.output()).toContain(`Console     http://localhost:${port}/`);
    expect(first.output()).toContain('/demo');
    expect(first.output()).toContain('/docs');
    expect(first.output()).toMatch(/agent1@keluh\.test \/ keluh-agent-123/);
    const seededTickets = await countTickets(url);
    expect(seededTickets).toBeGreaterThanOrEqual(5);
    expect(await first.stop()).toBe(0);

    const second = await runServer(databaseUrl, port);
    expect(second.output()).not.toContain('demo data created');
    expect(await countTickets(url)).toBe(seededTickets);
    expect(await second.stop()).toBe(0);
    expect(first.output()).toContain(`Database    ${redactDatabaseUrl(databaseUrl)}`);
    expect(first.output()).not.toContain('banner-must-not-show-this');
    await database.drop();
  }, 90_000);
});
