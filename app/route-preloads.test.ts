import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { QueryClient } from '@tanstack/react-query';
import { matchRoutes, type RouteObject } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  fetchModelVersionArtifactText,
  getModelVersion,
  getRegisteredModel,
  getRun,
  getTraceData,
  getTraceInfo,
  listArtifacts,
} from './api';
import { forgetServerLine } from './api/server-line';
import {
  experimentListParams,
  parseExperimentListUrl,
} from './features/experiments/model/list-params';
import { experimentListQueryOptions } from './features/experiments/queries';
import { modelListParams, parseModelListUrl } from './features/registry/model/list-params';
import { modelListQueryOptions } from './features/registry/queries';
import {
  ROUTE_PRELOADS,
  earlyRows,
  earlyScript,
  inCommonChunk,
  withEarlyScript,
  type EarlyRow,
} from './route-preloads';

/** The router's lazy routes as (path, route module), read from app/router.tsx. */
function routerRoutes(): { path: string; module: string }[] {
  const src = fs.readFileSync(path.resolve(process.cwd(), 'app/router.tsx'), 'utf8');
  const routes: { path: string; module: string }[] = [];
  const re =
    /(?:path: '([^']*)'|index: true),\s*\.\.\.lazyRoute\(qc, \(\) => import\('\.\/routes\/([\w-]+)'\)/g;
  for (const m of src.matchAll(re))
    routes.push({ path: m[1] ?? '', module: `app/routes/${m[2]}.tsx` });
  return routes;
}

const urls = [
  '/',
  '/experiments/1',
  '/experiments/1,3',
  '/experiments/1/runs/abc',
  '/experiments/1/traces',
  '/experiments/1/traces/tr-1',
  '/compare',
  '/models',
  '/models/churn',
  '/models/churn/versions/3',
  '/models/churn/compare',
  '/experiments/1/models',
  '/logged-models/m-1',
  '/experiments/1/sessions',
  '/experiments/1/sessions/s-1',
  '/experiments/1/evaluations/r1',
  '/prompts',
  '/prompts/p',
];

describe('route preloads', () => {
  it('name source files that exist', () => {
    for (const p of ROUTE_PRELOADS)
      for (const m of p.modules)
        expect(fs.existsSync(path.resolve(process.cwd(), m)), m).toBe(true);
  });

  it('cover every lazy route of the router', () => {
    const routes = routerRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const r of routes)
      expect(
        ROUTE_PRELOADS.some((p) => p.modules[0] === r.module),
        r.module,
      ).toBe(true);
  });

  it('preload, for a URL, the route module the router loads for it', () => {
    const routes: RouteObject[] = routerRoutes().map((r) =>
      r.path ? { path: r.path, id: r.module } : { index: true, id: r.module },
    );
    for (const url of urls) {
      const root: RouteObject[] = [{ path: '/', children: routes }];
      const matched = matchRoutes(root, url)?.at(-1)?.route.id;
      const preload = ROUTE_PRELOADS.find((p) => new RegExp(p.path).test(url));
      expect(preload?.modules[0], url).toBe(matched);
    }
  });
});

/** Run index.html's early script (app/route-preloads.ts, without chunks) at a URL; what it asked for. */
function runEarlyScript(pathname: string, search = '') {
  const aborted: string[] = [];
  const timers: (() => void)[] = [];
  const links: string[] = [];
  const win: Record<string, unknown> = {
    location: { pathname, search },
    fetch: (u: string, o: RequestInit) => {
      o.signal?.addEventListener('abort', () => aborted.push(u));
      return new Promise(() => undefined);
    },
    setTimeout: (f: () => void) => timers.push(f),
    AbortController,
    URLSearchParams,
    encodeURIComponent,
    decodeURIComponent,
    RegExp,
    document: {
      createElement: () => ({}),
      head: { appendChild: (l: { href: string }) => links.push(l.href) },
    },
  };
  win.window = win;
  const rows: EarlyRow[] = ROUTE_PRELOADS.map((r) => [
    r.path,
    ['/assets/x.js'],
    r.data ?? [],
    r.dataOnlyWithoutQuery ?? false,
  ]);
  vm.runInNewContext(earlyScript(rows), win);
  const early = (win.__runlensEarly as { url: string }[] | undefined) ?? [];
  return { win, early, urls: early.map((e) => e.url), aborted, timers, links };
}

