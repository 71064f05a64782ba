import type { QueryClient } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { ExperimentNav } from '../components/ExperimentNav';
import { LoggedModelsList } from '../features/logged-models/components/LoggedModelsList';
import { parseModelListParams } from '../features/logged-models/model/list-params';
import { loggedModelListQueryOptions } from '../features/logged-models/queries';
import { experimentQueryOptions } from '../lib/shared-queries';

/** Warm the first page of the experiment's logged models (not awaited). */
export function makeLoader(qc: QueryClient) {
  return ({ params, request }: LoaderFunctionArgs) => {
    const experimentId = params.experimentId ?? '';
    const list = parseModelListParams(new URL(request.url).searchParams);
    void qc
      .prefetchInfiniteQuery(loggedModelListQueryOptions({ experimentId, ...list }))
      .catch(() => undefined);
    void qc.prefetchQuery(experimentQueryOptions(experimentId)).catch(() => undefined);
    return null;
  };
}

/** `/experiments/:experimentId/models`: the experiment's logged models (MLflow 3). */
export function Component() {
  const { experimentId = '' } = useParams();
  const exp = useQuery(experimentQueryOptions(experimentId));
  return (
    <section className="page page-wide">
      <div className="toolbar">
        <h1>Models{exp.data ? <span className="muted"> · {exp.data.name}</span> : null}</h1>
        <span className="grow" />
        <ExperimentNav experimentId={experimentId} current="models" />
      </div>
      <LoggedModelsList experimentId={experimentId} />
    </section>
  );
}
