/**
 * The server under load: 200 concurrent keep-alive clients for a bounded time
 * (and request count) against each target, loopback only. Runlens runs as its
 * own process (`server/main.ts`) twice, once proxying a fast stand-in
 * tracking server (another process, _fast-upstream.ts) and once in demo mode.
 *
 * Figures per target (requests/s, p50, p99, errors):
 *   direct     the stand-in upstream itself, the ceiling for `proxied`
 *   proxied    an MLflow API call through Runlens to the stand-in
 *   static     a hashed asset (the build's brotli copy)
 *   index      index.html (a page URL, as browsers ask for it)
 *   demo       POST runs/search of the demo workspace (100 runs)
 * and the RSS of both Runlens processes before, at the peak of, and one
 * minute after the load.
 *
 * Targets (issue #17): proxied >= 50% of direct with p99 < 200 ms and no
 * errors; index >= 80% of static; RSS back within 20% of the start.
 *
 * What `proxied-vs-direct` measures: the throughput of the whole loopback
 * system (load generator, Runlens, stand-in) with the Runlens hop, against
 * the same system without it. All processes share the machine's cores
 * (2 here), so the hop costs CPU the other two also need; it is not
 * Runlens's own ceiling. To keep the comparison fair, both sides use the
 * same client code, the same headers and one keep-alive connection per
 * client, and they run in alternating slices (direct, proxied, direct, ...)
 * so that other work on a shared machine weighs on both alike.
 *
 * Environment: PROXY_LOAD_SECONDS (default 10), PROXY_LOAD_CLIENTS (200),
 * PROXY_LOAD_SETTLE_SECONDS (60), PROXY_LOAD_TARGETS (e.g. `direct,proxied`),
 * PROXY_LOAD_SLICES (4: direct and proxied alternate in this many slices each).
 */
import fs from 'node:fs';
import path from 'node:path';
import { defineScenario, figure, round, type Figure } from '../lib';
import { mergeLoads, runLoad, type LoadResult, type LoadTarget } from './_load';
import { sampleMax, startChild, type Child } from './_processes';

const seconds = Number(process.env.PROXY_LOAD_SECONDS || 10);
const clients = Number(process.env.PROXY_LOAD_CLIENTS || 200);
const settleSeconds = Number(process.env.PROXY_LOAD_SETTLE_SECONDS || 60);
const slices = Number(process.env.PROXY_LOAD_SLICES || 4);
/** Comma-separated subset of the targets below, for a quick look at one of them. */
const only = process.env.PROXY_LOAD_TARGETS?.split(',').filter(Boolean);
const LISTENING = /Runlens listening on http:\/\/127\.0\.0\.1:(\d+)/;
const BROWSER_ENCODINGS = { 'Accept-Encoding': 'gzip, deflate, br, zstd' };

function entryAsset(distDir: string): string {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const src = /<script type="module"[^>]*src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!src) throw new Error('no entry script in dist/index.html');
  return src;
}

function loadFigures(name: string, r: LoadResult): Figure[] {
  return [
    figure(`${name}-requests-per-s`, r.requestsPerSecond, 'req/s'),
    figure(`${name}-p50-ms`, r.p50Ms, 'ms'),
    figure(`${name}-p99-ms`, r.p99Ms, 'ms'),
    figure(`${name}-errors`, r.errors + r.badStatus, 'requests'),
  ];
}

