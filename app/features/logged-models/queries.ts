import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { getRun, searchLoggedModels, searchModelVersions, type LoggedModel } from '../../api';
import { loggedModelKeys, modelVersionKeys, runKeys } from '../../lib/query-keys';
import { quoteFilterValue } from '../../lib/filter-quote';
import { orderOf, type ModelListParams } from './model/list-params';
import { modelUserCandidates, toModelUser } from './model/users';

export { loggedModelQueryOptions, serverLineQueryOptions } from '../../lib/shared-queries';

export const LOGGED_MODELS_PAGE_SIZE = 50;

export const loggedModelListQueryOptions = (p: ModelListParams & { experimentId: string }) =>
  infiniteQueryOptions({
    queryKey: loggedModelKeys.list(p),
    queryFn: ({ pageParam, signal }) =>
      searchLoggedModels(
        {
          experimentIds: [p.experimentId],
          filter: p.filter,
          orderBy: orderOf(p),
          maxResults: LOGGED_MODELS_PAGE_SIZE,
          pageToken: pageParam,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextPageToken ?? undefined,
  });

/**
 * Registered versions made from a logged model. The versions search cannot
 * filter on `source`, so it asks for the source run's versions and keeps those
 * whose logged model is this one.
 */
export const loggedModelVersionsQueryOptions = (modelId: string, sourceRunId: string) =>
  queryOptions({
    queryKey: modelVersionKeys.fromLoggedModel(modelId),
    queryFn: ({ signal }) =>
      sourceRunId
        ? searchModelVersions(
            { filter: `run_id = ${quoteFilterValue(sourceRunId)}`, maxResults: 200 },
            signal,
          ).then((p) => p.items.filter((v) => v.modelId === modelId))
        : Promise.resolve([]),
  });

/**
 * The runs that used a logged model: those that logged metrics for it (read
 * from the model's metrics), each read with runs/get to tell whether it also
 * took the model as an input (runs/search leaves model inputs out on 3.x).
 * Capped at MODEL_USERS_CAP reads; the rest are counted.
 */
export const loggedModelUsersQueryOptions = (
  model: Pick<LoggedModel, 'id' | 'metricRunIds' | 'sourceRunId'>,
) =>
  queryOptions({
    queryKey: runKeys.usingModel(model.id),
    queryFn: async ({ signal }) => {
      const { runIds, more } = modelUserCandidates(model);
      const runs = await Promise.all(runIds.map((id) => getRun(id, signal)));
      return { users: runs.map((r) => toModelUser(r, model.id)), more };
    },
  });
