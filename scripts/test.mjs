import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';
import { ensureChromium } from './ensure-system-deps.mjs';

/**
 * `npm test`: typecheck, lint, Vitest (unit tests, and the integration suite on real SQLite and on a real
 * PostgreSQL and Redis it starts itself) and Playwright in real Chromium, then one line with the totals over
 * every suite. Static checks count as one test each. The static checks and the front-end build need no
 * server and run side by side; the suites that start servers run one after the other.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const reports = mkdtempSync(join(tmpdir(), 'keluh-test-'));
const totals = { passed: 0, failed: 0 };
const started = Date.now();
const elapsed = (since) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const since = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`◀ ${label}: ${elapsed(since)}`);
  return result.status === 0;
}

/** Runs a command with its output held back, then prints it whole, so parallel steps do not interleave. */
function runQuietly(label, command, args) {
  return new Promise((resolve) => {
    const since = Date.now();
    const child = spawn(command, args, { cwd: root, env: process.env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      console.log(`\n▶ ${label}: ${code === 0 ? 'ok' : 'FAILED'} (${elapsed(since)})`);
      if (output.trim()) console.log(output.trimEnd());
      resolve(code === 0);
    });
  });
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

const [typecheckOk, lintOk, buildOk] = await Promise.all([
  runQuietly('typecheck', 'npm', ['run', '--silent', 'typecheck']),
  runQuietly('lint', 'npm', ['run', '--silent', 'lint']),
  // The e2e suite serves the built console and widget; building now overlaps the static checks.
  (async () => {
    try {
      ensureChromium();
      buildIfStale(root);
      return true;
    } catch (error) {
      console.error(String(error));
      return false;
    }
  })(),
]);
for (const ok of [typecheckOk, lintOk]) totals[ok ? 'passed' : 'failed'] += 1;

const vitestReport = join(reports, 'vitest.json');
const vitestOk = run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
const vitest = readJson(vitestReport);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests + (vitestOk || vitest.numFailedTests > 0 ? 0 : 1);
} else totals.failed += 1;

if (!buildOk) totals.failed += 1;
else {
  const playwrightReport = join(reports, 'playwright.json');
  const e2eOk = run('playwright', 'npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
  const stats = readJson(playwrightReport)?.stats;
  if (stats) {
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected + (e2eOk || stats.unexpected > 0 ? 0 : 1);
  } else totals.failed += 1;
}

console.log(`\nnpm test took ${elapsed(started)}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
