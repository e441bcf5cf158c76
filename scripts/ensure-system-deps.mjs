import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
let aptUpdated = false;

/**
 * Installs Debian packages a test run needs, once, on a fresh machine (CI runs as root); elsewhere it says
 * what is missing instead of asking for a password mid-run.
 */
function aptInstall(what, packages) {
  if (!isRoot()) throw new Error(`${what} is missing: install it with \`sudo apt-get install -y ${packages.join(' ')}\``);
  console.log(`Installing ${what} from Debian (first run only) …`);
  if (!aptUpdated) execSync('apt-get update -qq', { stdio: 'inherit' });
  aptUpdated = true;
  const result = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) throw new Error(`Installing ${what} failed`);
}

/** Playwright cannot download its own browser here, so the end-to-end suite uses Debian's Chromium. */
export function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  aptInstall('Chromium', ['chromium', 'fonts-liberation', 'fonts-noto-color-emoji']);
}

/** The newest installed PostgreSQL's bin folder (Debian keeps initdb and pg_ctl out of PATH). */
export function postgresBinDir() {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(`${base}/${v}/bin/initdb`)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest ? `${base}/${newest}/bin` : null;
}

/** A real PostgreSQL server for the dual-database suite, from Debian's package. */
export function ensurePostgres() {
  if (postgresBinDir()) return postgresBinDir();
  aptInstall('PostgreSQL', ['postgresql']);
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL was installed but initdb was not found under /usr/lib/postgresql');
  return bin;
}

/** A real Redis server for the multi-process tests, from Debian's package. */
export function ensureRedis() {
  if (existsSync('/usr/bin/redis-server')) return '/usr/bin/redis-server';
  aptInstall('Redis', ['redis-server']);
  return '/usr/bin/redis-server';
}

/** A real nginx for the reverse-proxy test of deploy/nginx.conf, from Debian's package. */
export function ensureNginx() {
  if (existsSync('/usr/sbin/nginx')) return '/usr/sbin/nginx';
  aptInstall('nginx', ['nginx']);
  return '/usr/sbin/nginx';
}
