import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const dir = import.meta.dirname;

// The iframe app, served by the API under /widget/: same origin as /api and /socket.io.
export default defineConfig({
  root: `${dir}/app`,
  base: '/widget/',
  publicDir: false,
  plugins: [vue()],
  build: {
    outDir: `${dir}/dist/app`,
    emptyOutDir: true,
    target: 'es2020',
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: true },
      '/socket.io': { target: 'http://localhost:3000', changeOrigin: true, ws: true },
    },
  },
});
