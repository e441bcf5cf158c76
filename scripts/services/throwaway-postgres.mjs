import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensurePostgres } from '../ensure-system-deps.mjs';
import { freePort } from './free-port.mjs';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** PostgreSQL refuses to run as root, so as root the server runs as Debian's `postgres` user. */
function runAs(command, args) {
  const result = isRoot()
    ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', [command, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ')], { encoding: 'utf8' })
    : spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/**
 * Starts a throwaway PostgreSQL on a free loopback port with a temp data folder, for tests and benches.
 * `durable: false` (tests) turns fsync off: nothing here must survive a power cut, and it is several times
 * faster. `inMemory: true` puts the data folder on tmpfs (/dev/shm) where there is one: a database is a
 * few hundred files, and on some disks creating and deleting that many dominates CREATE and DROP DATABASE,
 * which the test suite does for every test. Returns the URL of the `postgres` database (superuser `keluh`,
 * trust auth on loopback) and stop().
 */
export async function startThrowawayPostgres({ durable = false, inMemory = false, port } = {}) {
  const bin = ensurePostgres();
  const parent = inMemory && existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dir = mkdtempSync(join(parent, 'keluh-pg-'));
  chmodSync(dir, 0o700);
  if (isRoot()) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  runAs(`${bin}/initdb`, ['-D', data, '-U', 'keluh', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const listenPort = port ?? (await freePort());
  const options = [
    `-p ${listenPort}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=300',
    ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  runAs(`${bin}/pg_ctl`, ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  return {
    url: `postgres://keluh@127.0.0.1:${listenPort}/postgres`,
    port: listenPort,
    logFile: join(dir, 'server.log'),
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        runAs(`${bin}/pg_ctl`, ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
