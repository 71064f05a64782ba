import type { QueryClient } from '@tanstack/react-query';
import { useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { ComparePage } from '../features/registry/components/ComparePage';
import { modelVersionQueryOptions } from '../lib/shared-queries';
import { useDocumentTitle } from '../components/use-document-title';

function parseVersions(p: URLSearchParams): string[] {
  return [
    ...new Set(
      (p.get('versions') ?? '')
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}

/** Ask for the compared versions before the page mounts (not awaited). */
export function makeLoader(qc: QueryClient) {
  return ({ params, request }: LoaderFunctionArgs) => {
    const name = params.name ?? '';
    for (const v of parseVersions(new URL(request.url).searchParams))
      void qc.prefetchQuery(modelVersionQueryOptions(name, v));
    return null;
  };
}

export function Component() {
  const { name = '' } = useParams();
  const [params] = useSearchParams();
  useDocumentTitle(`Compare versions of ${name}`);
  return <ComparePage name={name} versions={parseVersions(params)} />;
}