/** The URLs the client asks for when `read` runs (against a 2.17 server). */
async function clientUrls(read: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (u: string) => {
      const rel = new URL(u).pathname + new URL(u).search;
      seen.push(rel);
      return rel === '/version' ? new Response('2.17.0') : Response.json({});
    }),
  );
  await read().catch(() => undefined);
  return seen.filter((u) => u !== '/version');
}

describe('the early requests index.html starts (app/route-preloads.ts)', () => {
  afterEach(() => {
    forgetServerLine();
    vi.unstubAllGlobals();
  });

  it.each([
    [
      'a trace',
      '/experiments/1/traces/tr-1%2Fx',
      () => Promise.all([getTraceData('tr-1/x'), getTraceInfo('tr-1/x')]),
    ],
    [
      'a run',
      '/experiments/1/runs/abc',
      () => Promise.all([getRun('abc'), listArtifacts('abc', '')]),
    ],
    [
      'a model version',
      "/models/churn%20model's/versions/3",
      () =>
        Promise.all([
          getModelVersion("churn model's", '3'),
          getRegisteredModel("churn model's"),
          fetchModelVersionArtifactText("churn model's", '3', 'MLmodel'),
        ]),
    ],
    [
      'the experiments list',
      '/',
      async () => {
        const o = experimentListQueryOptions(
          experimentListParams(parseExperimentListUrl(new URLSearchParams())),
        );
        await (o.queryFn as (c: { pageParam: undefined; signal: AbortSignal }) => Promise<unknown>)(
          { pageParam: undefined, signal: new AbortController().signal },
        );
      },
    ],
    [
      'the models list',
      '/models',
      async () => {
        const o = modelListQueryOptions(modelListParams(parseModelListUrl(new URLSearchParams())));
        await (o.queryFn as (c: { pageParam: undefined; signal: AbortSignal }) => Promise<unknown>)(
          {
            pageParam: undefined,
            signal: new AbortController().signal,
          },
        );
      },
    ],
  ])(
    'ask, for %s, for the very URLs the client builds (so it takes them over)',
    async (_, pathname, read) => {
      const { urls } = runEarlyScript(pathname);
      expect(urls.length).toBeGreaterThan(0);
      expect(await clientUrls(read)).toEqual(expect.arrayContaining(urls));
    },
  );

  it('leave a list with a query string (filter, sort) to the client', () => {
    expect(runEarlyScript('/models', '?q=churn').urls).toEqual([]);
    expect(runEarlyScript('/models', '?q=churn').links).toHaveLength(1);
  });

  it('preload the chunks of the page and ask for nothing on pages without data', () => {
    const { urls, links } = runEarlyScript('/experiments/1/sessions');
    expect(urls).toEqual([]);
    expect(links).toEqual(['/assets/x.js']);
  });

  it('ask for the server version on the traces list, whose search depends on the line', () => {
    expect(runEarlyScript('/experiments/1/traces').urls).toEqual(['/version']);
  });

  it('stop and free what the app has not taken after 30 s, and leave no globals behind', () => {
    const { win, early, timers, aborted } = runEarlyScript('/experiments/1/traces/tr-1');
    expect(early.map((e) => e.url)).toEqual([
      '/ajax-api/2.0/mlflow/get-trace-artifact?request_id=tr-1',
      '/api/2.0/mlflow/traces/tr-1/info',
    ]);
    expect(
      Object.keys(win).filter((k) =>
        ['m', 'i', 'u', 'q', 'early', 'data', 'arg', 'ctl'].includes(k),
      ),
    ).toEqual([]);
    early.splice(1, 1); // the app took the info
    timers.forEach((f) => f());
    expect(aborted).toEqual(['/ajax-api/2.0/mlflow/get-trace-artifact?request_id=tr-1']);
    expect(win.__runlensEarly).toBeUndefined();
    expect(early).toHaveLength(0);
  });
});

