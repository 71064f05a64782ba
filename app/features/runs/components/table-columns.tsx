import type { ColumnDef } from '@tanstack/react-table';
import { createContext, useContext } from 'react';
import { columnId, columnLabel, type ColumnSpec } from '../model/columns';
import type { TableRow } from '../model/rows';
import { orderByFor } from '../model/view-state';

/** What the header and rows need from the page, given by context so the column defs stay stable. (Cells are rendered by RunRow.) */
export interface RunsTableActions {
  isSelected: (runId: string) => boolean;
  onCheck: (runId: string, shift: boolean) => void;
  allSelected: boolean;
  someSelected: boolean;
  onCheckAll: () => void;
  onToggleExpand: (runId: string) => void;
  onToggleGroup: (value: string) => void;
  loadingChildren: (runId: string) => boolean;
}

export const RunsTableContext = createContext<RunsTableActions | null>(null);

export function useRunsTableActions(): RunsTableActions {
  const a = useContext(RunsTableContext);
  if (!a) throw new Error('RunsTableContext missing');
  return a;
}

export interface ColumnMeta {
  spec: ColumnSpec | null;
  label: string;
  /** order_by is possible for this column */
  sortable: boolean;
  numeric: boolean;
}

function SelectAllHeader() {
  const a = useRunsTableActions();
  return (
    <input
      type="checkbox"
      aria-label="Select all matching runs"
      checked={a.allSelected}
      ref={(el) => {
        if (el) el.indeterminate = a.someSelected && !a.allSelected;
      }}
      onChange={a.onCheckAll}
    />
  );
}

export function buildColumns(specs: readonly ColumnSpec[]): ColumnDef<TableRow>[] {
  const cols: ColumnDef<TableRow>[] = [
    {
      id: 'select',
      size: 36,
      enableResizing: false,
      header: () => <SelectAllHeader />,
      meta: { spec: null, label: 'Select', sortable: false, numeric: false } satisfies ColumnMeta,
    },
    {
      id: 'name',
      size: 280,
      minSize: 120,
      header: 'Run name',
      meta: { spec: null, label: 'Run name', sortable: true, numeric: false } satisfies ColumnMeta,
    },
  ];
  for (const spec of specs) {
    const id = columnId(spec);
    const label = columnLabel(spec);
    cols.push({
      id,
      size: spec.kind === 'fixed' ? 120 : 140,
      minSize: 60,
      header: label,
      meta: {
        spec,
        label,
        sortable: orderByFor(id) !== null,
        numeric: spec.kind === 'metric',
      } satisfies ColumnMeta,
    });
  }
  return cols;
}
