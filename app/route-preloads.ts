/**
 * The fast first load, in one room. A first visit at any address goes like this:
 *
 * 1. index.html (written by vite.config.ts from THIS module: `withEarlyScript`)
 *    runs one inline script before anything else. For the first row of
 *    ROUTE_PRELOADS whose `path` matches, it adds a `<link rel="modulepreload">`
 *    per chunk the page needs beyond the entry (`modules`, expanded to their
 *    chunks by `earlyRows`), and asks for the reads the page waits for (`data`),
 *    reading the bodies as they arrive.
 * 2. app/api/early.ts hands each early reply to the client's first request for
 *    the same URL, which decodes it as usual: no second request. The URLs must
 *    be the ones the client builds (query strings through URLSearchParams, ids in
 *    paths through encodeURIComponent): app/api/early.test.ts checks each.
 * 3. app/router.tsx gives every page a static loader that warms the cache from
 *    the entry chunk (`warmRun`, `warmTrace`) before the route's chunk arrives;
 *    the route module's own loader then waits only for the page's code (it does
 *    not ask for the same data again).
 * 4. app/main.tsx lets the first render wait briefly for that code, so the first
 *    commit holds the page rather than the shell alone.
 * 5. The code several pages share goes into one `common` chunk (`inCommonChunk`,
 *    used by vite.config.ts), loaded beside the entry instead of as a dozen tiny files.
 *
 * `path` is a regular expression's source, tested against location.pathname;
 * `{1}`, `{2}` in a data URL are its capture groups, decoded. This module is read
 * at build time and by tests only (route-preloads.test.ts checks it against the
 * router, index.html and the client).
 */
export interface EarlyData {
  /** Path of the request; `{n}` is replaced by capture group n, encodeURIComponent'd. */
  path: string;
  /** Query parameters in the client's order; `{n}` in a value is capture group n. */
  query?: Record<string, string>;
}

export interface RoutePreload {
  path: string;
  modules: string[];
  data?: EarlyData[];
  /** Ask for the data only when the URL has no query string (the page's defaults). */
  dataOnlyWithoutQuery?: boolean;
}

const API = '/api/2.0/mlflow';

export const ROUTE_PRELOADS: RoutePreload[] = [
  {
    path: '^/experiments/[^/]+/traces/([^/]+)/?$',
    modules: ['app/routes/trace.tsx'],
    // Span data: megabytes for a big trace. The info: 2.x's endpoint (a 3.x server's client asks
    // for the v3 one instead, and this request is simply not taken).
    data: [
      { path: '/ajax-api/2.0/mlflow/get-trace-artifact', query: { request_id: '{1}' } },
      { path: `${API}/traces/{1}/info` },
    ],
  },
  {
    path: '^/experiments/[^/]+/traces/?$',
    modules: ['app/routes/traces.tsx'],
    // The list's search waits for the server's line (2.x and 3.x search traces differently).
    data: [{ path: '/version' }],
  },
  {
    path: '^/experiments/[^/]+/runs/([^/]+)/?$',
    modules: [
      'app/routes/run.tsx',
      'app/features/run/components/RunPage.tsx',
      'app/features/artifacts/components/ArtifactBrowser.tsx',
    ],
    data: [
      { path: `${API}/runs/get`, query: { run_id: '{1}' } },
      { path: `${API}/artifacts/list`, query: { run_id: '{1}' } },
    ],
  },
  // MLflow 3 pages
  { path: '^/experiments/[^/]+/models/?$', modules: ['app/routes/logged-models.tsx'] },
  {
    path: '^/logged-models/([^/]+)/?$',
    modules: [
      'app/routes/logged-model.tsx',
      'app/features/logged-models/components/LoggedModelPage.tsx',
      'app/features/artifacts/components/ArtifactBrowser.tsx',
    ],
    data: [{ path: `${API}/logged-models/{1}` }],
  },
  { path: '^/experiments/[^/]+/sessions/?$', modules: ['app/routes/sessions.tsx'] },
  { path: '^/experiments/[^/]+/sessions/[^/]+/?$', modules: ['app/routes/session.tsx'] },
  { path: '^/experiments/[^/]+/evaluations/[^/]+/?$', modules: ['app/routes/evaluation.tsx'] },
  { path: '^/prompts/?$', modules: ['app/routes/prompts.tsx'] },
  { path: '^/prompts/[^/]+/?$', modules: ['app/routes/prompt.tsx'] },
  { path: '^/experiments/[^/]+/?$', modules: ['app/routes/experiment.tsx'] },
  {
    path: '^/$',
    modules: ['app/routes/experiments.tsx'],
    data: [
      {
        path: `${API}/experiments/search`,
        query: { view_type: 'ACTIVE_ONLY', max_results: '200', order_by: 'last_update_time DESC' },
      },
    ],
    dataOnlyWithoutQuery: true,
  },
  { path: '^/compare/?$', modules: ['app/routes/compare.tsx'] },
  {
    path: '^/models/?$',
    modules: ['app/routes/models.tsx'],
    data: [
      {
        path: `${API}/registered-models/search`,
        query: { max_results: '50', order_by: 'last_updated_timestamp DESC' },
      },
    ],
    dataOnlyWithoutQuery: true,
  },
  {
    path: '^/models/([^/]+)/versions/([^/]+)/?$',
    modules: ['app/routes/model-version.tsx'],
    data: [
      { path: `${API}/model-versions/get`, query: { name: '{1}', version: '{2}' } },
      { path: `${API}/registered-models/get`, query: { name: '{1}' } },
      {
        path: '/model-versions/get-artifact',
        query: { path: 'MLmodel', name: '{1}', version: '{2}' },
      },
    ],
  },
  { path: '^/models/[^/]+/compare/?$', modules: ['app/routes/model-compare.tsx'] },
  { path: '^/models/[^/]+/?$', modules: ['app/routes/model.tsx'] },
];

