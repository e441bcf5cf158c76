import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Starts the real server (as `npm start` would, minus the build) on loopback with a fresh SQLite file. */
export async function startServer(port: number, extraEnv: Record<string, string> = {}): Promise<{ url: string; adminPassword: string; stop(): Promise<void>; process: ChildProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'keluh-bench-'));
  // Given to the server for its first admin (admin@keluh.test): no password in the source opens anything.
  const adminPassword = randomBytes(18).toString('base64url');
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: `sqlite://${join(dataDir, 'bench.db')}`, SEED_DEMO: '0', LOG_LEVEL: 'warn', ADMIN_PASSWORD: adminPassword, ...extraEnv },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    adminPassword,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
