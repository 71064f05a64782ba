import { QueryCache, QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from './api';
import { useConnectionStore } from './features/shell/connection-store';

/** Connect the query cache to the "server unreachable" banner. */
export function watchConnection(queryClient: QueryClient): void {
  const cache: QueryCache = queryClient.getQueryCache();
  cache.subscribe((event) => {
    if (event.type !== 'updated') return;
    const { state } = event.query;
    if (event.action.type === 'error' && isApiError(state.error) && state.error.isUnreachable) {
      useConnectionStore.getState().setUnreachable(state.error.message);
    } else if (event.action.type === 'success') {
      useConnectionStore.getState().setReachable();
    }
  });
}

export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
