import type { QueryClient } from '@tanstack/react-query';
import { ExperimentSubpage, experimentSubpageLoader } from '../components/ExperimentSubpage';
import { SessionsList } from '../features/sessions/components/SessionsList';
import { sessionListQueryOptions } from '../features/sessions/queries';

export const makeLoader = (qc: QueryClient) =>
  experimentSubpageLoader(qc, (experimentId) =>
    qc.prefetchQuery(sessionListQueryOptions(experimentId)),
  );

/** `/experiments/:experimentId/sessions` (MLflow 3). */
export function Component() {
  return (
    <ExperimentSubpage title="Sessions" current="sessions">
      {(id) => <SessionsList experimentId={id} />}
    </ExperimentSubpage>
  );
}
