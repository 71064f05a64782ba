import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { TracePage } from '../features/traces/components/TracePage';
import { traceDataQueryOptions, traceInfoQueryOptions } from '../features/traces/queries';

/** Ask for the info and the span data before the page mounts, without blocking on them. */
export function makeLoader(qc: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
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
