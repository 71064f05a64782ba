import { useQueries } from '@tanstack/react-query';
import { at } from '../../../lib/at';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { FileInfo } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { useUrlParam } from '../../../components/use-url-state';
import { ancestorFolders, neighbourRow, visibleFileRows } from '../model/files';
import { parseStepImage } from '../model/step-images';
import { artifactListQueryOptions } from '../queries';
import { ArtifactPreview, preloadPreview } from './ArtifactPreview';
import { ArtifactTreeRow } from './ArtifactTreeRow';

/**
 * Lazy folder tree on the left, preview on the right. The selected file lives
 * in `?artifact=` (old MLflow `artifactPath` links are mapped to it).
 */
export function ArtifactBrowser({ runId }: { runId: string }) {
  const [selected, setSelected] = useUrlParam('artifact');
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(ancestorFolders(selected)));

  // A deep link (or the step slider) may select a file inside a closed folder.
  useEffect(() => {
    const need = ancestorFolders(selected).filter((f) => !expanded.has(f));
    if (need.length) setExpanded((prev) => new Set([...prev, ...need]));
  }, [selected, expanded]);

  const folders = useMemo(() => ['', ...[...expanded].sort()], [expanded]);
  const results = useQueries({ queries: folders.map((f) => artifactListQueryOptions(runId, f)) });
  const listings = new Map<string, FileInfo[]>();
  folders.forEach((f, i) => {
    const d = results[i]?.data; // useQueries answers one result per folder
    if (d) listings.set(f, d.files);
  });
  const rootResult = at(results, 0, 'root listing'); // folders[0] is the root, always there
  const listingKey = results.map((r) => r.dataUpdatedAt).join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- listingKey stands for the listings' contents
  const rows = useMemo(() => visibleFileRows(listings, expanded), [listingKey, expanded]);
  const folderErrors = folders
    .map((f, i) => ({ f, error: results[i]?.error ?? null }))
    .filter((x): x is { f: string; error: Error } => x.error !== null && x.f !== '');

  const toggle = (path: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  const selectedRow = rows.find((r) => r.path === selected) ?? null;
  // Until the folders above a deep-linked file are listed, its size is unknown:
  // wait for it rather than download a file that may be too large to preview.
  const waitingForListing = ancestorFolders(selected).some((f) => {
    const i = folders.indexOf(f);
    return results[i]?.isPending ?? true;
  });
  const selectedFile: FileInfo | null = selectedRow
    ? { path: selectedRow.path, isDir: selectedRow.isDir, fileSize: selectedRow.size }
    : selected && !rootResult.isPending && !waitingForListing
      ? { path: selected, isDir: false, fileSize: null }
      : null;
  const parent = selected.includes('/') ? selected.slice(0, selected.lastIndexOf('/')) : '';
  const siblings = (listings.get(parent) ?? []).filter((f) => !f.isDir).map((f) => f.path);

  // Once the page is idle, load the preview code for the kinds of files shown,
  // so a click previews at once rather than behind a loading fallback.
  const fileKey = rows
    .filter((r) => !r.isDir)
    .map((r) => r.path)
    .join('\n');
  useEffect(() => {
    const paths = fileKey ? fileKey.split('\n') : [];
    const run = () => paths.forEach((p) => void preloadPreview(p).catch(() => undefined));
    const t = setTimeout(run, 300);
    return () => clearTimeout(t);
  }, [fileKey]);

  const treeRef = useRef<HTMLDivElement>(null);
  const focusRow = (path: string) => {
    requestAnimationFrame(() => {
      const el = treeRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
      el?.focus();
    });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const current = selectedRow ?? null;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = neighbourRow(rows, current?.path ?? null, e.key === 'ArrowDown' ? 1 : -1);
      if (next) {
        setSelected(next.path);
        focusRow(next.path);
      }
    } else if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && current?.isDir) {
      e.preventDefault();
      if ((e.key === 'ArrowRight') !== current.expanded) toggle(current.path);
    } else if (e.key === 'Enter' && current?.isDir) {
      e.preventDefault();
      toggle(current.path);
    }
  };

  // Nothing to browse: one line, not a tree pane and an empty preview box.
  if (rootResult.isSuccess && rows.length === 0 && !selected)
    return <p className="muted">This run has no artifacts.</p>;

  return (
    <div className="artifact-browser">
      <div className="artifact-tree-pane">
        {rootResult.isPending ? <Spinner label="Loading artifacts…" /> : null}
        {rootResult.error ? (
          <ErrorNotice
            title="Artifacts"
            error={rootResult.error}
            onRetry={() => void rootResult.refetch()}
          />
        ) : null}
        {rootResult.isSuccess && rows.length === 0 ? (
          <p className="empty">This run has no artifacts.</p>
        ) : null}
        {rows.length ? (
          <div
            ref={treeRef}
            role="tree"
            aria-label="Artifacts"
            className="artifact-tree"
            onKeyDown={onKeyDown}
          >
            {rows.map((r, i) => (
              <ArtifactTreeRow
                key={r.path}
                runId={runId}
                row={r}
                selected={r.path === selected}
                tabbable={r.path === selected || (!selectedRow && i === 0)}
                onActivate={() => {
                  setSelected(r.path);
                  if (r.isDir) toggle(r.path);
                }}
              />
            ))}
          </div>
        ) : null}
        {folderErrors.map(({ f, error }) => (
          <ErrorNotice key={f} title={`Folder ${f}`} error={error} />
        ))}
      </div>
      <div className="artifact-preview-pane">
        {selectedFile && !selectedFile.isDir ? (
          <ArtifactPreview
            // Step images of one key share a panel, so the slider keeps focus while moving.
            key={parseStepImage(selectedFile.path)?.key ?? selectedFile.path}
            runId={runId}
            file={selectedFile}
            siblings={siblings}
            onSelect={setSelected}
          />
        ) : selected && (rootResult.isPending || waitingForListing) ? (
          <Spinner label="Loading…" />
        ) : (
          <p className="empty">
            {selectedFile?.isDir
              ? 'A folder: pick a file inside it.'
              : 'Select a file to preview it.'}
          </p>
        )}
      </div>
    </div>
  );
}
