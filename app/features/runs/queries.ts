import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { fetchAllPages, getMetricHistory, RUNS_PAGE_SIZE, searchRuns, type Run, type ViewType } from '../../api';
import { metricKeys, runKeys } from '../../lib/query-keys';

export interface RunListParams {
  experimentIds: string[];
  filter?: string;
  viewType: ViewType;
  orderBy: string[];
}

/**
 * All matching runs, page by page: the first page shows at once, the page
 * keeps asking for the next one until the last (see useAllRuns).
 */
export const runListQueryOptions = (params: RunListParams) =>
  infiniteQueryOptions({
    queryKey: runKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      searchRuns(
        {
          experimentIds: params.experimentIds,
          filter: params.filter,
          viewType: params.viewType,
          orderBy: params.orderBy,
          maxResults: RUNS_PAGE_SIZE,
          pageToken: pageParam,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextPageToken ?? undefined,
  });

/** Every child of a parent run, whatever the table's filter (for expanding). */
export const runChildrenQueryOptions = (parentId: string, experimentIds: string[]) =>
  queryOptions({
    queryKey: runKeys.children(parentId),
    queryFn: ({ signal }): Promise<Run[]> =>
      fetchAllPages((pageToken) =>
        searchRuns({ experimentIds, filter: `tags.\`mlflow.parentRunId\` = '${parentId.replace(/'/g, '')}'`, viewType: 'ACTIVE_ONLY', pageToken }, signal),
      ),
  });

/** Full history of one metric of one run, for computed cells (min, max, at best step). */
export const metricHistoryQueryOptions = (runId: string, key: string) =>
  queryOptions({
    queryKey: metricKeys.history(runId, key),
    queryFn: ({ signal }) => getMetricHistory(runId, key, signal),
    staleTime: 60_000,
  });

/** For CSV export when not every page has arrived yet. */
export function fetchAllRuns(params: RunListParams, signal?: AbortSignal): Promise<Run[]> {
  return fetchAllPages((pageToken) =>
    searchRuns({ experimentIds: params.experimentIds, filter: params.filter, viewType: params.viewType, orderBy: params.orderBy, pageToken }, signal),
  );
}