/** One row of the table as index.html's script reads it: [path, chunk URLs, data, dataOnlyWithoutQuery]. */
export type EarlyRow = [string, string[], EarlyData[], boolean];

/**
 * The inline script for index.html (ES5, no globals but `__runlensEarly`):
 * for the first row whose path matches, preload its chunks and start its data
 * requests. What the app has not taken after 30 s (it went elsewhere, or its
 * code is still loading on a very slow link and will ask again) is stopped and
 * freed.
 */
export function earlyScript(rows: EarlyRow[]): string {
  const table = JSON.stringify(rows).replace(/</g, '\\u003c');
  return `(function (t) {
  try {
    for (var i = 0; i < t.length; i++) {
      var m = location.pathname.match(new RegExp(t[i][0]));
      if (!m) continue;
      var preload = function (links) {
        for (var j = 0; j < links.length; j++) {
          var l = document.createElement('link');
          l.rel = 'modulepreload';
          l.href = links[j];
          document.head.appendChild(l);
        }
      };
      var data = t[i][2];
      // Data first: over HTTP/1.1 the browser opens 6 connections per host, and the
      // page's chunks must not keep its reads waiting for one.
      if (!data.length || !window.fetch || (t[i][3] && location.search)) return preload(t[i][1]);
      var arg = function (s, enc) {
        return s.replace(/\\{(\\d)\\}/g, function (_, n) {
          var v = decodeURIComponent(m[n]);
          return enc ? encodeURIComponent(v) : v;
        });
      };
      var early = (window.__runlensEarly = []);
      for (var k = 0; k < data.length; k++) {
        var u = arg(data[k].path, true);
        if (data[k].query) {
          var q = new URLSearchParams();
          for (var key in data[k].query) q.append(key, arg(data[k].query[key], false));
          u += '?' + q;
        }
        var ctl = window.AbortController ? new AbortController() : null;
        var r = fetch(u, { headers: { Accept: 'application/json' }, signal: ctl ? ctl.signal : undefined }).then(function (res) {
          // Read the body as it arrives: unread, it would wait in the browser's small buffer.
          return res.text().then(function (text) {
            return { status: res.status, headers: res.headers, text: text };
          });
        });
        r.catch(function () {}); // a failure is reported by the request that takes it over
        early.push({ url: u, res: r, abort: ctl ? ctl.abort.bind(ctl) : function () {} });
      }
      preload(t[i][1]);
      setTimeout(function () {
        for (var e = 0; e < early.length; e++) early[e].abort();
        early.length = 0;
        if (window.__runlensEarly === early) window.__runlensEarly = undefined;
      }, 30000);
      return;
    }
  } catch (e) {}
})(${table});`;
}

