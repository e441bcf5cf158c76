import { configDefaults, defineConfig } from 'vitest/config';

const serverTimeouts = { testTimeout: 20_000, hookTimeout: 30_000 };
/** A real Redis for the tests of processes joined by REDIS_URL: TEST_REDIS_URL, or a throwaway server. */
const redisSetup = 'apps/api/src/testing/redis.global-setup.ts';

// One Vitest run covers every workspace: node projects for the server side, happy-dom for the console.
export default defineConfig({
  test: {
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
        },
      },
      // The console and the widget bring their own configs (happy-dom, Vue plugin).
      'apps/*/vitest.config.ts',
    ],
  },
});
