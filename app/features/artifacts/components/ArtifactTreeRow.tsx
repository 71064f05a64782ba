import { memo } from 'react';
import { runArtifactUrl } from '../../../api';
import { formatBytes } from '../../../lib/format';
import { displayName, type FileRow } from '../model/files';

interface Props {
  runId: string;
  row: FileRow;
  selected: boolean;
  tabbable: boolean;
  onActivate: () => void;
}

/** One tree row. Names are shown as text: a file name is server data. */
export const ArtifactTreeRow = memo(function ArtifactTreeRow({
  runId,
  row,
  selected,
  tabbable,
  onActivate,
}: Props) {
  return (
    <div className="artifact-row" style={{ paddingLeft: 6 + row.depth * 16 }}>
      <div
        role="treeitem"
        aria-level={row.depth + 1}
        aria-selected={selected}
        aria-expanded={row.isDir ? row.expanded : undefined}
        aria-label={row.label ?? displayName(row.name)}
        data-path={row.path}
        tabIndex={tabbable ? 0 : -1}
        className={selected ? 'artifact-item selected' : 'artifact-item'}
        onClick={onActivate}
      >
        <span aria-hidden="true" className="artifact-icon">
          {row.isDir ? (row.expanded ? '▾' : '▸') : '·'}
        </span>
        <span className="artifact-name" title={displayName(row.path)}>
          {row.label ?? displayName(row.name)}
        </span>
        {row.loading ? <span className="muted"> …</span> : null}
      </div>
      {row.isDir ? null : (
        <>
          <span className="muted artifact-size">{formatBytes(row.size)}</span>
          <a
            className="artifact-download"
            href={runArtifactUrl(runId, row.path)}
            download={row.name}
            aria-label={`Download ${row.name}`}
            title="Download"
            tabIndex={-1}
          >
            ⤓
          </a>
        </>
      )}
    </div>
  );
});
