import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = import.meta.dirname;
const repoRoot = path.resolve(webRoot, '..');

/** Where the API server listens in development (`npm run dev`). */
const apiTarget = process.env.RINGSIDE_API_URL ?? 'http://127.0.0.1:3000';

/**
 * Vendor code split into a few stable chunks so no single file is huge and an
 * app-only change does not invalidate the cached libraries.
 */
const vendorGroups: { name: string; test: RegExp; priority: number }[] = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 40 },
  {
    name: 'router',
    test: /node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/,
    priority: 30,
  },
  {
    name: 'mui',
    test: /node_modules[\\/](@mui|@emotion|@popperjs|stylis|react-transition-group|react-is|clsx|prop-types|hoist-non-react-statics|dom-helpers)[\\/]/,
    priority: 20,
  },
  { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/, priority: 10 },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 0 },
];

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: path.join(repoRoot, 'dist', 'web'),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Vite 8 bundles with Rolldown: `codeSplitting.groups` replaces Rollup's manualChunks.
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/health': { target: apiTarget },
      '/metrics': { target: apiTarget },
      '/docs': { target: apiTarget },
      '/ws': { target: apiTarget, ws: true },
    },
  },
  preview: { host: '127.0.0.1', port: 4173 },
});
