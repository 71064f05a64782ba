import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, useState } from 'react';
import { SpacerRow } from '../../../components/SpacerRow';
import { useAfterFirstPaint } from '../../../components/use-after-first-paint';
import { diffLines, diffStats, foldUnchanged, type DiffItem, type DiffRow } from '../model/diff';

/** Above this many rows (folds included) the diff scrolls in a box and renders only the rows in view. */
const VIRTUAL_FROM = 300;
const ROW_HEIGHT = 33;

/**
 * Two versions' texts, line by line: removed lines, added lines, and three
 * common lines around each change; longer common stretches are folded behind
 * a button that shows them. A long diff (two 5,000-line versions) scrolls in
 * a box and renders the rows in view only.
 */
export const PromptDiff = memo(function PromptDiff({
  from,
  to,
  fromLabel,
  toLabel,
}: {
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
}) {
  const rows = useMemo(() => diffLines(from, to), [from, to]);
  const items = useMemo(() => foldUnchanged(rows), [rows]);
  const stats = diffStats(rows);
  // Opened folds belong to one diff: another pair of versions starts folded again.
  const [opened, setOpened] = useState<{ of: readonly DiffRow[]; at: ReadonlySet<number> }>({
    of: rows,
    at: new Set(),
  });
  const open = opened.of === rows ? opened.at : null;
  const show = (at: number) => setOpened({ of: rows, at: new Set([...(open ?? []), at]) });
  const shown = useMemo(
    () => items.flatMap((x) => (x.kind === 'fold' && open?.has(x.at) ? x.rows : [x])),
    [items, open],
  );
  const virtual = shown.length > VIRTUAL_FROM;
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: virtual ? shown.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    // rows on the first render already, before the box is measured
    initialRect: { width: 0, height: 600 },
  });
  // rows are measured (a long line wraps) from the frame after the first paint, not during it
  const afterPaint = useAfterFirstPaint(virtual);
  const measure = afterPaint ? v.measureElement : undefined;
  const inView = v.getVirtualItems();
  const first = inView[0];
  const last = inView.at(-1);
  const top = first ? first.start : 0;
  const bottom = last ? v.getTotalSize() - last.end : 0;
  const render = (item: DiffItem, index: number, measure?: (el: Element | null) => void) =>
    item.kind === 'fold' ? (
      <tr key={`fold-${item.at}`} className="diff-fold" data-index={index} ref={measure}>
        <td colSpan={3}>
          <button type="button" className="link-button" onClick={() => show(item.at)}>
            Show {item.rows.length} unchanged lines
          </button>
        </td>
      </tr>
    ) : (
      <Row key={rowKey(item)} r={item} index={index} measure={measure} />
    );
  const table = (
    <table className="table diff-table" aria-label={`Diff of ${fromLabel} and ${toLabel}`}>
      <colgroup>
        <col className="diff-col-no" />
        <col className="diff-col-no" />
        <col />
      </colgroup>
      <tbody>
        {virtual ? (
          <>
            <SpacerRow height={top} />
            {inView.map((vi) => {
              const item = shown[vi.index]; // the virtualizer counts shown.length: always there
              return item ? render(item, vi.index, measure) : null;
            })}
            <SpacerRow height={bottom} />
          </>
        ) : (
          shown.map((item, i) => render(item, i))
        )}
      </tbody>
    </table>
  );
  return (
    <div className="prompt-diff">
      <p className="muted" aria-live="polite">
        {fromLabel} → {toLabel}: {stats.added} line{stats.added === 1 ? '' : 's'} added,{' '}
        {stats.removed} removed
      </p>
      {virtual ? (
        <div
          ref={scroller}
          className="diff-scroll"
          role="region"
          aria-label={`Rows of the diff of ${fromLabel} and ${toLabel}`}
          tabIndex={0}
        >
          {table}
        </div>
      ) : (
        table
      )}
    </div>
  );
});

function rowKey(r: DiffRow): string {
  return r.kind === 'add' ? `a${r.newNo}` : `d${r.oldNo}${r.kind === 'same' ? `-${r.newNo}` : ''}`;
}

function Row({
  r,
  index,
  measure,
}: {
  r: DiffRow;
  index: number;
  measure?: (el: Element | null) => void;
}) {
  return (
    <tr className={`diff-${r.kind}`} data-index={index} ref={measure}>
      <td className="line-no">{r.kind === 'add' ? '' : r.oldNo}</td>
      <td className="line-no">{r.kind === 'del' ? '' : r.newNo}</td>
      <td className="mono pre-wrap">
        {r.kind === 'same' ? (
          // most rows: plain text, no marker element
          `  ${r.text}`
        ) : (
          <>
            <span aria-label={r.kind === 'add' ? 'added' : 'removed'}>
              {r.kind === 'add' ? '+ ' : '− '}
            </span>
            {r.text}
          </>
        )}
      </td>
    </tr>
  );
}
