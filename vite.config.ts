import { promisify } from 'node:util';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Plugin, Rollup } from 'vite';
import { ROUTE_PRELOADS, earlyScript, type EarlyRow } from './app/route-preloads.ts';
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

/**
 * Writes into index.html the script of app/route-preloads.ts: for the page the
 * URL names, it starts downloading the page's code (one `<link
 * rel="modulepreload">` per chunk the page needs and the entry does not
 * already load) and the data the page waits for, while the entry chunk loads.
 * In dev there are no chunks: only the data part.
 */
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
        const bundle = ctx.bundle;
        const chunks = bundle
          ? Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk')
          : [];
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const closure = (start: Rollup.OutputChunk[]): Set<string> => {
          // Breadth first, so the route's own chunk is asked for before what it imports.
          const seen = new Set<string>();
          const queue = [...start];
          for (let i = 0; i < queue.length; i++) {
            const c = queue[i];
            if (seen.has(c.fileName)) continue;
            seen.add(c.fileName);
            for (const f of c.imports) if (byFile.has(f)) queue.push(byFile.get(f)!);
          }
          return seen;
        };
        const loaded = closure(chunks.filter((c) => c.isEntry));
        const rows: EarlyRow[] = ROUTE_PRELOADS.map(
          ({ path: pattern, modules, data, dataOnlyWithoutQuery }) => {
            const roots = bundle
              ? modules.map((m) => {
                  const abs = path.resolve(root, m).split(path.sep).join('/');
                  const chunk = chunks.find(
                    (c) => c.facadeModuleId?.split(path.sep).join('/') === abs,
                  );
                  if (!chunk) throw new Error(`runlens-route-preloads: no chunk for ${m}`);
                  return chunk;
                })
              : [];
            const files = [...closure(roots)]
              .filter((f) => !loaded.has(f))
              .map((f) => `${base}${f}`);
            return [pattern, files, data ?? [], dataOnlyWithoutQuery ?? false];
          },
        );
        const script = `<script>\n// The page's code and data, asked for while the entry loads (app/route-preloads.ts).\n${earlyScript(rows)}\n</script>\n    `;
        // First of all scripts: before the theme's (whose first localStorage read can take a few
        // milliseconds) and the entry's script and stylesheet tags (a script after a stylesheet
        // waits for it to load).
        const at = html.search(/<script[\s>]/);
        if (at < 0 || at > html.search(/<script type="module"/))
          throw new Error(
            'route-preloads: index.html has no <script type="module"> to put the preloads before',
          );
        return html.slice(0, at) + script + html.slice(at);
      },
    },
  };
}

/**
 * The code several pages share (components, lib, the API client, the
 * features' query and mutation options, TanStack Query and Virtual) goes into
 * one `common` chunk, loaded beside the entry. Left to itself the bundler
 * splits it into a dozen chunks of a few hundred bytes each, and a page then
 * asks for 14 files before it can render: on a 2-core machine each request
 * costs the browser and the page's main thread a few milliseconds, and the
 * 10k-span trace page showed its first rows about 50 ms later (interleaved
 * A/B, 20 pairs: 514 vs 459 ms median). Costs every page about 10 KB gzipped.
 */
const COMMON =
  /[\\/]app[\\/](components|lib|api)[\\/]|[\\/]app[\\/]features[\\/][^\\/]+[\\/](queries|mutations)\.ts|[\\/]node_modules[\\/]@tanstack[\\/](query-core|react-query|virtual-core|react-virtual)[\\/]/;
/** ...except what pulls in a big library only some pages use (yaml, markdown): those stay with their pages. */
const NOT_COMMON = /[\\/]app[\\/](lib[\\/]mlmodel|components[\\/](ModelCard|Markdown))\.tsx?$/;

export default defineConfig({
  plugins: [react(), precompress(), routePreloads()],
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
              test: (id: string) => COMMON.test(id) && !NOT_COMMON.test(id),
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
    include: ['app/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', 'server/**/*.test.ts'],
    setupFiles: ['./app/test/setup.ts'],
    testTimeout: 20000,
    pool: 'threads',
  },
});
