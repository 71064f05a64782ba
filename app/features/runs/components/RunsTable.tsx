import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type Cell,
  type ColumnSizingState,
  type Header,
  type Row,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, type CSSProperties } from 'react';
import type { ColumnSpec } from '../model/columns';
import type { TableRow } from '../model/rows';
import type { SortState } from '../model/view-state';
import { useRunsUiStore } from '../store';
import { buildColumns, type ColumnMeta } from './table-columns';

/** Above this many unpinned columns, only the ones in view are rendered. */
const COLUMN_VIRTUALIZE_AT = 30;

interface RunsTableProps {
  rows: TableRow[];
  specs: ColumnSpec[];
  sort: SortState;
  onSort: (column: string) => void;
  activeIndex: number;
  onRowOpen: (row: TableRow) => void;
  onRowActivate: (index: number) => void;
  /** Lets the page scroll the active row into view (j/k). */
  virtualizerRef: React.MutableRefObject<Virtualizer<HTMLDivElement, Element> | null>;
  isSelected: (runId: string) => boolean;
}

const meta = (h: { column: { columnDef: { meta?: unknown } } }) => h.column.columnDef.meta as ColumnMeta;

export function RunsTable(p: RunsTableProps) {
  const density = useRunsUiStore((s) => s.density);
  const widths = useRunsUiStore((s) => s.columnWidths);
  const setWidths = useRunsUiStore((s) => s.setColumnWidths);
  const pinned = useRunsUiStore((s) => s.pinned);
  const rowHeight = density === 'compact' ? 30 : 42;

  const columns = useMemo(() => buildColumns(p.specs), [p.specs]);
  const left = useMemo(() => ['select', 'name', ...pinned.filter((id) => columns.some((c) => c.id === id))], [pinned, columns]);
  const onSizing = useCallback(
    (u: Updater<ColumnSizingState>) => setWidths(typeof u === 'function' ? u(useRunsUiStore.getState().columnWidths) : u),
    [setWidths],
  );
  const table = useReactTable({
    data: p.rows,
    columns,
    getRowId: (r) => r.id,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    columnResizeMode: 'onChange',
    state: { columnSizing: widths, columnPinning: { left } },
    onColumnSizingChange: onSizing,
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    // let React batch scroll updates instead of a synchronous render per scroll event
    useFlushSync: false,
    // the sticky header row sits above the first row
    paddingStart: rowHeight,
    scrollPaddingStart: rowHeight,
    getItemKey: (i) => rows[i]?.id ?? i,
  });
  p.virtualizerRef.current = rowVirtualizer;
  useEffect(() => rowVirtualizer.measure(), [rowHeight, rowVirtualizer]);

  const leftHeaders = table.getLeftLeafHeaders();
  const centerHeaders = table.getCenterLeafHeaders();
  const leftWidth = table.getLeftTotalSize();
  const centerWidth = table.getCenterTotalSize();
  const virtualCols = centerHeaders.length > COLUMN_VIRTUALIZE_AT;
  const colVirtualizer = useVirtualizer({
    horizontal: true,
    count: centerHeaders.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => centerHeaders[i]?.getSize() ?? 140,
    overscan: 4,
    useFlushSync: false,
    // pinned columns come first
    paddingStart: leftWidth,
    enabled: virtualCols,
  });
  const sizesKey = centerHeaders.map((h) => h.getSize()).join(',');
  useEffect(() => colVirtualizer.measure(), [sizesKey, colVirtualizer]);

  let colStart = 0;
  let colEnd = centerHeaders.length;
  if (virtualCols) {
    const items = colVirtualizer.getVirtualItems();
    colStart = items.length ? items[0].index : 0;
    colEnd = items.length ? items[items.length - 1].index + 1 : Math.min(centerHeaders.length, 12);
  }
  const offset = centerHeaders.slice(0, colStart).reduce((s, h) => s + h.getSize(), 0);
  const totalWidth = leftWidth + centerWidth;
  const ariaSort = (id: string): 'ascending' | 'descending' | undefined =>
    p.sort.column === id ? (p.sort.desc ? 'descending' : 'ascending') : undefined;

  return (
    <div
      ref={scrollRef}
      className={`runs-grid density-${density}`}
      role="table"
      aria-label="Runs"
      aria-rowcount={rows.length + 1}
      aria-colcount={leftHeaders.length + centerHeaders.length}
      style={{ '--row-h': `${rowHeight}px` } as CSSProperties}
    >
      <div className="runs-grid-inner" style={{ width: totalWidth, height: rowVirtualizer.getTotalSize() }}>
        <div className="runs-grid-row runs-grid-head" role="row" aria-rowindex={1} style={{ width: totalWidth }}>
          {leftHeaders.map((h) => (
            <HeaderCell key={h.id} header={h} sticky={h.column.getStart('left')} sortDir={ariaSort(h.id)} onSort={p.onSort} colIndex={h.index + 1} />
          ))}
          {offset > 0 ? <div className="runs-grid-spacer" style={{ width: offset }} /> : null}
          {centerHeaders.slice(colStart, colEnd).map((h, i) => (
            <HeaderCell key={h.id} header={h} sortDir={ariaSort(h.id)} onSort={p.onSort} colIndex={leftHeaders.length + colStart + i + 1} />
          ))}
        </div>
        {rowVirtualizer.getVirtualItems().map((vr) => {
          const row = rows[vr.index];
          if (!row) return null;
          const orig = row.original;
          return (
            <RowView
              key={vr.key}
              row={row}
              index={vr.index}
              top={vr.start}
              width={totalWidth}
              colStart={colStart}
              colEnd={colEnd}
              offset={offset}
              leftCount={leftHeaders.length}
              active={vr.index === p.activeIndex}
              selected={orig.kind === 'run' && p.isSelected(orig.run.info.id)}
              columnsKey={sizesKey + left.join(',')}
              onOpen={p.onRowOpen}
              onActivate={p.onRowActivate}
            />
          );
        })}
      </div>
    </div>
  );
}

