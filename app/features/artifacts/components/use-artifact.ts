import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { extension } from '../model/kind';
import { artifactBlobQueryOptions } from '../queries';

const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
};

/**
 * The file's bytes as an object URL typed by extension (the server may send
 * octet-stream). Fetching, rather than `<img src>`, lets a failed file show the
 * server's own message in its panel (2.17 step images answer 400).
 */
export function useArtifactObjectUrl(runId: string, path: string) {
  const q = useQuery(artifactBlobQueryOptions(runId, path));
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!q.data) return;
    const type = MIME[extension(path)] ?? q.data.type;
    const u = URL.createObjectURL(new Blob([q.data], { type }));
    setUrl(u);
    return () => {
      URL.revokeObjectURL(u);
      setUrl(null);
    };
  }, [q.data, path]);
  return { url, error: q.error, isPending: q.isPending, refetch: q.refetch };
}
