import { queryOptions } from '@tanstack/react-query';
import { fetchRunArtifactBlob, fetchRunArtifactText } from '../../api';
import { artifactKeys } from '../../lib/query-keys';

/** Artifacts do not change once logged: cache them for the session. */
const IMMUTABLE = { staleTime: Infinity, gcTime: 10 * 60_000 } as const;

export { artifactListQueryOptions } from '../../lib/shared-queries';

export const artifactTextQueryOptions = (runId: string, path: string) =>
  queryOptions({
    queryKey: artifactKeys.text(runId, path),
    queryFn: ({ signal }) => fetchRunArtifactText(runId, path, signal),
    retry: false,
    ...IMMUTABLE,
  });

export const artifactBlobQueryOptions = (runId: string, path: string) =>
  queryOptions({
    queryKey: artifactKeys.blob(runId, path),
    queryFn: ({ signal }) => fetchRunArtifactBlob(runId, path, signal),
    retry: false,
    ...IMMUTABLE,
  });
