import type { QueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { TracesList } from '../features/traces/components/TracesList';
import { parseTraceListUrl, traceListParams } from '../features/traces/model/list-params';
import { traceListQueryOptions } from '../features/traces/queries';
import { experimentQueryOptions } from '../lib/shared-queries';
import { useQuery } from '@tanstack/react-query';
import { useDocumentTitle } from '../components/use-document-title';
import { experimentSubpageLoader } from '../components/ExperimentSubpage';

/** Warm the first page of the list (not awaited). `?run=` narrows it to one run's traces. */
export const makeLoader = (qc: QueryClient) =>
  experimentSubpageLoader(qc, (experimentId, search) =>
    qc.prefetchInfiniteQuery(
      traceListQueryOptions(traceListParams(experimentId, parseTraceListUrl(search))),
    ),
  );

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
