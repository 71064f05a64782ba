import fs from 'node:fs';
import path from 'node:path';
import { matchRoutes, type RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ROUTE_PRELOADS } from './route-preloads';

/** The router's lazy routes as (path, route module), read from app/router.tsx. */
function routerRoutes(): { path: string; module: string }[] {
  const src = fs.readFileSync(path.resolve(process.cwd(), 'app/router.tsx'), 'utf8');
  const routes: { path: string; module: string }[] = [];
  const re = /(?:path: '([^']*)'|index: true),\s*\.\.\.lazyRoute\(qc, \(\) => import\('\.\/routes\/([\w-]+)'\)/g;
  for (const m of src.matchAll(re)) routes.push({ path: m[1] ?? '', module: `app/routes/${m[2]}.tsx` });
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
];

describe('route preloads', () => {
  it('name source files that exist', () => {
    for (const p of ROUTE_PRELOADS) for (const m of p.modules) expect(fs.existsSync(path.resolve(process.cwd(), m)), m).toBe(true);
  });

  it('cover every lazy route of the router', () => {
    const routes = routerRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const r of routes) expect(ROUTE_PRELOADS.some((p) => p.modules[0] === r.module), r.module).toBe(true);
  });

  it('preload, for a URL, the route module the router loads for it', () => {
    const routes: RouteObject[] = routerRoutes().map((r) => (r.path ? { path: r.path, id: r.module } : { index: true, id: r.module }));
    for (const url of urls) {
      const root: RouteObject[] = [{ path: '/', children: routes }];
      const matched = matchRoutes(root, url)?.at(-1)?.route.id;
      const preload = ROUTE_PRELOADS.find((p) => new RegExp(p.path).test(url));
      expect(preload?.modules[0], url).toBe(matched);
    }
  });
});
