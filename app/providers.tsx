import { QueryCache, QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from './api';
import { useConnectionStore } from './features/shell/connection-store';

/**
 * Connect the query cache to the "server unreachable" banner: it shows while
 * any query's latest answer is an unreachable-server error, and goes away
 * once every such query has been fetched again successfully (Retry).
 */
export function watchConnection(queryClient: QueryClient): void {
  const cache: QueryCache = queryClient.getQueryCache();
  cache.subscribe((event) => {
    if (event.type !== 'updated' && event.type !== 'removed') return;
    if (
      event.type === 'updated' &&
      event.action.type !== 'error' &&
      event.action.type !== 'success'
    )
      return;
    const failing = cache
      .getAll()
      .find(
        (q) =>
          q.state.status === 'error' && isApiError(q.state.error) && q.state.error.isUnreachable,
      );
    if (failing && isApiError(failing.state.error))
      useConnectionStore.getState().setUnreachable(failing.state.error.message);
    else useConnectionStore.getState().setReachable();
  });
}

export function Providers({
  queryClient,
  children,
}: {
  queryClient: QueryClient;
  children: ReactNode;
}) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
