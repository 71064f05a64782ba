import { infiniteQueryOptions } from '@tanstack/react-query';
import { searchTraces } from '../../api';
import { traceKeys } from '../../lib/query-keys';

export { traceDataQueryOptions, traceInfoQueryOptions } from '../../lib/shared-queries';

export interface TraceListParams {
  experimentId: string;
  filter: string;
  orderBy: string[];
}

export const TRACE_LIST_PAGE_SIZE = 100;

export const traceListQueryOptions = (params: TraceListParams) =>
  infiniteQueryOptions({
    queryKey: traceKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      searchTraces(
        {
          experimentIds: [params.experimentId],
          filter: params.filter,
          orderBy: params.orderBy,
          maxResults: TRACE_LIST_PAGE_SIZE,
          pageToken: pageParam,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextPageToken ?? undefined,
  });
