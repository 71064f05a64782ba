import type { QueryClient } from '@tanstack/react-query';
import {
  createBrowserRouter,
  type LoaderFunction,
  type LoaderFunctionArgs,
  type Params,
  type ShouldRevalidateFunctionArgs,
} from 'react-router';
import { NotFound, RouteError } from './components/RouteError';
import { Layout } from './features/shell/Layout';
import { parseTraceListUrl, traceListParams } from './features/traces/model/list-params';
import { traceListQueryOptions } from './features/traces/queries';
import {
  artifactListQueryOptions,
  runQueryOptions,
  traceDataQueryOptions,
  traceInfoQueryOptions,
} from './lib/shared-queries';

/**
 * Every page is its own chunk (split by route). A route module exports
 * `Component` and optionally `makeLoader(queryClient)`, a loader that warms the
 * react-query cache before the page mounts (without blocking on big data).
 */
interface RouteModule {
  Component: React.ComponentType;
  makeLoader?: (qc: QueryClient) => LoaderFunction;
}

/** Starts a route's data requests from the entry chunk, before the route's own code has arrived. */
type Warm = (qc: QueryClient, params: Params, request: Request) => void;

/**
 * A static loader (so it runs as soon as the route matches) that first warms
 * the cache, then loads the route module and runs its own loader; `lazy`
 * supplies only the component. Without the static part, a page's data would
 * wait for its chunk and that chunk's imports, one after another.
 */
function lazyRoute(qc: QueryClient, load: () => Promise<RouteModule>, warm?: Warm) {
  return {
    loader: async (args: LoaderFunctionArgs) => {
      warm?.(qc, args.params, args.request);
      const m = await load();
      return m.makeLoader ? m.makeLoader(qc)(args) : null;
    },
    lazy: async () => ({ Component: (await load()).Component }),
    // While a first load's loader runs (it waits for the page's code, not for its data), the
    // page area stays empty under the shell; the page shows its own loading state. Saying so
    // also spares React Router's console warning.
    HydrateFallback: NoPageYet,
    // Loaders only warm the react-query cache: a change of search params
    // (filters, sort, selected span) is UI state, not a reason to run them again.
    shouldRevalidate: ({
      currentUrl,
      nextUrl,
      defaultShouldRevalidate,
    }: ShouldRevalidateFunctionArgs) =>
      currentUrl.pathname !== nextUrl.pathname && defaultShouldRevalidate,
  };
}

const NoPageYet = () => null;

const quiet = (p: Promise<unknown>) => void p.catch(() => undefined);

const warmRun: Warm = (qc, { runId = '' }) => {
  quiet(qc.prefetchQuery(runQueryOptions(runId)));
  quiet(qc.prefetchQuery(artifactListQueryOptions(runId, '')));
};

const warmTrace: Warm = (qc, { requestId = '' }) => {
  quiet(qc.prefetchQuery(traceInfoQueryOptions(requestId)));
  quiet(qc.prefetchQuery(traceDataQueryOptions(requestId)));
};

/** The traces list's first page (the same options as its page's loader, from the URL's filters). */
const warmTraces: Warm = (qc, { experimentId = '' }, request) => {
  const url = parseTraceListUrl(new URL(request.url).searchParams);
  quiet(qc.prefetchInfiniteQuery(traceListQueryOptions(traceListParams(experimentId, url))));
};

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
            { index: true, ...lazyRoute(qc, () => import('./routes/experiments')) },
            {
              path: 'experiments/:experimentIds',
              ...lazyRoute(qc, () => import('./routes/experiment')),
            },
            {
              path: 'experiments/:experimentId/runs/:runId',
              ...lazyRoute(qc, () => import('./routes/run'), warmRun),
            },
            {
              path: 'experiments/:experimentId/traces',
              ...lazyRoute(qc, () => import('./routes/traces'), warmTraces),
            },
            {
              path: 'experiments/:experimentId/traces/:requestId',
              ...lazyRoute(qc, () => import('./routes/trace'), warmTrace),
            },
            { path: 'compare', ...lazyRoute(qc, () => import('./routes/compare')) },
            { path: 'models', ...lazyRoute(qc, () => import('./routes/models')) },
            { path: 'models/:name', ...lazyRoute(qc, () => import('./routes/model')) },
            {
              path: 'models/:name/versions/:version',
              ...lazyRoute(qc, () => import('./routes/model-version')),
            },
            {
              path: 'models/:name/compare',
              ...lazyRoute(qc, () => import('./routes/model-compare')),
            },
            // MLflow 3 pages (logged models, sessions, prompts, evaluation runs)
            {
              path: 'experiments/:experimentId/models',
              ...lazyRoute(qc, () => import('./routes/logged-models')),
            },
            {
              path: 'experiments/:experimentId/sessions',
              ...lazyRoute(qc, () => import('./routes/sessions')),
            },
            {
              path: 'experiments/:experimentId/sessions/:sessionId',
              ...lazyRoute(qc, () => import('./routes/session')),
            },
            {
              path: 'experiments/:experimentId/evaluations/:runId',
              ...lazyRoute(qc, () => import('./routes/evaluation')),
            },
            { path: 'prompts', ...lazyRoute(qc, () => import('./routes/prompts')) },
            { path: 'prompts/:name', ...lazyRoute(qc, () => import('./routes/prompt')) },
            {
              path: 'logged-models/:modelId',
              ...lazyRoute(qc, () => import('./routes/logged-model')),
            },
            { path: '*', Component: NotFound },
          ],
        },
      ],
    },
  ]);
}
