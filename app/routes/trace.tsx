import type { QueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { Spinner } from '../components/Spinner';
import { traceDataQueryOptions, traceInfoQueryOptions } from '../features/traces/queries';

/**
 * The page's code is a chunk of its own, asked for by the loader together
 * with the data: this route module stays small, so a 10k-span trace starts
 * downloading as soon as the route matches, not after the whole trace view
 * has loaded.
 */
const loadPage = () => import('../features/traces/components/TracePage');
const TracePage = lazy(() => loadPage().then((m) => ({ default: m.TracePage })));

/** Ask for the info and the span data before the page mounts, without blocking on them. */
export function makeLoader(qc: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const id = params.requestId ?? '';
    void qc.prefetchQuery(traceInfoQueryOptions(id)).catch(() => undefined);
    void qc.prefetchQuery(traceDataQueryOptions(id)).catch(() => undefined);
    void loadPage().catch(() => undefined);
    return null;
  };
}

export function Component() {
  const { requestId = '' } = useParams();
  return (
    <section className="page page-wide trace-route">
      <Suspense fallback={<Spinner label="Loading trace…" />}>
        <TracePage requestId={requestId} />
      </Suspense>
    </section>
  );
}