function HeaderCell({
  header,
  sticky,
  sortDir,
  onSort,
  colIndex,
}: {
  header: Header<TableRow, unknown>;
  sticky?: number;
  sortDir: 'ascending' | 'descending' | undefined;
  onSort: (column: string) => void;
  colIndex: number;
}) {
  const m = meta(header);
  const style: CSSProperties = { width: header.getSize() };
  if (sticky !== undefined) Object.assign(style, { position: 'sticky', left: sticky, zIndex: 3 });
  const content = flexRender(header.column.columnDef.header, header.getContext());
  return (
    <div
      role="columnheader"
      aria-colindex={colIndex}
      aria-sort={sortDir ?? (m.sortable ? 'none' : undefined)}
      className={`runs-grid-cell${m.numeric ? ' num' : ''}${sticky !== undefined ? ' pinned' : ''}`}
      style={style}
    >
      {m.sortable ? (
        <button type="button" className="sort-button" onClick={() => onSort(header.id)} title={`Sort by ${m.label}`}>
          <span className="header-label">{content}</span>
          <span aria-hidden="true" className="sort-dir">
            {sortDir === 'ascending' ? '▲' : sortDir === 'descending' ? '▼' : ''}
          </span>
        </button>
      ) : (
        <span className="header-label" title={m.label}>
          {content}
        </span>
      )}
      {header.column.getCanResize() ? (
        <span
          className="resize-handle"
          aria-hidden="true"
          onMouseDown={header.getResizeHandler()}
          onTouchStart={header.getResizeHandler()}
          onDoubleClick={() => header.column.resetSize()}
        />
      ) : null}
    </div>
  );
}

interface RowViewProps {
  row: Row<TableRow>;
  index: number;
  top: number;
  width: number;
  colStart: number;
  colEnd: number;
  offset: number;
  leftCount: number;
  active: boolean;
  selected: boolean;
  columnsKey: string;
  onOpen: (row: TableRow) => void;
  onActivate: (index: number) => void;
}

/** One row; memoized so scrolling re-renders only rows that enter the window. */
const RowView = memo(function RowView(p: RowViewProps) {
  const orig = p.row.original;
  const leftCells = p.row.getLeftVisibleCells();
  const centerCells = p.row.getCenterVisibleCells().slice(p.colStart, p.colEnd);
  const cls = `runs-grid-row${orig.kind === 'group' ? ' group-row' : ''}${p.active ? ' active' : ''}${p.selected ? ' selected' : ''}`;
  return (
    <div
      role="row"
      aria-rowindex={p.index + 2}
      aria-selected={orig.kind === 'run' ? p.selected : undefined}
      className={cls}
      data-index={p.index}
      style={{ transform: `translateY(${p.top}px)`, width: p.width }}
      onClick={(e) => {
        p.onActivate(p.index);
        if ((e.target as HTMLElement).closest('a,button,input,label,select')) return;
        if (orig.kind === 'run') p.onOpen(orig);
      }}
    >
      {leftCells.map((c) => (
        <CellView key={c.id} cell={c} sticky={c.column.getStart('left')} colIndex={c.column.getIndex('left') + 1} />
      ))}
      {p.offset > 0 ? <div className="runs-grid-spacer" style={{ width: p.offset }} /> : null}
      {centerCells.map((c, i) => (
        <CellView key={c.id} cell={c} colIndex={p.leftCount + p.colStart + i + 1} />
      ))}
    </div>
  );
});

function CellView({ cell, sticky, colIndex }: { cell: Cell<TableRow, unknown>; sticky?: number; colIndex: number }) {
  const m = cell.column.columnDef.meta as ColumnMeta;
  const style: CSSProperties = { width: cell.column.getSize() };
  if (sticky !== undefined) Object.assign(style, { position: 'sticky', left: sticky, zIndex: 1 });
  return (
    <div role="cell" aria-colindex={colIndex} className={`runs-grid-cell${m.numeric ? ' num' : ''}${sticky !== undefined ? ' pinned' : ''}`} style={style}>
      {flexRender(cell.column.columnDef.cell, cell.getContext())}
    </div>
  );
}