describe('index.html and the build (app/route-preloads.ts writes the one, feeds the other)', () => {
  const html = fs.readFileSync(path.resolve(process.cwd(), 'index.html'), 'utf8');

  it('index.html takes the early script first of all its scripts, and its inline scripts are static', () => {
    const out = withEarlyScript(html, earlyRows(null, '/r', '/'));
    const scripts = [...out.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts[0]![2]).toContain('__runlensEarly');
    expect(scripts.filter((s) => s[1]!.includes('type="module"'))).toHaveLength(1);
    // a CSP hashes the built page's inline scripts once: nothing in them may vary per request
    for (const s of scripts.filter((x) => !x[1]!.includes('src=')))
      expect(s[2]).not.toMatch(/%\w+%|\{\{|<%/);
    expect(() =>
      withEarlyScript(html.replace(/<script type="module"[^>]*><\/script>/, ''), []),
    ).toThrow(/no <script type="module">/);
  });

  it("expand each route's modules to the chunks the entry does not load, own chunk first", () => {
    const chunk = (
      fileName: string,
      facade: string | null,
      imports: string[] = [],
      isEntry = false,
    ) => ({
      fileName,
      imports,
      isEntry,
      facadeModuleId: facade && `/r/${facade}`,
    });
    const chunks = ROUTE_PRELOADS.flatMap((r) => r.modules).map((m) =>
      chunk(`assets/${path.basename(m)}.js`, m, ['assets/common.js']),
    );
    chunks.push(
      chunk('assets/index.js', 'app/main.tsx', ['assets/common.js'], true),
      chunk('assets/common.js', null),
    );
    const rows = earlyRows(chunks, '/r', '/');
    const run = rows.find((r) => r[0].includes('/runs/'))!;
    expect(run[1]).toEqual([
      '/assets/run.tsx.js',
      '/assets/RunPage.tsx.js',
      '/assets/ArtifactBrowser.tsx.js',
    ]);
    expect(() => earlyRows(chunks.slice(1), '/r', '/')).toThrow(/no chunk for/);
  });

  it('put shared code in the common chunk, and big page-only libraries not', () => {
    expect(inCommonChunk('/r/app/lib/format.ts')).toBe(true);
    expect(inCommonChunk('/r/app/features/runs/queries.ts')).toBe(true);
    expect(inCommonChunk('/r/app/features/runs/components/RunsPage.tsx')).toBe(false);
    expect(inCommonChunk('/r/app/components/Markdown.tsx')).toBe(false);
  });
});

describe('the run route', () => {
  it("asks for nothing the router's warmRun already asked for", async () => {
    const { makeLoader } = await import('./routes/run');
    const qc = new QueryClient();
    const asked: unknown[] = [];
    vi.spyOn(qc, 'prefetchQuery').mockImplementation(async (o) => void asked.push(o.queryKey));
    vi.spyOn(qc, 'fetchQuery').mockImplementation(async (o) => void asked.push(o.queryKey));
    await makeLoader(qc)({
      params: { experimentId: '1', runId: 'r1' },
      request: new Request('http://x/experiments/1/runs/r1'),
      context: undefined,
    } as never);
    const src = fs.readFileSync(path.resolve(process.cwd(), 'app/router.tsx'), 'utf8');
    expect(src).toMatch(
      /warmRun[\s\S]*runQueryOptions\(runId\)[\s\S]*artifactListQueryOptions\(runId, ''\)/,
    );
    expect(asked).toEqual([]);
  });
});
