import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Playwright cannot download its own browser here, so the end-to-end suite uses Debian's Chromium.
 * On a fresh machine (CI runs as root) it is installed once; elsewhere we say what is missing.
 */
export function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) throw new Error('Chromium is missing: install it with `sudo apt-get install -y chromium`');
  console.log('Installing Chromium from Debian (first run only) …');
  execSync('apt-get update -qq', { stdio: 'inherit' });
  const result = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation', 'fonts-noto-color-emoji'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) throw new Error('Installing Chromium failed');
}
