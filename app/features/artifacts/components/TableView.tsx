import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { sortedRowOrder, type Cell, type SortDir, type TableData } from '../model/table';
import { formatInt } from '../../../lib/format';
import { SpacerRow } from '../../../components/SpacerRow';

const ROW_HEIGHT = 29;

function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  return String(c);
}

/**
 * A sortable table that renders only the rows in view (spacer rows keep the
 * scroll height), so 100,000 rows cost what 40 do.
 */
export function TableView({ data, label }: { data: TableData; label: string }) {
  const [sort, setSort] = useState<{ col: number; dir: SortDir } | null>(null);
  const order = useMemo(
    () => sortedRowOrder(data, sort?.col ?? null, sort?.dir ?? 'asc'),
    [data, sort],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: order.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // rows in the first render, before the box is measured
    initialRect: { width: 0, height: 560 },
  });
  const items = v.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  const top = first ? first.start : 0;
  const bottom = last ? v.getTotalSize() - last.end : 0;

  const cycle = (col: number) =>
    setSort((s) =>
      !s || s.col !== col ? { col, dir: 'asc' } : s.dir === 'asc' ? { col, dir: 'desc' } : null,
    );

  return (
    <div>
      <p className="muted" aria-live="polite">
        {formatInt(data.rowCount)} rows × {data.columns.length} columns
      </p>
      {data.warnings.map((w) => (
        <p key={w} className="field-error">
          {w}
        </p>
      ))}
      <div ref={scroller} className="table-scroll">
        <table className="table artifact-table" aria-label={label} aria-rowcount={order.length + 1}>
          <thead>
            <tr>
              <th className="row-no" aria-label="Row number">
                #
              </th>
              {data.columns.map((c, i) => (
                <th
                  key={i}
                  aria-sort={
                    sort?.col === i ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'
                  }
                >
                  <button type="button" className="th-button" onClick={() => cycle(i)}>
                    {c}
                    <span aria-hidden="true">
                      {sort?.col === i ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <SpacerRow height={top} />
            {items.map((it) => {
              const r = order[it.index];
              if (r === undefined) return null; // the virtualizer counts order.length: never taken
              const row = data.row(r);
              return (
                <tr key={r} aria-rowindex={it.index + 2} style={{ height: ROW_HEIGHT }}>
                  <td className="row-no muted">{r + 1}</td>
                  {data.columns.map((_, c) => (
                    <td key={c}>{cellText(row[c])}</td>
                  ))}
                </tr>
              );
            })}
            <SpacerRow height={bottom} />
          </tbody>
        </table>
      </div>
    </div>
  );
}
