import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { ModelsPage } from '../features/registry/components/ModelsPage';
import { modelListParams, parseModelListUrl } from '../features/registry/model/list-params';
import { modelListQueryOptions } from '../features/registry/queries';
import { useDocumentTitle } from '../components/use-document-title';

/** Warm the first page of the list before the page mounts (not awaited). */
export function makeLoader(qc: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const url = parseModelListUrl(new URL(request.url).searchParams);
    void qc
      .prefetchInfiniteQuery(modelListQueryOptions(modelListParams(url)))
      .catch(() => undefined);
    return null;
  };
}

export function Component() {
  useDocumentTitle('Models');
  return <ModelsPage />;
}
