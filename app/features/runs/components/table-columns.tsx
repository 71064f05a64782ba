import type { ColumnDef } from '@tanstack/react-table';
import { createContext, useContext } from 'react';
import { columnId, columnLabel, isComputed, type ColumnSpec } from '../model/columns';
import type { TableRow } from '../model/rows';
import { orderByFor } from '../model/view-state';
import { RunCell, RunNameLink, StatusIcon, SummaryCell } from './cells';

/** What the cells need from the page, given by context so the column defs stay stable. */
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

function useActions(): RunsTableActions {
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
  const a = useActions();
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

function SelectCell({ row }: { row: TableRow }) {
  const a = useActions();
  if (row.kind !== 'run') return null;
  const name = row.run.info.name || row.run.info.id;
  return (
    <input
      type="checkbox"
      aria-label={`Select run ${name}`}
      checked={a.isSelected(row.run.info.id)}
      onChange={() => undefined}
      onClick={(e) => {
        e.stopPropagation();
        a.onCheck(row.run.info.id, e.shiftKey);
      }}
    />
  );
}

function NameCell({ row }: { row: TableRow }) {
  const a = useActions();
  if (row.kind === 'group') {
    return (
      <button
        type="button"
        className="tree-toggle group-toggle"
        aria-expanded={!row.collapsed}
        onClick={(e) => {
          e.stopPropagation();
          a.onToggleGroup(row.value);
        }}
      >
        <span aria-hidden="true">{row.collapsed ? '▸' : '▾'}</span> {row.label} = {row.value === '' ? '(none)' : row.value}{' '}
        <span className="badge">{row.count} runs</span>
      </button>
    );
  }
  const { run } = row;
  const name = run.info.name || run.info.id;
  return (
    <span className="name-cell" style={{ paddingLeft: row.depth * 16 }}>
      {row.childCount > 0 ? (
        <button
          type="button"
          className="tree-toggle"
          aria-expanded={row.expanded}
          aria-label={`${row.expanded ? 'Collapse' : 'Expand'} ${name} (${row.childCount} child runs)`}
          onClick={(e) => {
            e.stopPropagation();
            a.onToggleExpand(run.info.id);
          }}
        >
          <span aria-hidden="true">{row.expanded ? '▾' : '▸'}</span>
          <span className="child-count" aria-hidden="true">{a.loadingChildren(run.info.id) ? '…' : row.childCount}</span>
        </button>
      ) : (
        <span className="tree-spacer" />
      )}
      <StatusIcon status={run.info.status} />
      <RunNameLink run={run} />
    </span>
  );
}

export function buildColumns(specs: readonly ColumnSpec[]): ColumnDef<TableRow>[] {
  const cols: ColumnDef<TableRow>[] = [
    {
      id: 'select',
      size: 36,
      enableResizing: false,
      header: () => <SelectAllHeader />,
      cell: ({ row }) => <SelectCell row={row.original} />,
      meta: { spec: null, label: 'Select', sortable: false, numeric: false } satisfies ColumnMeta,
    },
    {
      id: 'name',
      size: 280,
      minSize: 120,
      header: 'Run name',
      cell: ({ row }) => <NameCell row={row.original} />,
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
      cell: ({ row }) => {
        const r = row.original;
        if (r.kind === 'group') return spec.kind === 'metric' && !isComputed(spec) ? <SummaryCell summary={r.summaries[spec.key]} /> : null;
        return <RunCell run={r.run} spec={spec} />;
      },
      meta: { spec, label, sortable: orderByFor(id) !== null, numeric: spec.kind === 'metric' } satisfies ColumnMeta,
    });
  }
  return cols;
}
