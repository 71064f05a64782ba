import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnSizingState,
  type Header,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  type CSSProperties,
  type ReactNode,
} from 'react';
import { useRowSlots } from '../../../components/use-row-slots';
import { rowsInDomOrder } from '../../../lib/row-slots';
import type { ColumnSpec } from '../model/columns';
import type { TableRow } from '../model/rows';
import type { SortState } from '../model/view-state';
import { useRunsUiStore } from '../store';
import { runCell } from './cells';
import { PINNED_GROUP_STYLE, RunRow, type GridColumn, type GridLayout } from './RunRow';
import {
  buildColumns,
  useRunsTableActions,
  type ColumnMeta,
  type RunsTableActions,
} from './table-columns';

/** Above this many unpinned columns, only the ones in view are rendered. */
const COLUMN_VIRTUALIZE_AT = 30;
/** Rows rendered beyond each edge of the view. */
const OVERSCAN = 8;

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
}

const meta = (h: { column: { columnDef: { meta?: unknown } } }) =>
  h.column.columnDef.meta as ColumnMeta;

export function RunsTable(p: RunsTableProps) {
  const density = useRunsUiStore((s) => s.density);
  const widths = useRunsUiStore((s) => s.columnWidths);
  const setWidths = useRunsUiStore((s) => s.setColumnWidths);
  const pinned = useRunsUiStore((s) => s.pinned);
  const actions = useRunsTableActions();
  const rowHeight = density === 'compact' ? 30 : 42;

  const columns = useMemo(() => buildColumns(p.specs), [p.specs]);
  const left = useMemo(
    () => ['select', 'name', ...pinned.filter((id) => columns.some((c) => c.id === id))],
    [pinned, columns],
  );
  const onSizing = useCallback(
    (u: Updater<ColumnSizingState>) =>
      setWidths(typeof u === 'function' ? u(useRunsUiStore.getState().columnWidths) : u),
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
  const titled = useRef<HTMLElement | null>(null);
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
  const sizesKey = [...leftHeaders, ...centerHeaders]
    .map((h) => `${h.id}:${h.getSize()}`)
    .join(',');
  useEffect(() => colVirtualizer.measure(), [sizesKey, colVirtualizer]);

  let colStart = 0;
  let colEnd = centerHeaders.length;
  if (virtualCols) {
    const items = colVirtualizer.getVirtualItems();
    const first = items[0];
    const last = items.at(-1);
    colStart = first ? first.index : 0;
    colEnd = last ? last.index + 1 : Math.min(centerHeaders.length, 12);
  }
  const totalWidth = leftWidth + centerWidth;
  // One layout object per column set and window: rows compare it by reference, so scrolling does not re-render them.
  const layout = useMemo((): GridLayout => {
    const col = (h: Header<TableRow, unknown>, colIndex: number): GridColumn => {
      const m = meta(h);
      return {
        id: h.id,
        spec: m.spec,
        numeric: m.numeric,
        colIndex,
        style: { width: h.getSize() },
      };
    };
    return {
      left: leftHeaders.map((h, i) => col(h, i + 1)),
      center: centerHeaders
        .slice(colStart, colEnd)
        .map((h, i) => col(h, leftHeaders.length + colStart + i + 1)),
      offset: centerHeaders.slice(0, colStart).reduce((s, h) => s + h.getSize(), 0),
      width: totalWidth,
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- sizesKey stands for every header's id and size
  }, [sizesKey, leftHeaders, centerHeaders, colStart, colEnd, totalWidth]);

  const header = (
    <HeaderRow
      leftHeaders={leftHeaders}
      centerHeaders={centerHeaders}
      layout={layout}
      sort={p.sort}
      onSort={p.onSort}
    />
  );

  return (
    <div
      ref={scrollRef}
      className={`runs-grid density-${density}`}
      role="table"
      aria-label="Runs"
      aria-rowcount={p.rows.length + 1}
      aria-colcount={leftHeaders.length + centerHeaders.length}
      style={{ '--row-h': `${rowHeight}px` } as CSSProperties}
      onMouseOver={(e) => {
        titled.current = showCellTitle(e.target, p.rows, layout) ?? titled.current;
      }}
      // A row scrolled under a still pointer shows another run in the same cell: drop its title.
      onScroll={() => {
        titled.current?.removeAttribute('title');
        titled.current = null;
      }}
    >
      <RowsWindow
        scrollRef={scrollRef}
        rows={p.rows}
        rowHeight={rowHeight}
        header={header}
        layout={layout}
        activeIndex={p.activeIndex}
        actions={actions}
        onRowOpen={p.onRowOpen}
        onRowActivate={p.onRowActivate}
        virtualizerRef={p.virtualizerRef}
      />
    </div>
  );
}

/**
 * A text cell's title (the full value, a metric's step) is written when the
 * pointer enters it, not with every row: a fast scroll then sets no title
 * attributes. Returns the cell given a title; the table drops that title when
 * it scrolls, since a recycled row shows another run in the same element.
 */
function showCellTitle(
  target: EventTarget,
  rows: TableRow[],
  layout: GridLayout,
): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  const cell = target.closest<HTMLElement>('.runs-grid-cell.text');
  const rowEl = cell?.parentElement?.closest<HTMLElement>('[data-index]');
  if (!cell || !rowEl) return null;
  const row = rows[Number(rowEl.dataset.index)];
  const colIndex = Number(cell.getAttribute('aria-colindex'));
  const col =
    layout.left.find((c) => c.colIndex === colIndex) ??
    layout.center.find((c) => c.colIndex === colIndex);
  if (row?.kind !== 'run' || !col?.spec) return null;
  const v = runCell(row.run, col.spec, true);
  cell.title = v.kind === 'text' ? (v.title ?? '') : '';
  return cell;
}

interface RowsWindowProps {
  scrollRef: React.RefObject<HTMLDivElement | null>;
  rows: TableRow[];
  rowHeight: number;
  header: ReactNode;
  layout: GridLayout;
  activeIndex: number;
  /** Selection and row actions (the table's context, passed down so the memo sees changes). */
  actions: RunsTableActions;
  onRowOpen: (row: TableRow) => void;
  onRowActivate: (index: number) => void;
  virtualizerRef: React.MutableRefObject<Virtualizer<HTMLDivElement, Element> | null>;
}

/**
 * The rows in view. Owns the row virtualizer, so a scroll re-renders only
 * this (and the rows entering the window), not the table, its column model or
 * its header.
 */
const RowsWindow = memo(function RowsWindow(p: RowsWindowProps) {
  const { rows, rowHeight } = p;
  // Stable callbacks: the virtualizer recomputes every row's offset (all 10,000) whenever getItemKey changes.
  const getItemKey = useCallback((i: number) => rows[i]?.id ?? i, [rows]);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const getScrollElement = useCallback(() => p.scrollRef.current, [p.scrollRef]);
  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement,
    estimateSize,
    overscan: OVERSCAN,
    // let React batch scroll updates instead of a synchronous render per scroll event
    useFlushSync: false,
    // the sticky header row sits above the first row
    paddingStart: rowHeight,
    scrollPaddingStart: rowHeight,
    getItemKey,
  });
  p.virtualizerRef.current = rowVirtualizer;
  useEffect(() => rowVirtualizer.measure(), [rowHeight, rowVirtualizer]);

  const items = rowVirtualizer.getVirtualItems();
  const slots = useRowSlots(
    items.map((vr) => vr.index),
    p.scrollRef,
  );
  const domRows = rowsInDomOrder(items, slots, rowVirtualizer.isScrolling);

  return (
    <div
      className="runs-grid-inner"
      style={{ width: p.layout.width, height: rowVirtualizer.getTotalSize() }}
    >
      {p.header}
      {domRows.map((vr) => {
        const row = rows[vr.index];
        if (!row) return null;
        return (
          <RunRow
            // Keyed by slot (app/lib/row-slots.ts): a row scrolling in takes the elements of one
            // that scrolled out, so a fast scroll updates text instead of building rows every frame.
            key={slots.get(vr.index)}
            slot={slots.get(vr.index) ?? -1}
            row={row}
            index={vr.index}
            top={vr.start}
            layout={p.layout}
            active={vr.index === p.activeIndex}
            selected={row.kind === 'run' && p.actions.isSelected(row.run.info.id)}
            actions={p.actions}
            onOpen={p.onRowOpen}
            onActivate={p.onRowActivate}
          />
        );
      })}
    </div>
  );
});

