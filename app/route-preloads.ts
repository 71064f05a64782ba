/**
 * What a first load at a path needs before the page can show anything, started
 * by index.html before the app's code has run. This one table is the whole
 * fast-first-load mechanism:
 *
 * - `modules`: the page's code beyond the entry chunk. The router asks for it
 *   only once the entry has run (its loaders import the route module, then the
 *   page); index.html starts those downloads at once, as
 *   `<link rel="modulepreload">`, so the code is there when the router asks.
 * - `data`: the reads the page waits for (a run, a trace's span data, the first
 *   page of a list). index.html asks for them while the code loads and reads
 *   the bodies as they arrive; app/api/early.ts hands each reply to the
 *   client's first request for the same URL, which decodes it as usual. The
 *   URLs must be the ones the client builds (query strings through
 *   URLSearchParams, ids in paths through encodeURIComponent):
 *   app/api/early.test.ts checks each against the client.
 *
 * vite.config.ts writes `earlyScript(table)` into index.html, with the chunk
 * file names filled in (build) or none (dev). `path` is a regular expression's
 * source, tested against location.pathname; `{1}`, `{2}` in a data URL are its
 * capture groups, decoded. Read at build time and by tests only.
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
  { path: '^/experiments/[^/]+/traces/?$', modules: ['app/routes/traces.tsx'] },
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
  { path: '^/$', modules: ['app/routes/experiments.tsx'] },
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
      for (var j = 0; j < t[i][1].length; j++) {
        var l = document.createElement('link');
        l.rel = 'modulepreload';
        l.href = t[i][1][j];
        document.head.appendChild(l);
      }
      var data = t[i][2];
      if (!data.length || !window.fetch || (t[i][3] && location.search)) return;
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
