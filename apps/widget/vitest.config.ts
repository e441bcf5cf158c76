import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [vue()],
  test: {
    name: 'widget',
    environment: 'happy-dom',
    // Worker threads start faster than forked processes; nothing here needs a process of its own.
    pool: 'threads',
    // The loader test creates the real iframe; it must not try to fetch the help desk.
    environmentOptions: { happyDOM: { settings: { disableIframePageLoading: true } } },
    include: ['app/src/**/*.test.ts', 'loader/**/*.test.ts'],
  },
});
