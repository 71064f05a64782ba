import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { isApiError, type ApiError, type Run } from '../../api';
import { runListQueryOptions, type RunListParams } from './queries';

const REFRESH_MS = 10_000;

export interface AllRuns {
  runs: Run[];
  /** Every page has arrived. */
  complete: boolean;
  /** The first page has not arrived yet (and nothing to show meanwhile). */
  pending: boolean;
  /** A 400 from the server (a malformed filter): shown under the box, the last good rows stay. */
  filterError: ApiError | null;
  /** Any other failure. */
  error: unknown;
  refetch: () => void;
}

/**
 * All matching runs: the first page is shown at once and the next pages are
 * fetched one after another in the background. While any run is RUNNING the
 * whole list refreshes periodically; rows keep their identity (structural
 * sharing), so scroll position and selection stay.
 */
export function useAllRuns(params: RunListParams): AllRuns {
  const query = useInfiniteQuery({
    ...runListQueryOptions(params),
    placeholderData: keepPreviousData,
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) => p.items.some((r) => r.info.status === 'RUNNING'))
        ? REFRESH_MS
        : false,
  });
  const { hasNextPage, isFetching, isPlaceholderData, isError, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetching && !isPlaceholderData && !isError) void fetchNextPage();
  }, [hasNextPage, isFetching, isPlaceholderData, isError, fetchNextPage]);

  const lastGood = useRef<Run[]>([]);
  const runs = useMemo(() => {
    if (!query.data) return lastGood.current;
    const { pages } = query.data;
    const flat = pages.length === 1 && pages[0] ? pages[0].items : pages.flatMap((p) => p.items);
    lastGood.current = flat;
    return flat;
  }, [query.data]);
  const filterError =
    query.isError && isApiError(query.error) && query.error.status === 400 ? query.error : null;
  return {
    runs,
    complete: query.isSuccess && !hasNextPage && !isPlaceholderData,
    pending: query.isPending && lastGood.current.length === 0,
    filterError,
    error: query.isError && !filterError ? query.error : null,
    refetch: () => void query.refetch(),
  };
}
