import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { ExperimentsPage } from '../features/experiments/components/ExperimentsPage';
import {
  experimentOrderBy,
  experimentSearchFilter,
  type ExperimentSort,
} from '../features/experiments/model/filter';
import { experimentListQueryOptions } from '../features/experiments/queries';
import type { ViewType } from '../api';
import { useDocumentTitle } from '../components/use-document-title';

/** Warm the first page of the list before the page mounts (not awaited). */
export function makeLoader(qc: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const p = new URL(request.url).searchParams;
    const sort = (p.get('sort') as ExperimentSort | null) ?? 'updated';
    const desc = (p.get('dir') ?? (sort === 'name' ? 'asc' : 'desc')) === 'desc';
    void qc
      .prefetchInfiniteQuery(
        experimentListQueryOptions({
          filter: experimentSearchFilter(p.get('q') ?? ''),
          viewType: (p.get('view') as ViewType | null) ?? 'ACTIVE_ONLY',
          orderBy: experimentOrderBy(sort, desc),
        }),
      )
      .catch(() => undefined);
    return null;
  };
}

export function Component() {
  useDocumentTitle('Experiments');
  return <ExperimentsPage />;
}
