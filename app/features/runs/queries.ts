import { infiniteQueryOptions } from '@tanstack/react-query';
import { fetchAllPages, RUNS_PAGE_SIZE, searchRuns, type Run, type ViewType } from '../../api';
import { runKeys } from '../../lib/query-keys';

export { metricHistoryQueryOptions, runChildrenQueryOptions } from '../../lib/shared-queries';

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

/** For CSV export when not every page has arrived yet. */
export function fetchAllRuns(params: RunListParams, signal?: AbortSignal): Promise<Run[]> {
  return fetchAllPages((pageToken) =>
    searchRuns(
      {
        experimentIds: params.experimentIds,
        filter: params.filter,
        viewType: params.viewType,
        orderBy: params.orderBy,
        pageToken,
      },
      signal,
    ),
  );
}
