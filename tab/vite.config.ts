import path from 'node:path';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

/**
 * The tab's build. Run from the repository root: `vite build --config tab/vite.config.ts`.
 * No React plugin (its peer range excludes Vite 8): Vite's own Oxc transform compiles TSX with
 * the automatic JSX runtime. Output goes to dist/tab, which the server serves at /tab/.
 */
export default defineConfig({
  root: path.resolve(__dirname),
  base: '/tab/',
  // The tab reaches the kernel and the shared API types through the same aliases as tsconfig.json.
  resolve: { alias: { '@/': `${path.resolve(__dirname, '../src')}/`, '@tab/': `${path.resolve(__dirname, 'src')}/` } },
  oxc: { jsx: { runtime: 'automatic' } },
  // Brotli and gzip copies beside each asset, made once at build: the server sends the one the browser takes.
  plugins: [compression({ algorithms: ['brotliCompress', 'gzip'] })],
  build: {
    outDir: path.resolve(__dirname, '../dist/tab'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      // Fluent marks its modules 'use client' (for React Server Components): meaningless in a client bundle.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: {
    // `vite --config tab/vite.config.ts` during development: the API comes from `npm start`.
    proxy: { '/api': 'http://localhost:3978' },
  },
});
