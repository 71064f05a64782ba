import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api';

/**
 * One QueryClient for the app. Client errors (4xx) are not retried: a bad
 * filter stays bad. Network trouble is retried a little.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        retry: (count, err) => {
          if (isApiError(err) && err.status >= 400 && err.status < 500) return false;
          return count < 1;
        },
      },
      mutations: { retry: false },
    },
  });
}
