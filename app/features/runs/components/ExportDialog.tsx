import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import type { ExportScope } from '../model/csv';

/** Export CSV: the columns on screen, or every param, metric and tag of the runs. */
export function ExportDialog({
  open,
  onExport,
  onClose,
}: {
  open: boolean;
  onExport: (scope: ExportScope) => void;
  onClose: () => void;
}) {
  const [scope, setScope] = useState<ExportScope>('shown');
  return (
    <ConfirmDialog
      open={open}
      title="Export runs as CSV"
      confirmLabel="Export"
      onCancel={onClose}
      onConfirm={() => {
        onClose();
        onExport(scope);
      }}
    >
      <fieldset className="plain-fieldset">
        <legend className="visually-hidden">Columns</legend>
        <label className="inline-check">
          <input
            type="radio"
            name="export-scope"
            checked={scope === 'shown'}
            onChange={() => setScope('shown')}
          />
          The columns shown
        </label>
        <br />
        <label className="inline-check">
          <input
            type="radio"
            name="export-scope"
            checked={scope === 'all'}
            onChange={() => setScope('all')}
          />
          Every param, metric and tag
        </label>
      </fieldset>
      <p className="muted">All runs that match the filter are exported, not only those loaded.</p>
    </ConfirmDialog>
  );
}
