/**
 * The page code a first load at a path needs, beyond the entry chunk. The
 * router asks for it only once the entry has run (its loaders import the
 * route module, then the page); index.html starts those downloads at once
 * instead, as `<link rel="modulepreload">` (written in by vite.config.ts), so
 * the code is there when the router asks. Read at build time only.
 *
 * `path` is a regular expression's source, tested against location.pathname;
 * `modules` are source files whose chunks (and the chunks they import) load.
 */
export interface RoutePreload {
  path: string;
  modules: string[];
}

export const ROUTE_PRELOADS: RoutePreload[] = [
  { path: '^/experiments/[^/]+/traces/[^/]+/?$', modules: ['app/routes/trace.tsx'] },
  { path: '^/experiments/[^/]+/traces/?$', modules: ['app/routes/traces.tsx'] },
  {
    path: '^/experiments/[^/]+/runs/[^/]+/?$',
    modules: ['app/routes/run.tsx', 'app/features/run/components/RunPage.tsx', 'app/features/artifacts/components/ArtifactBrowser.tsx'],
  },
  { path: '^/experiments/[^/]+/?$', modules: ['app/routes/experiment.tsx'] },
  { path: '^/$', modules: ['app/routes/experiments.tsx'] },
  { path: '^/compare/?$', modules: ['app/routes/compare.tsx'] },
  { path: '^/models/?$', modules: ['app/routes/models.tsx'] },
  { path: '^/models/[^/]+/versions/[^/]+/?$', modules: ['app/routes/model-version.tsx'] },
  { path: '^/models/[^/]+/compare/?$', modules: ['app/routes/model-compare.tsx'] },
  { path: '^/models/[^/]+/?$', modules: ['app/routes/model.tsx'] },
];
