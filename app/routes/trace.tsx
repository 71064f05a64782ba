import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useLoaderData, useParams } from 'react-router';
import { traceDataQueryOptions, traceInfoQueryOptions } from '../features/traces/queries';

/*
 * This module is the route's chunk, kept small: a 10k-span trace starts
 * downloading as soon as the route matches (the entry's warmTrace also asks
 * for the page's code). The loader waits only for the code, and hands the page
 * over as loader data, so it renders at once: no Suspense fallback whose
 * reveal React would hold back.
 */
const loadPage = () => import('../features/traces/components/TracePage').then((m) => ({ TracePage: m.TracePage }));
type PageCode = Awaited<ReturnType<typeof loadPage>>;

/** Ask for the info and the span data before the page mounts (not awaited); wait for the page's code. */
export function makeLoader(qc: QueryClient) {
  return ({ params }: LoaderFunctionArgs): Promise<PageCode> => {
    const id = params.requestId ?? '';
    void qc.prefetchQuery(traceInfoQueryOptions(id)).catch(() => undefined);
    void qc.prefetchQuery(traceDataQueryOptions(id)).catch(() => undefined);
    return loadPage();
  };
}

export function Component() {
  const { requestId = '' } = useParams();
  const { TracePage } = useLoaderData<PageCode>();
  return (
    <section className="page page-wide trace-route">
      <TracePage requestId={requestId} />
    </section>
  );
}
