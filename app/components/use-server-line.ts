import { useQuery } from '@tanstack/react-query';
import type { MlflowLine } from '../api';
import { serverLineQueryOptions } from '../lib/shared-queries';

/** The tracking server's MLflow line, or null while it is being asked. */
export function useServerLine(): MlflowLine | null {
  const { data } = useQuery(serverLineQueryOptions());
  return data ?? null;
}
