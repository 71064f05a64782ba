import type { QueryClient } from '@tanstack/react-query';
import { ExperimentSubpage, experimentSubpageLoader } from '../components/ExperimentSubpage';
import { LoggedModelsList } from '../features/logged-models/components/LoggedModelsList';
import { parseModelListParams } from '../features/logged-models/model/list-params';
import { loggedModelListQueryOptions } from '../features/logged-models/queries';

/** Warm the first page of the experiment's logged models (not awaited). */
export const makeLoader = (qc: QueryClient) =>
  experimentSubpageLoader(qc, (experimentId, search) =>
    qc.prefetchInfiniteQuery(
      loggedModelListQueryOptions({ experimentId, ...parseModelListParams(search) }),
    ),
  );

/** `/experiments/:experimentId/models`: the experiment's logged models (MLflow 3). */
export function Component() {
  return (
    <ExperimentSubpage title="Models" current="models">
      {(id) => <LoggedModelsList experimentId={id} />}
    </ExperimentSubpage>
  );
}
