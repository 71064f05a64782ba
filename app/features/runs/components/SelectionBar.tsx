import { useState } from 'react';
import { Link } from 'react-router';
import type { ViewType } from '../../../api';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useDeleteRuns, useDeleteRunsTag, useRestoreRuns, useSetRunsTag } from '../mutations';
import { TagDialog } from './TagDialog';
import { formatInt } from '../../../lib/format';
import { comparePath } from '../../../lib/paths';

interface Props {
  selectedIds: string[];
  /** Runs for the Charts link when nothing is selected (the top visible ones). */
  topIds: string[];
  experimentIds: string[];
  viewType: ViewType;
  matching: number;
  complete: boolean;
  onSelectAll: () => void;
  onClear: () => void;
  onExport: () => void;
  exporting: boolean;
}

/** Actions on the selection (and on the whole result: charts, export). */
export function SelectionBar(p: Props) {
  const [confirm, setConfirm] = useState<'delete' | 'restore' | null>(null);
  const [tagging, setTagging] = useState(false);
  const del = useDeleteRuns();
  const restore = useRestoreRuns();
  const setTag = useSetRunsTag();
  const delTag = useDeleteRunsTag();
  const n = p.selectedIds.length;
  const chartIds = n ? p.selectedIds : p.topIds;
  const runsWord = `${n} run${n === 1 ? '' : 's'}`;
  return (
    <div className="toolbar selection-bar" role="toolbar" aria-label="Run actions">
      <span aria-live="polite">{n ? `${runsWord} selected` : 'No run selected'}</span>
      {n && n < p.matching ? (
        <button type="button" className="button small" onClick={p.onSelectAll}>
          Select all {formatInt(p.matching)}
          {p.complete ? '' : '+'} matching
        </button>
      ) : null}
      {n ? (
        <button type="button" className="button small" onClick={p.onClear}>
          Clear selection
        </button>
      ) : null}
      <span className="grow" />
      {n >= 1 ? (
        <Link
          className="button primary"
          to={comparePath({ runIds: p.selectedIds, experimentIds: p.experimentIds })}
        >
          Compare
        </Link>
      ) : (
        <button type="button" className="button primary" disabled>
          Compare
        </button>
      )}
      {chartIds.length ? (
        <Link
          className="button"
          to={comparePath({ runIds: chartIds, experimentIds: p.experimentIds, view: 'charts' })}
        >
          Charts
        </Link>
      ) : null}
      {p.viewType !== 'DELETED_ONLY' ? (
        <button type="button" className="button" disabled={!n} onClick={() => setConfirm('delete')}>
          Delete
        </button>
      ) : null}
      {p.viewType !== 'ACTIVE_ONLY' ? (
        <button
          type="button"
          className="button"
          disabled={!n}
          onClick={() => setConfirm('restore')}
        >
          Restore
        </button>
      ) : null}
      <button type="button" className="button" disabled={!n} onClick={() => setTagging(true)}>
        Tag
      </button>
      <button
        type="button"
        className="button"
        disabled={p.exporting || p.matching === 0}
        onClick={p.onExport}
      >
        {p.exporting ? 'Exporting…' : 'Export CSV'}
      </button>

      <ConfirmDialog
        open={confirm !== null}
        title={confirm === 'delete' ? `Delete ${runsWord}?` : `Restore ${runsWord}?`}
        confirmLabel={confirm === 'delete' ? 'Delete' : 'Restore'}
        danger={confirm === 'delete'}
        busy={del.isPending || restore.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          const m = confirm === 'delete' ? del : restore;
          m.mutate(p.selectedIds, {
            onSettled: () => {
              setConfirm(null);
              p.onClear();
            },
          });
        }}
      >
        {confirm === 'delete' ? (
          <p>
            The runs move to the Deleted view, where they can be restored until the server's garbage
            collection removes them.
          </p>
        ) : (
          <p>The runs return to the Active view.</p>
        )}
      </ConfirmDialog>
      {tagging ? (
        <TagDialog
          count={n}
          busy={setTag.isPending || delTag.isPending}
          onClose={() => setTagging(false)}
          onSubmit={(action, key, value) => {
            const done = { onSettled: () => setTagging(false) };
            if (action === 'set') setTag.mutate({ ids: p.selectedIds, key, value }, done);
            else delTag.mutate({ ids: p.selectedIds, key }, done);
          }}
        />
      ) : null}
    </div>
  );
}
