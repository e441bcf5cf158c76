import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningProcess {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export const BENCH_ADMIN = { email: 'admin@keluh.test', password: 'bench-admin-password' };

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url} exited with ${child.exitCode} before answering`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not come up`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

/** The real server, as `npm start` runs it minus the build, on loopback with a fresh database. */
export async function startKeluh(port: number, options: { databaseUrl?: string; env?: Record<string, string> } = {}): Promise<RunningProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'keluh-bench-'));
  // BENCH_NODE_ARGS=--cpu-prof profiles the server under load (see bench/README.md).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'apps/api/src/server.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl ?? `sqlite://${join(dataDir, 'bench.db')}`,
      MEDIA_DIR: join(dataDir, 'media'),
      SEED_DEMO: '0',
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      ...options.env,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${url}/healthz`, child);
  return { url, process: child, stop: stopper(child) };
}

/** The ceiling process (support/ceiling-server.ts). */
export async function startCeiling(port: number): Promise<RunningProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/ceiling-server.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(port) },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${url}/webhooks/whatsapp`, child);
  return { url, process: child, stop: stopper(child) };
}
