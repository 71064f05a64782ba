import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, type LoaderFunction } from 'react-router';
import { NotFound, RouteError } from './components/RouteError';
import { Layout } from './features/shell/Layout';

/**
 * Every page is its own chunk (split by route). A route module exports
 * `Component` and optionally `makeLoader(queryClient)`, a loader that warms the
 * react-query cache before the page mounts (without blocking on big data).
 */
interface RouteModule {
  Component: React.ComponentType;
  makeLoader?: (qc: QueryClient) => LoaderFunction;
}

function lazyRoute(qc: QueryClient, load: () => Promise<RouteModule>) {
  return async () => {
    const m = await load();
    return { Component: m.Component, loader: m.makeLoader ? m.makeLoader(qc) : undefined };
  };
}

export function createRouter(qc: QueryClient) {
  return createBrowserRouter([
    {
      path: '/',
      Component: Layout,
      errorElement: <RouteError />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { index: true, lazy: lazyRoute(qc, () => import('./routes/experiments')) },
            { path: 'experiments/:experimentIds', lazy: lazyRoute(qc, () => import('./routes/experiment')) },
            { path: 'experiments/:experimentId/runs/:runId', lazy: lazyRoute(qc, () => import('./routes/run')) },
            { path: 'experiments/:experimentId/traces', lazy: lazyRoute(qc, () => import('./routes/traces')) },
            { path: 'experiments/:experimentId/traces/:requestId', lazy: lazyRoute(qc, () => import('./routes/trace')) },
            { path: 'compare', lazy: lazyRoute(qc, () => import('./routes/compare')) },
            { path: 'models', lazy: lazyRoute(qc, () => import('./routes/models')) },
            { path: 'models/:name', lazy: lazyRoute(qc, () => import('./routes/model')) },
            { path: 'models/:name/versions/:version', lazy: lazyRoute(qc, () => import('./routes/model-version')) },
            { path: 'models/:name/compare', lazy: lazyRoute(qc, () => import('./routes/model-compare')) },
            { path: '*', Component: NotFound },
          ],
        },
      ],
    },
  ]);
}
