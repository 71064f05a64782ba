import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Plugin, Rollup } from 'vite';
import { earlyRows, inCommonChunk, withEarlyScript } from './app/route-preloads.ts';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes `.br` and `.gz` next to each built asset, at the best levels, so the
 * server sends them as they are instead of compressing every response again
 * (server/app.ts, precompressedAssets).
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'runlens-precompress',
    apply: 'build',
    configResolved(c) {
      outDir = path.resolve(c.root, c.build.outDir);
    },
    async closeBundle() {
      const dir = path.join(outDir, 'assets');
      const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) =>
        /\.(js|css|svg|json)$/.test(f),
      );
      await Promise.all(
        files.map(async (f) => {
          const data = await fs.readFile(path.join(dir, f));
          if (data.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotli(data, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
              },
            }),
            gzip(data, { level: 9 }),
          ]);
          await Promise.all([
            fs.writeFile(path.join(dir, `${f}.br`), br),
            fs.writeFile(path.join(dir, `${f}.gz`), gz),
          ]);
        }),
      );
    },
  };
}

/** Writes the early script of app/route-preloads.ts (which explains the mechanism) into index.html. */
function routePreloads(): Plugin {
  let root = process.cwd();
  let base = '/';
  return {
    name: 'runlens-route-preloads',
    configResolved(c) {
      root = c.root;
      base = c.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = ctx.bundle
          ? Object.values(ctx.bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk')
          : null;
        return withEarlyScript(html, earlyRows(chunks, path.resolve(root), base));
      },
    },
  };
}

/**
 * react-router 7's package exports resolve to its development build in every
 * mode (remix-run/react-router#12532, #14102): dev warnings and checks on every
 * navigation, and 92 KB of the `common` chunk. Builds take its production
 * build instead, while the package ships one there.
 */
const ROUTER_PRODUCTION = path.resolve(
  import.meta.dirname,
  'node_modules/react-router/dist/production/index.mjs',
);

export default defineConfig(({ command }) => ({
  plugins: [react(), precompress(), routePreloads()],
  resolve: {
    alias:
      command === 'build' && existsSync(ROUTER_PRODUCTION)
        ? [{ find: /^react-router$/, replacement: ROUTER_PRODUCTION }]
        : [],
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'common',
              test: inCommonChunk,
              minShareCount: 2,
            },
          ],
        },
      },
    },
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
    include: [
      'app/**/*.test.{ts,tsx}',
      'mocks/**/*.test.ts',
      'server/**/*.test.ts',
      'tools/**/*.test.ts',
    ],
    setupFiles: ['./app/test/setup.ts'],
    testTimeout: 20000,
    pool: 'threads',
  },
}));
