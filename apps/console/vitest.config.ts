import { defineProject } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

export default defineProject({
  plugins: [vue()],
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  test: {
    name: 'console',
    environment: 'happy-dom',
    // Worker threads start faster than forked processes; nothing here needs a process of its own.
    pool: 'threads',
    include: ['src/**/*.test.ts'],
    // Each test file imports its libraries afresh (isolation): pre-bundled, a library with hundreds of
    // modules (the icon set, the headless components) is one file to evaluate instead of hundreds.
    deps: { optimizer: { client: { enabled: true, include: ['lucide-vue-next', 'reka-ui', 'vue-i18n', 'date-fns', '@date-fns/tz', 'echarts', 'vue-echarts'] } } },
  },
});