/** The parts of a built chunk `earlyRows` reads (Rollup's OutputChunk has them). */
export interface ChunkInfo {
  fileName: string;
  imports: string[];
  isEntry: boolean;
  facadeModuleId: string | null;
}

/**
 * The table as index.html's script reads it, with each route's modules expanded
 * to the chunks they need that the entry does not already load (breadth first,
 * so the route's own chunk is asked for before what it imports). `chunks` null
 * (dev): no chunks, only the data part. `root`: absolute project root.
 */
export function earlyRows(chunks: ChunkInfo[] | null, root: string, base: string): EarlyRow[] {
  const all = chunks ?? [];
  const byFile = new Map(all.map((c) => [c.fileName, c]));
  const closure = (start: ChunkInfo[]): Set<string> => {
    const seen = new Set<string>();
    const queue = [...start];
    for (let i = 0; i < queue.length; i++) {
      const c = queue[i]!;
      if (seen.has(c.fileName)) continue;
      seen.add(c.fileName);
      for (const f of c.imports) {
        const next = byFile.get(f);
        if (next) queue.push(next);
      }
    }
    return seen;
  };
  const norm = (p: string) => p.replace(/\\/g, '/');
  const loaded = closure(all.filter((c) => c.isEntry));
  return ROUTE_PRELOADS.map(({ path, modules, data, dataOnlyWithoutQuery }) => {
    const roots = chunks
      ? modules.map((m) => {
          const abs = `${norm(root).replace(/\/$/, '')}/${m}`;
          const chunk = all.find(
            (c) => c.facadeModuleId !== null && norm(c.facadeModuleId) === abs,
          );
          if (!chunk) throw new Error(`runlens-route-preloads: no chunk for ${m}`);
          return chunk;
        })
      : [];
    const files = [...closure(roots)].filter((f) => !loaded.has(f)).map((f) => `${base}${f}`);
    return [path, files, data ?? [], dataOnlyWithoutQuery ?? false];
  });
}

/**
 * index.html with the early script put first of all scripts: before the theme's
 * (whose first localStorage read can take a few milliseconds) and the entry's
 * script and stylesheet tags (a script after a stylesheet waits for it to load).
 * The script is static (no nonce, no per-request part), so a CSP can hash it.
 */
export function withEarlyScript(html: string, rows: EarlyRow[]): string {
  const script = `<script>\n// The page's code and data, asked for while the entry loads (app/route-preloads.ts).\n${earlyScript(rows)}\n</script>\n    `;
  const at = html.search(/<script[\s>]/);
  if (at < 0 || at > html.search(/<script type="module"/))
    throw new Error(
      'route-preloads: index.html has no <script type="module"> to put the preloads before',
    );
  return html.slice(0, at) + script + html.slice(at);
}

/**
 * The `common` chunk: components, lib, the API client, the features' query and
 * mutation options, TanStack Query and Virtual. Left to itself the bundler splits
 * them into a dozen chunks of a few hundred bytes, and a page then asks for 14
 * files before it can render: on a 2-core machine each costs the browser and the
 * page's main thread a few milliseconds (the 10k-span trace page showed its first
 * rows about 50 ms later, interleaved A/B, 20 pairs: 514 vs 459 ms median). Costs
 * every page about 10 KB gzipped. What pulls in a big library only some pages use
 * (yaml, markdown) stays with its pages.
 */
const COMMON =
  /[\\/]app[\\/](components|lib|api)[\\/]|[\\/]app[\\/]features[\\/][^\\/]+[\\/](queries|mutations)\.ts|[\\/]node_modules[\\/]@tanstack[\\/](query-core|react-query|virtual-core|react-virtual)[\\/]/;
const NOT_COMMON = /[\\/]app[\\/](lib[\\/]mlmodel|components[\\/](ModelCard|Markdown))\.tsx?$/;

export function inCommonChunk(id: string): boolean {
  return COMMON.test(id) && !NOT_COMMON.test(id);
}
