import { memo, type CSSProperties, type MouseEvent, type ReactNode } from 'react';
import { isComputed, type ColumnSpec } from '../model/columns';
import type { GroupRow, RunRow as RunRowData, TableRow } from '../model/rows';
import { truncate } from '../../../lib/format';
import { runCell, StatusIcon, SummaryCell, type CellValue } from './cells';
import type { RunsTableActions } from './table-columns';
import { runPath } from '../../../lib/paths';

/** One rendered column of the grid: what a cell needs, computed once per column set (not per row). */
export interface GridColumn {
  id: string;
  spec: ColumnSpec | null;
  numeric: boolean;
  /** 1-based aria-colindex. */
  colIndex: number;
  style: CSSProperties;
}

/** Pinned columns sit in one sticky group per row: one composited layer per row instead of one per pinned cell. */
export const PINNED_GROUP_STYLE: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  display: 'flex',
  flex: 'none',
};

export interface GridLayout {
  left: GridColumn[];
  center: GridColumn[];
  /** Width of the unrendered center columns before the first rendered one. */
  offset: number;
  width: number;
}

interface RowProps {
  /** The DOM slot this row element is (app/lib/row-slots.ts). */
  slot: number;
  row: TableRow;
  index: number;
  top: number;
  layout: GridLayout;
  active: boolean;
  selected: boolean;
  actions: RunsTableActions;
  onOpen: (row: TableRow) => void;
  onActivate: (index: number) => void;
}

const isPlainClick = (e: MouseEvent) =>
  e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;

/**
 * One row, memoized: scrolling re-renders only the rows that enter the window,
 * each in the slot of one that left (RunsTable keys rows by slot). Cells are
 * plain elements (no component per cell, no react-table Cell objects) because
 * a fast scroll updates a dozen rows a frame.
 */
export const RunRow = memo(function RunRow(p: RowProps) {
  const { row, layout } = p;
  const cls = `runs-grid-row${row.kind === 'group' ? ' group-row' : ''}${p.active ? ' active' : ''}${p.selected ? ' selected' : ''}`;
  const cell = (c: GridColumn, pinned: boolean, v: CellValue) => {
    const cls = `runs-grid-cell${c.numeric ? ' num' : ''}${pinned ? ' pinned' : ''}`;
    return v.kind === 'text' ? (
      // the title is written when the pointer enters the cell (RunsTable, showCellTitle)
      <div
        key={c.id}
        role="cell"
        aria-colindex={c.colIndex}
        className={`${cls} text${v.mono ? ' mono' : ''}`}
        style={c.style}
      >
        {v.text}
      </div>
    ) : (
      <div key={c.id} role="cell" aria-colindex={c.colIndex} className={cls} style={c.style}>
        {v.node}
      </div>
    );
  };
  const node = (n: ReactNode): CellValue => ({ kind: 'node', node: n });
  const content = (c: GridColumn): CellValue => {
    if (c.id === 'select')
      return node(row.kind === 'run' ? selectBox(row, p.selected, p.actions) : null);
    if (c.id === 'name')
      return node(row.kind === 'run' ? runName(row, p.actions) : groupToggle(row, p.actions));
    const spec = c.spec;
    if (!spec) return node(null);
    if (row.kind === 'run') return runCell(row.run, spec);
    return node(
      spec.kind === 'metric' && !isComputed(spec) ? (
        <SummaryCell summary={row.summaries[spec.key]} />
      ) : null,
    );
  };
  return (
    <div
      role="row"
      data-slot={p.slot}
      aria-rowindex={p.index + 2}
      aria-selected={row.kind === 'run' ? p.selected : undefined}
      className={cls}
      data-index={p.index}
      style={{ transform: `translateY(${p.top}px)`, width: layout.width }}
      onClick={(e) => {
        p.onActivate(p.index);
        const target = e.target as HTMLElement;
        // the run name is a plain link: an ordinary click navigates in the app, modified clicks open a tab
        if (target.closest('a.run-name')) {
          if (isPlainClick(e) && row.kind === 'run') {
            e.preventDefault();
            p.onOpen(row);
          }
          return;
        }
        if (target.closest('a,button,input,label,select')) return;
        if (row.kind === 'run') p.onOpen(row);
      }}
    >
      <div className="pinned" style={PINNED_GROUP_STYLE}>
        {layout.left.map((c) => cell(c, true, content(c)))}
      </div>
      {layout.offset > 0 ? (
        <div className="runs-grid-spacer" style={{ width: layout.offset }} />
      ) : null}
      {layout.center.map((c) => cell(c, false, content(c)))}
    </div>
  );
});

function selectBox(row: RunRowData, selected: boolean, a: RunsTableActions) {
  const name = row.run.info.name || row.run.info.id;
  return (
    <input
      type="checkbox"
      aria-label={`Select run ${name}`}
      checked={selected}
      onChange={() => undefined}
      onClick={(e) => {
        e.stopPropagation();
        a.onCheck(row.run.info.id, e.shiftKey);
      }}
    />
  );
}

function groupToggle(row: GroupRow, a: RunsTableActions) {
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
      <span aria-hidden="true">{row.collapsed ? '▸' : '▾'}</span> {row.label} ={' '}
      {row.value === '' ? '(none)' : row.value} <span className="badge">{row.count} runs</span>
    </button>
  );
}

function runName(row: RunRowData, a: RunsTableActions) {
  const { run } = row;
  const name = run.info.name || run.info.id;
  return (
    <span className="name-cell" style={row.depth ? { paddingLeft: row.depth * 16 } : undefined}>
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
          <span className="child-count" aria-hidden="true">
            {a.loadingChildren(run.info.id) ? '…' : row.childCount}
          </span>
        </button>
      ) : (
        <span className="tree-spacer" />
      )}
      <StatusIcon status={run.info.status} />
      {runNameLink(run)}
    </span>
  );
}

/** A plain anchor (a router Link per row costs several hooks); the row's click handler navigates. */
function runNameLink(run: RunRowData['run']) {
  const name = run.info.name || run.info.id;
  return (
    <a
      href={runPath({ experimentId: run.info.experimentId, runId: run.info.id })}
      className="run-name"
      title={name}
    >
      {truncate(name, 120)}
    </a>
  );
}
