import { configDefaults, defineConfig } from 'vitest/config';

const serverTimeouts = { testTimeout: 20_000, hookTimeout: 30_000 };
/**
 * The server projects reuse each worker's module cache from file to file (no isolation): every file
 * imports the same app, and re-importing it per file cost more CPU than the tests themselves (import time
 * summed over files fell from ~460 s to ~55 s). Files keep nothing global of their own: each opens its own
 * database, app and sockets and closes them.
 */
const shared = { isolate: false };
/** A real Redis for the tests of processes joined by REDIS_URL: TEST_REDIS_URL, or a throwaway server. */
const redisSetup = 'apps/api/src/testing/redis.global-setup.ts';

// One Vitest run covers every workspace: node projects for the server side, happy-dom for the console.
export default defineConfig({
  test: {
    // Vitest's default is one worker less than the cores: one, on a 2-core machine. Most server tests wait
    // on a database, a socket or a timer, so two workers keep both cores busy.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['packages/**/src/**/*.test.ts', 'apps/api/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          // PostgreSQL-only integration tests need the server the `server-pg` project starts.
          exclude: [...configDefaults.exclude, 'packages/db/src/postgres/**/*.int.test.ts', 'apps/api/src/**/*.pg.int.test.ts'],
          globalSetup: [redisSetup],
          ...serverTimeouts,
          ...shared,
        },
      },
      {
        // The integration suite again on real PostgreSQL: the behaviour suite, the use cases against the
        // database, every API integration test, and the PostgreSQL-only tests. TEST_DATABASE_URL names a
        // server to use; without it the global setup starts a throwaway one.
        test: {
          name: 'server-pg',
          environment: 'node',
          include: ['packages/db/src/{behaviour,usecases,postgres}/**/*.int.test.ts', 'apps/api/src/**/*.int.test.ts'],
          // Engine-independent checks of the HTTP and socket surfaces run once, on SQLite: the fuzzers (they
          // read the SQLite file for their census) and the server-process tests of SQLite's own files and keys.
          exclude: [...configDefaults.exclude, 'apps/api/src/fuzz/**', 'apps/api/src/security/{secrets-at-rest,key-rotation,forged-webhooks}.int.test.ts', 'apps/api/src/startup/**', 'apps/api/src/cli/**'],
          env: { KELUH_TEST_DB: 'postgres' },
          globalSetup: ['packages/db/src/testing/postgres.global-setup.ts', redisSetup],
          ...serverTimeouts,
          ...shared,
        },
      },
      // The console and the widget bring their own configs (happy-dom, Vue plugin).
      'apps/*/vitest.config.ts',
    ],
  },
});
