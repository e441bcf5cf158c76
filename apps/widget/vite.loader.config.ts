import { defineConfig, type Plugin } from 'vite';

const dir = import.meta.dirname;

/** The demo shop is one static page with everything inline; it only has to land in dist/demo. */
function demoPage(): Plugin {
  return {
    name: 'keluh-demo-page',
    apply: 'build',
    async generateBundle() {
      const source = await this.fs.readFile(`${dir}/demo/index.html`, { encoding: 'utf8' });
      this.emitFile({ type: 'asset', fileName: 'demo/index.html', source });
    },
  };
}

// The script tag a site embeds: one self-contained IIFE, no framework, written beside the app build.
export default defineConfig({
  publicDir: false,
  plugins: [demoPage()],
  build: {
    outDir: `${dir}/dist`,
    emptyOutDir: false,
    target: 'es2018',
    minify: true,
    sourcemap: false,
    lib: {
      entry: `${dir}/loader/widget.ts`,
      formats: ['iife'],
      name: 'KeluhLoader',
      fileName: () => 'widget.js',
    },
  },
});