export default defineScenario({
  name: 'proxy-load',
  description: `${clients} concurrent clients, ${seconds}s per target: static, index.html, proxied API (vs direct), demo runs/search; RSS`,
  async run(ctx) {
    const children: Child[] = [];
    const child = async (script: string, env: Record<string, string>, ready: RegExp) => {
      const c = await startChild(script, env, ready, (l) =>
        ctx.log(`${path.basename(script)}: ${l}`),
      );
      children.push(c);
      return c;
    };
    try {
      const upstream = await child('bench/scenarios/_fast-upstream.ts', {}, /^listening (\d+)/);
      const common = { HOST: '127.0.0.1', PORT: '0', RUNLENS_DIST_DIR: ctx.distDir };
      const proxy = await child(
        'server/main.ts',
        { ...common, MLFLOW_TRACKING_URI: `http://127.0.0.1:${upstream.port}` },
        LISTENING,
      );
      const demo = await child('server/main.ts', { ...common, MLFLOW_TRACKING_URI: '' }, LISTENING);

      const at = (c: Child, p: string) => `http://127.0.0.1:${c.port}${p}`;
      const api = '/api/2.0/mlflow/experiments/search?max_results=20';
      const targets: [string, Child, LoadTarget][] = [
        ['direct', upstream, { url: at(upstream, api), headers: BROWSER_ENCODINGS }],
        ['proxied', proxy, { url: at(proxy, api), headers: BROWSER_ENCODINGS }],
        ['static', proxy, { url: at(proxy, entryAsset(ctx.distDir)), headers: BROWSER_ENCODINGS }],
        [
          'index',
          proxy,
          {
            url: at(proxy, '/experiments/1'),
            headers: { ...BROWSER_ENCODINGS, Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
          },
        ],
        [
          'demo-runs-search',
          demo,
          {
            url: at(demo, '/api/2.0/mlflow/runs/search'),
            method: 'POST',
            headers: { ...BROWSER_ENCODINGS, 'Content-Type': 'application/json' },
            body: JSON.stringify({ experiment_ids: ['15'], max_results: 100 }),
          },
        ],
      ];
      // Warm up (JIT, the demo's first search, keep-alive pools), then measure.
      for (const [name, , t] of targets)
        if (!only || only.includes(name))
          await runLoad(t, { concurrency: 4, durationMs: 1000, maxRequests: 200 });
      const rssBefore = { proxy: proxy.rssMb(), demo: demo.rssMb() };
      const peaks = { proxy: sampleMax(proxy.rssMb), demo: sampleMax(demo.rssMb) };

      const figures: Figure[] = [];
      const results = new Map<string, LoadResult>();
      const load = (target: LoadTarget, s: number) =>
        runLoad(target, { concurrency: clients, durationMs: s * 1000, maxRequests: 2_000_000 });
      const paired = ['direct', 'proxied'].filter((n) => !only || only.includes(n));
      const runs = new Map<string, LoadResult[]>(paired.map((n) => [n, []]));
      ctx.log(`${paired.join(', ')}: ${clients} clients, ${slices} slices of ${seconds / slices}s`);
      for (let i = 0; i < slices; i++)
        for (const [name, , target] of targets) {
          const slicesOf = runs.get(name);
          if (slicesOf) slicesOf.push(await load(target, seconds / slices));
        }
      for (const [name, rs] of runs) results.set(name, mergeLoads(rs));
      for (const [name, , target] of targets) {
        if (only && !only.includes(name)) continue;
        let r = results.get(name);
        if (!r) {
          ctx.log(`${name}: ${clients} clients for ${seconds}s`);
          r = await load(target, seconds);
          results.set(name, r);
        }
        figures.push(...loadFigures(name, r));
      }
      const rssPeak = { proxy: peaks.proxy.stop(), demo: peaks.demo.stop() };
      ctx.log(`waiting ${settleSeconds}s for memory to settle`);
      await new Promise((r) => setTimeout(r, settleSeconds * 1000));
      const rssAfter = { proxy: proxy.rssMb(), demo: demo.rssMb() };

      const rps = (n: string) => results.get(n)?.requestsPerSecond ?? NaN;
      figures.push(
        figure('proxied-vs-direct', round((100 * rps('proxied')) / rps('direct')), '%'),
        figure('index-vs-static', round((100 * rps('index')) / rps('static')), '%'),
      );
      for (const k of ['proxy', 'demo'] as const) {
        figures.push(
          figure(`${k}-server-rss-before-mb`, rssBefore[k], 'MB'),
          figure(`${k}-server-rss-peak-mb`, rssPeak[k], 'MB'),
          figure(`${k}-server-rss-after-${settleSeconds}s-mb`, rssAfter[k], 'MB'),
          figure(`${k}-server-rss-after-vs-before`, round((100 * rssAfter[k]) / rssBefore[k]), '%'),
        );
      }
      return figures;
    } finally {
      await Promise.all(children.map((c) => c.stop()));
    }
  },
});
