import { infiniteQueryOptions } from '@tanstack/react-query';
import { searchExperiments, type ViewType } from '../../api';
import { experimentKeys } from '../../lib/query-keys';

export interface ExperimentListParams {
  filter?: string;
  viewType: ViewType;
  orderBy: string[];
}

export const EXPERIMENTS_PAGE_SIZE = 200;

export const experimentListQueryOptions = (params: ExperimentListParams) =>
  infiniteQueryOptions({
    queryKey: experimentKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      searchExperiments(
        {
          filter: params.filter,
          viewType: params.viewType,
          orderBy: params.orderBy,
          maxResults: EXPERIMENTS_PAGE_SIZE,
          pageToken: pageParam,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextPageToken ?? undefined,
  });