interface HeaderRowProps {
  leftHeaders: Header<TableRow, unknown>[];
  centerHeaders: Header<TableRow, unknown>[];
  layout: GridLayout;
  sort: SortState;
  onSort: (column: string) => void;
}

const HeaderRow = memo(function HeaderRow(p: HeaderRowProps) {
  const { layout } = p;
  const byId = new Map([...p.leftHeaders, ...p.centerHeaders].map((h) => [h.id, h]));
  const ariaSort = (id: string): 'ascending' | 'descending' | undefined =>
    p.sort.column === id ? (p.sort.desc ? 'descending' : 'ascending') : undefined;
  const cell = (c: GridColumn, pinned: boolean) => {
    const h = byId.get(c.id);
    return h ? (
      <HeaderCell
        key={c.id}
        header={h}
        pinned={pinned}
        style={c.style}
        sortDir={ariaSort(c.id)}
        onSort={p.onSort}
        colIndex={c.colIndex}
      />
    ) : null;
  };
  return (
    <div
      className="runs-grid-row runs-grid-head"
      role="row"
      aria-rowindex={1}
      style={{ width: layout.width }}
    >
      <div className="pinned" style={PINNED_GROUP_STYLE}>
        {layout.left.map((c) => cell(c, true))}
      </div>
      {layout.offset > 0 ? (
        <div className="runs-grid-spacer" style={{ width: layout.offset }} />
      ) : null}
      {layout.center.map((c) => cell(c, false))}
    </div>
  );
});

function HeaderCell({
  header,
  pinned,
  style,
  sortDir,
  onSort,
  colIndex,
}: {
  header: Header<TableRow, unknown>;
  pinned: boolean;
  style: CSSProperties;
  sortDir: 'ascending' | 'descending' | undefined;
  onSort: (column: string) => void;
  colIndex: number;
}) {
  const m = meta(header);
  const content = flexRender(header.column.columnDef.header, header.getContext());
  return (
    <div
      role="columnheader"
      aria-colindex={colIndex}
      aria-sort={sortDir ?? (m.sortable ? 'none' : undefined)}
      className={`runs-grid-cell${m.numeric ? ' num' : ''}${pinned ? ' pinned' : ''}`}
      style={style}
    >
      {m.sortable ? (
        <button
          type="button"
          className="sort-button"
          onClick={() => onSort(header.id)}
          title={`Sort by ${m.label}`}
        >
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
