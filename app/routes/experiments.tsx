import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { ExperimentsPage } from '../features/experiments/components/ExperimentsPage';
import {
  experimentListParams,
  parseExperimentListUrl,
} from '../features/experiments/model/list-params';
import { experimentListQueryOptions } from '../features/experiments/queries';
import { useDocumentTitle } from '../components/use-document-title';

/** Warm the first page of the list before the page mounts (not awaited). */
export function makeLoader(qc: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const url = parseExperimentListUrl(new URL(request.url).searchParams);
    void qc
      .prefetchInfiniteQuery(experimentListQueryOptions(experimentListParams(url)))
      .catch(() => undefined);
    return null;
  };
}

export function Component() {
  useDocumentTitle('Experiments');
  return <ExperimentsPage />;
}
