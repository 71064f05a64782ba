import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { ComparePage } from '../features/compare/components/ComparePage';
import { parseCompareState } from '../features/compare/model/url-state';
import { compareRunsQueryOptions } from '../features/compare/queries';

/** Warm the compared runs before the page mounts (not awaited: histories load per chart, in view). */
export function makeLoader(qc: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const s = parseCompareState(new URL(request.url).searchParams);
    if (s.runIds.length || s.top)
      void qc
        .prefetchQuery(compareRunsQueryOptions(s.runIds, s.experimentIds, s.top))
        .catch(() => undefined);
    return null;
  };
}

export function Component() {
  return <ComparePage />;
}
