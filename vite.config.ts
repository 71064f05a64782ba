import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
  },
  worker: { format: 'es' },
  server: {
    // `npm run dev` talks to the production server (demo or proxy) started with `npm run serve`.
    proxy: {
      '/api': 'http://127.0.0.1:5000',
      '/ajax-api': 'http://127.0.0.1:5000',
      '/get-artifact': 'http://127.0.0.1:5000',
      '/model-versions/get-artifact': 'http://127.0.0.1:5000',
      '/version': 'http://127.0.0.1:5000',
      '/health': 'http://127.0.0.1:5000',
      '/runlens': 'http://127.0.0.1:5000',
    },
  },
  test: {
    environment: 'jsdom',
    globals: false,
    include: ['app/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'server/**/*.test.ts'],
    setupFiles: ['./app/test/setup.ts'],
    testTimeout: 20000,
    pool: 'threads',
  },
});
