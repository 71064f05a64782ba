import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { TracesList, traceListParamsFromUrl } from '../features/traces/components/TracesList';
import { traceListQueryOptions } from '../features/traces/queries';
import { experimentQueryOptions } from '../lib/shared-queries';
import { useQuery } from '@tanstack/react-query';
import { useDocumentTitle } from '../components/use-document-title';

/** Warm the first page of the list (not awaited). `?run=` narrows it to one run's traces. */
export function makeLoader(qc: QueryClient) {
  return ({ params, request }: LoaderFunctionArgs) => {
    const id = params.experimentId ?? '';
    void qc
      .prefetchInfiniteQuery(
        traceListQueryOptions(traceListParamsFromUrl(id, new URL(request.url).searchParams)),
      )
      .catch(() => undefined);
    void qc.prefetchQuery(experimentQueryOptions(id)).catch(() => undefined);
    return null;
  };
}

export function Component() {
  const { experimentId = '' } = useParams();
  const exp = useQuery(experimentQueryOptions(experimentId));
  useDocumentTitle('Traces', exp.data?.name ?? `Experiment ${experimentId}`);
  return (
    <section className="page page-wide">
      <h1>Traces{exp.data ? <span className="muted"> · {exp.data.name}</span> : null}</h1>
      <TracesList experimentId={experimentId} />
    </section>
  );
}
