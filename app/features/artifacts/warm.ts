import type { QueryClient } from '@tanstack/react-query';
import { ancestorFolders } from './model/files';
import { artifactKind, canPreview, type ArtifactKind } from './model/kind';
import {
  artifactBlobQueryOptions,
  artifactListQueryOptions,
  artifactTextQueryOptions,
} from './queries';

/** Kinds whose preview reads the file as text; the rest of the previewable kinds read a blob. */
const TEXT_KINDS = new Set<ArtifactKind>([
  'text',
  'json',
  'yaml',
  'csv',
  'tsv',
  'markdown',
  'html',
  'mlmodel',
]);
const BLOB_KINDS = new Set<ArtifactKind>(['image', 'svg', 'pdf']);

const quiet = (p: Promise<unknown>) => void p.catch(() => undefined);

/**
 * A link that names an artifact (`?artifact=reports/full_export.csv`) should
 * not wait for the page code, then the folder tree, then the preview's code,
 * one after another. Ask for every folder on the way at once (the root is the
 * run route's: app/router.tsx warms it with the run); as soon as the
 * file's own folder says how big it is, fetch its bytes if they will be
 * previewed (never a file over its kind's preview limit, nor a binary one).
 */
export function warmArtifact(qc: QueryClient, runId: string, path: string): void {
  if (!runId || !path) return;
  for (const folder of ancestorFolders(path))
    quiet(qc.prefetchQuery(artifactListQueryOptions(runId, folder)));
  const kind = artifactKind(path);
  const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  quiet(
    qc.fetchQuery(artifactListQueryOptions(runId, parent)).then((listing) => {
      const file = listing.files.find((f) => f.path === path);
      if (!file || file.isDir || file.fileSize === null || !canPreview(kind, file.fileSize).ok)
        return;
      if (TEXT_KINDS.has(kind)) return qc.prefetchQuery(artifactTextQueryOptions(runId, path));
      if (BLOB_KINDS.has(kind)) return qc.prefetchQuery(artifactBlobQueryOptions(runId, path));
    }),
  );
}
