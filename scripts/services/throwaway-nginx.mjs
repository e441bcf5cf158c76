import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureNginx } from '../ensure-system-deps.mjs';

function accepts(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('error', () => resolve(false));
    socket.once('connect', () => (socket.destroy(), resolve(true)));
  });
}

/**
 * Starts a throwaway nginx in the foreground with `config` (whose `listen` must be 127.0.0.1:`port`), its pid
 * file and error log in a temp folder. nginx checks the file first (`nginx -t`); a refusal throws with its
 * words. Returns the folder (for logs the config writes there) and stop().
 */
export async function startThrowawayNginx({ config, port }) {
  const binary = ensureNginx();
  const dir = mkdtempSync(join(tmpdir(), 'keluh-nginx-'));
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, config.replaceAll('{{DIR}}', dir));
  const args = ['-p', dir, '-c', file, '-e', join(dir, 'error.log'), '-g', `daemon off; pid ${join(dir, 'nginx.pid')};`];
  const test = spawnSync(binary, ['-t', ...args], { encoding: 'utf8' });
  if (test.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`nginx refused the configuration:\n${test.stderr}`);
  }
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not start:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    dir,
    checked: test.stderr,
    async stop() {
      // SIGQUIT: nginx's graceful stop (the master waits for its workers), so the access log is complete.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGQUIT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
