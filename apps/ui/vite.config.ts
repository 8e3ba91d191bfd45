// Vite builds the catalog into dist/ (served by the API at /); Vitest runs the component specs in jsdom.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // the API's CSP allows scripts from 'self' only: no inline module-preload polyfill
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
  // `nx serve ui` during development: the API runs on 8080 (`apiscope up`)
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    restoreMocks: true,
  },
});
