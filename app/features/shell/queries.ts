import { queryOptions } from '@tanstack/react-query';
import { getServerInfo } from '../../api';

export const serverKeys = {
  all: ['server'] as const,
  info: () => [...serverKeys.all, 'info'] as const,
};

export const serverInfoQueryOptions = () =>
  queryOptions({
    queryKey: serverKeys.info(),
    queryFn: ({ signal }) => getServerInfo(signal),
    staleTime: 5 * 60_000,
  });
