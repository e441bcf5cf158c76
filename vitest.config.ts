import { defineConfig } from 'vitest/config';

// One Vitest run covers every workspace: node projects for the server side, happy-dom for the console.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['packages/**/src/**/*.test.ts', 'apps/api/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      // The console and the widget bring their own configs (happy-dom, Vue plugin).
      'apps/*/vitest.config.ts',
    ],
  },
});
