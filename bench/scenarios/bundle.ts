/**
 * Bundle size: the gzipped JavaScript of the first page (what index.html
 * loads plus the route chunk(s) of the home page), and of the whole build.
 * Sizes are computed by gzipping the built files at zlib's default level, so
 * they do not depend on what encoding the browser negotiated.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  defineScenario,
  distGzipBytes,
  entryScripts,
  figure,
  loadedScripts,
  measureNavigation,
} from '../lib';
import { EXPERIMENT_LIST_READY } from './_common';

export default defineScenario({
  name: 'bundle',
  description: 'gzipped JavaScript: entry, first page (entry + route chunks), whole build',
  async run(ctx) {
    const entry = entryScripts(ctx.distDir);
    const { page, close } = await ctx.newPage();
    let firstPage: string[];
    let wireBytes = 0;
    try {
      await measureNavigation(page, ctx.url('/'), EXPERIMENT_LIST_READY);
      const scripts = await loadedScripts(page);
      firstPage = scripts.map((s) => s.pathname);
      wireBytes = scripts.reduce((n, s) => n + s.encodedBytes, 0);
    } finally {
      await close();
    }
    const routeChunks = firstPage.filter((p) => !entry.includes(p));
    const allJs = fs
      .readdirSync(path.join(ctx.distDir, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `/assets/${f}`);
    return [
      figure('entry-js-gzip-bytes', distGzipBytes(ctx.distDir, entry), 'bytes'),
      figure(
        'first-page-js-gzip-bytes',
        distGzipBytes(ctx.distDir, [...entry, ...firstPage]),
        'bytes',
      ),
      // as the server sends them (the build's brotli copies)
      figure('first-page-js-wire-bytes', wireBytes, 'bytes'),
      figure('route-chunks-gzip-bytes', distGzipBytes(ctx.distDir, routeChunks), 'bytes'),
      figure('first-page-js-files', new Set([...entry, ...firstPage]).size, 'files'),
      figure('all-js-gzip-bytes', distGzipBytes(ctx.distDir, allJs), 'bytes'),
      figure('all-js-files', allJs.length, 'files'),
    ];
  },
});
