import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import tailwindcss from '@tailwindcss/vite';

const api = 'http://localhost:3000';

export default defineConfig({
  base: '/',
  plugins: [vue(), tailwindcss()],
  define: {
    // vue-i18n's esm-bundler build expects these flags; the console uses the Composition API only.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    port: 5173,
    // Host is passed through unchanged, so the API sees the page's own origin (localhost:5173) in both
    // Host and Origin and its CSRF and /agent origin checks pass without CONSOLE_ORIGINS.
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/socket.io': { target: api, changeOrigin: false, ws: true },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
