import type { ReactNode } from 'react';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { baseName } from '../model/kind';
import { useArtifactObjectUrl } from './use-artifact';

/**
 * A file drawn from its object URL (images, PDFs): a spinner while it loads, the
 * server's message with Retry when it fails, else `children(url)`.
 */
export function WithObjectUrl({
  runId,
  path,
  loading,
  children,
}: {
  runId: string;
  path: string;
  /** The spinner's label. */
  loading: string;
  children: (url: string) => ReactNode;
}) {
  const { url, error, isPending, refetch } = useArtifactObjectUrl(runId, path);
  if (error)
    return (
      <ErrorNotice
        title={`Could not load ${baseName(path)}`}
        error={error}
        onRetry={() => void refetch()}
      />
    );
  if (isPending || !url) return <Spinner label={loading} />;
  return <>{children(url)}</>;
}
