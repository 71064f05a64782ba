import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { TracePage } from '../features/traces/components/TracePage';
import { traceDataQueryOptions, traceInfoQueryOptions } from '../features/traces/queries';

/*
 * The route's chunk holds the page itself: the trace's data does not wait for
 * it (index.html asks for the spans and the info on a first load, the entry's
 * warmTrace on a later one), so splitting the page off would only cost one
 * more request before it can render.
 */

/** Ask for the info and the span data before the page mounts (not awaited). */
export function makeLoader(qc: QueryClient) {
  return ({ params }: LoaderFunctionArgs): null => {
    const id = params.requestId ?? '';
    void qc.prefetchQuery(traceInfoQueryOptions(id)).catch(() => undefined);
    void qc.prefetchQuery(traceDataQueryOptions(id)).catch(() => undefined);
    return null;
  };
}

export function Component() {
  const { requestId = '' } = useParams();
  return (
    <section className="page page-wide trace-route">
      <TracePage requestId={requestId} />
    </section>
  );
}
