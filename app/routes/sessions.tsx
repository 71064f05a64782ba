import type { QueryClient } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { ExperimentNav } from '../components/ExperimentNav';
import { SessionsList } from '../features/sessions/components/SessionsList';
import { sessionListQueryOptions } from '../features/sessions/queries';
import { experimentQueryOptions } from '../lib/shared-queries';

export function makeLoader(qc: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const id = params.experimentId ?? '';
    void qc.prefetchQuery(sessionListQueryOptions(id)).catch(() => undefined);
    void qc.prefetchQuery(experimentQueryOptions(id)).catch(() => undefined);
    return null;
  };
}

/** `/experiments/:experimentId/sessions` (MLflow 3). */
export function Component() {
  const { experimentId = '' } = useParams();
  const exp = useQuery(experimentQueryOptions(experimentId));
  return (
    <section className="page page-wide">
      <div className="toolbar">
        <h1>Sessions{exp.data ? <span className="muted"> · {exp.data.name}</span> : null}</h1>
        <span className="grow" />
        <ExperimentNav experimentId={experimentId} current="sessions" />
      </div>
      <SessionsList experimentId={experimentId} />
    </section>
  );
}
