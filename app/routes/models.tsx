import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { ModelsPage } from '../features/registry/components/ModelsPage';
import { modelListParamsFor, readModelListParams } from '../features/registry/model/filter';
import { modelListQueryOptions } from '../features/registry/queries';
import { useDocumentTitle } from '../components/use-document-title';

/** Warm the first page of the list before the page mounts (not awaited). */
export function makeLoader(qc: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const { q, sort, desc } = readModelListParams(new URL(request.url).searchParams);
    void qc
      .prefetchInfiniteQuery(modelListQueryOptions(modelListParamsFor(q, sort, desc)))
      .catch(() => undefined);
    return null;
  };
}

export function Component() {
  useDocumentTitle('Models');
  return <ModelsPage />;
}
