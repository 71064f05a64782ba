import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { searchLoggedModels, searchModelVersions, searchRuns } from '../../api';
import { loggedModelKeys, modelVersionKeys, runKeys } from '../../lib/query-keys';
import { quoteFilterValue } from '../../lib/filter-quote';
import { orderOf, type ModelListParams } from './model/list-params';

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
 * Runs of the model's experiment that took it as an input. The runs search has
 * no filter on model inputs, so the newest 1,000 runs are read and checked.
 */
export const loggedModelUsersQueryOptions = (experimentId: string, modelId: string) =>
  queryOptions({
    queryKey: runKeys.usingModel(modelId),
    queryFn: ({ signal }) =>
      searchRuns(
        {
          experimentIds: [experimentId],
          maxResults: 1000,
          orderBy: ['attributes.start_time DESC'],
        },
        signal,
      ).then((p) => p.items.filter((r) => r.modelInputs.some((i) => i.modelId === modelId))),
  });
