import { defineConfig } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { metaChannelEnv } from './fixtures/meta-channels.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.E2E_PORT ?? 3217);
// A fresh database per run: the specs start from the demo seed, never from a previous run's leftovers.
const dataDir = mkdtempSync(join(tmpdir(), 'keluh-e2e-'));
// The server gets its first passwords from here, made per run: no password in the source opens anything.
// Set on process.env so the workers (which load this file again) sign in with the same ones.
process.env.E2E_ADMIN_PASSWORD ??= randomBytes(18).toString('base64url');
process.env.E2E_DEMO_PASSWORD ??= randomBytes(18).toString('base64url');

export default defineConfig({
  testDir: './specs',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? join(root, 'test-results/playwright.json') }]],
  outputDir: join(root, 'test-results/e2e'),
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium: Playwright cannot download its own browser on our machines.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    },
  },
  webServer: {
    command: 'node --import tsx apps/api/src/server.ts',
    cwd: root,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO: '1',
      LOG_LEVEL: 'warn',
      ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD,
      DEMO_PASSWORD: process.env.E2E_DEMO_PASSWORD,
      // A short window, so widget-rate-limit.spec.ts can watch a burst be held and then delivered.
      WIDGET_MESSAGE_RATE: '5/6s',
      ...metaChannelEnv(),
    },
  },
});
