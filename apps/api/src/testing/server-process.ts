import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the server, the CLIs and the scanned sources are found from here. */
export const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));

/** What this machine's shell may have set that would change a first start under test. */
const INHERITED = /^(PORT|HOST|PUBLIC_URL|DATA_DIR|DATABASE_URL|REDIS_URL|OUTBOX_\w+|MEDIA_DIR|SECRET_KEY|NEW_SECRET_KEY|SESSION_SECRET|ADMIN_\w+|DEMO_\w+|SEED_DEMO|META_SIM_\w+|KELUH_\w+|GRAPH_API_BASE_URL|WHATSAPP_\w+|INSTAGRAM_\w+|LOG_LEVEL|REDIS_\w+|PRESENCE_TTL)$/;

export function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && !INHERITED.test(name)) env[name] = value;
  return { ...env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', ...extra };
}

/** A temporary folder that does not exist yet, so the server is the one creating it. */
export function freshDataDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'keluh-start-')), 'data');
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ServerProcess {
  /** From the banner's Console line (servers only). */
  url: string;
  pid: number;
  output(): string;
  /** Resolves once the output matches (the in-process sim logs after the banner). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** SIGTERM: a clean shutdown; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: the process dies where it stands (no shutdown hook runs); resolves once it has exited. */
  kill(): Promise<void>;
}

/** The real server process (as `npm start` runs it) until its banner (start-banner.ts) is out, to its last line. */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  return startProcess(['apps/api/src/server.ts'], env, /Stop it with Ctrl-C\./);
}

/** A long-running script of this repository (tsx), once its output matches `ready`. */
export async function startProcess(args: string[], env: Record<string, string>, ready: RegExp): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: repoRoot, env: cleanEnv(env) });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running = () => child.exitCode === null && child.signalCode === null;
  const waitFor = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(output)) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => (cleanup(), reject(new Error(`no ${pattern} in the server's output:\n${output}`))), timeoutMs);
      const onExit = (code: number | null) => (cleanup(), reject(new Error(`server exited with ${code} before ${pattern}:\n${output}`)));
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(check);
        child.off('exit', onExit);
      };
      listeners.add(check);
      child.once('exit', onExit);
      check();
    });
  try {
    await waitFor(ready);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const port = /Console {5}http:\/\/localhost:(\d+)\//.exec(output)?.[1];
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => output,
    waitFor,
    stop: () => (running() ? (child.kill('SIGTERM'), exited) : exited),
    kill: async () => {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A process expected to end by itself (a refused start, a CLI): its exit code and everything it printed. */
export function runToExit(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: repoRoot, env: cleanEnv(env) });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`${args.join(' ')} did not exit:\n${output}`))), timeoutMs);
    child.once('exit', (code) => (clearTimeout(timer), resolve({ code, output })));
  });
}

/** The logins a first start printed: email → password (only the generated ones). */
export function printedLogins(output: string): Map<string, string> {
  const logins = new Map<string, string>();
  for (const match of output.matchAll(/^ {2}(?:Admin|admin|supervisor|agent) +(\S+@\S+) \/ (\S+)$/gm)) {
    if (!match[2]!.startsWith('(')) logins.set(match[1]!, match[2]!);
  }
  return logins;
}

/** A staff session token, or null when the server refuses the password. */
export async function signIn(url: string, email: string, password: string): Promise<string | null> {
  const response = await fetch(`${url}/api/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return response.ok ? ((await response.json()) as { token: string }).token : null;
}
