import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from 'react';
import { useNavigate } from 'react-router';
import type { TraceInfo } from '../../../api';
import { scrollSkippingFirstZero } from '../../../components/observe-rect-after-layout';
import { useRowSlots } from '../../../components/use-row-slots';
import { truncate } from '../../../lib/format';
import { rowsInDomOrder } from '../../../lib/row-slots';
import type { AssessmentColumn } from '../model/assessments';
import { rowModelCache, type TraceRowModel } from '../model/trace-rows';

/**
 * A virtualized grid of divs (like the runs table), not a <table>: a table is
 * laid out as a whole, so each frame of a scroll through 10,000 rows paid for
 * the table's layout. Here every row is absolutely placed, one line tall, and
 * every column has a fixed width: a row that scrolls in costs its own cells.
 */
const ROW_HEIGHT = 35;
/** The header row: a name line and a line of counts (CSS: .traces-grid-head). */
const HEAD_HEIGHT = 52;
/** Column widths in px: select, id, name, time, latency, status, request, response, (assessments), tags, run. */
const WIDTHS = { lead: [36, 120, 170, 110, 80, 70, 260, 260], assessment: 130, tail: [220, 90] };
/** Rows rendered beyond each edge of the view. */
const OVERSCAN = 3;

const cell = (width: number, className = ''): { className: string; style: CSSProperties } => ({
  className: `traces-grid-cell ${className}`.trim(),
  style: { width },
});

interface Layout {
  widths: number[];
  total: number;
  /** Per-column props (class and width), made once per column set. */
  cells: { className: string; style: CSSProperties }[];
}

interface RowProps {
  slot: number;
  m: TraceRowModel;
  index: number;
  top: number;
  layout: Layout;
  checked: boolean;
  onCheck: (id: string, v: boolean) => void;
}

/**
 * One row, memoized and keyed by DOM slot: a row scrolling in updates the
 * elements of one that left. Links are plain anchors (a router Link per cell
 * costs several hooks, three per row, every frame of a fast scroll); the grid's
 * click handler navigates in the app.
 */
const TraceRow = memo(function TraceRow({
  slot,
  m,
  index,
  top,
  layout,
  checked,
  onCheck,
}: RowProps) {
  const c = layout.cells;
  const lead = 8;
  return (
    <div
      className="traces-grid-row"
      role="row"
      aria-rowindex={index + 2}
      data-slot={slot}
      style={{ transform: `translateY(${top}px)`, width: layout.total }}
    >
      <div role="cell" {...c[0]}>
        <input
          type="checkbox"
          aria-label={`Select trace ${m.id}`}
          checked={checked}
          onChange={(e) => onCheck(m.id, e.target.checked)}
        />
      </div>
      <div role="cell" {...c[1]}>
        <a href={m.href} aria-label={`Trace ${m.id}`}>
          {m.shortId}
        </a>
      </div>
      <div role="cell" {...c[2]}>
        <a href={m.href}>{m.name}</a>
      </div>
      <div role="cell" {...c[3]}>
        <time dateTime={m.timeIso} title={m.timeTitle}>
          {m.timeText}
        </time>
      </div>
      <div role="cell" {...c[4]}>
        {m.duration}
      </div>
      <div role="cell" {...c[5]}>
        <span className={`status-${m.status}`}>{m.status}</span>
      </div>
      <div role="cell" {...c[6]} title={m.requestTitle}>
        {m.request}
      </div>
      <div role="cell" {...c[7]} title={m.responseTitle}>
        {m.response}
      </div>
      {m.assessments.map((v, i) => {
        const props = c[lead + i];
        return (
          <div
            key={i}
            role="cell"
            style={props?.style}
            className={`${props?.className ?? ''}${v ? ` assessment-value value-${v.kind}` : ''}`}
          >
            {v ? v.text : ''}
          </div>
        );
      })}
      <div role="cell" {...c[lead + m.assessments.length]}>
        {m.tags.length ? (
          <ul className="chips" aria-label="Tags">
            {m.tags.map((t) => (
              <li key={t.key} className="chip" title={t.title}>
                <span className="chip-key">{t.k}</span>
                {t.v ? <span className="chip-value">{t.v}</span> : null}
              </li>
            ))}
            {m.moreTags ? <li className="chip muted">+{m.moreTags}</li> : null}
          </ul>
        ) : null}
      </div>
      <div role="cell" {...c[lead + m.assessments.length + 1]}>
        {m.runHref ? <a href={m.runHref}>{m.runText}</a> : null}
      </div>
    </div>
  );
});

interface WindowProps {
  scrollRef: React.RefObject<HTMLDivElement | null>;
  traces: TraceInfo[];
  rowModel: (t: TraceInfo) => TraceRowModel;
  layout: Layout;
  header: ReactNode;
  selected: ReadonlySet<string>;
  onCheck: (id: string, v: boolean) => void;
}

/** The rows in view. Owns the virtualizer, so a scroll re-renders this and the rows entering, not the header. */
const RowsWindow = memo(function RowsWindow(p: WindowProps) {
  const { traces } = p;
  const getItemKey = useCallback((i: number) => traces[i]?.requestId ?? i, [traces]);
  const estimateSize = useCallback(() => ROW_HEIGHT, []);
  const getScrollElement = useCallback(() => p.scrollRef.current, [p.scrollRef]);
  const [scrollToFn] = useState(() => scrollSkippingFirstZero<HTMLDivElement>());
  const v = useVirtualizer({
    count: traces.length,
    getScrollElement,
    estimateSize,
    getItemKey,
    overscan: OVERSCAN,
    useFlushSync: false,
    // the sticky header row sits above the first row
    paddingStart: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
    initialRect: { width: 0, height: 800 },
    scrollToFn,
  });
  const items = v.getVirtualItems();
  const slots = useRowSlots(
    items.map((it) => it.index),
    p.scrollRef,
  );
  const domRows = rowsInDomOrder(items, slots, v.isScrolling);
  return (
    <div className="traces-grid-inner" style={{ width: p.layout.total, height: v.getTotalSize() }}>
      {p.header}
      {domRows.map((it) => {
        const t = traces[it.index];
        if (!t) return null;
        const slot = slots.get(it.index) ?? -1;
        return (
          <TraceRow
            key={slot}
            slot={slot}
            m={p.rowModel(t)}
            index={it.index}
            top={it.start}
            layout={p.layout}
            checked={p.selected.has(t.requestId)}
            onCheck={p.onCheck}
          />
        );
      })}
    </div>
  );
});

export function TracesTable({
  traces,
  selected,
  onCheck,
  onCheckAll,
  assessmentCols = [],
  feedback = '',
  onFeedback,
}: {
  traces: TraceInfo[];
  /** MLflow 3: one column per assessment name, with counts per value in the header. */
  assessmentCols?: AssessmentColumn[];
  /** The filter on one column's value (`name=value`), and how to change it. */
  feedback?: string;
  onFeedback?: (f: string) => void;
  selected: ReadonlySet<string>;
  onCheck: (id: string, v: boolean) => void;
  onCheckAll: (v: boolean) => void;
}) {
  const namesKey = assessmentCols.map((c) => c.name).join('\u0000');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- namesKey stands for the column names
  const names = useMemo(() => assessmentCols.map((c) => c.name), [namesKey]);
  const layout = useMemo((): Layout => {
    const widths = [...WIDTHS.lead, ...names.map(() => WIDTHS.assessment), ...WIDTHS.tail];
    const classes = ['', 'mono', '', '', 'num', '', 'preview mono', 'preview mono'];
    return {
      widths,
      total: widths.reduce((a, b) => a + b, 0),
      cells: widths.map((w, i) =>
        cell(w, i === widths.length - 1 ? 'mono' : i < classes.length ? classes[i] : ''),
      ),
    };
  }, [names]);
  // One cache per column set: a row's strings are worked out when it first shows.
  const rowModel = useMemo(() => rowModelCache(names), [names]);
  const all = useMemo(
    () => traces.length > 0 && traces.every((t) => selected.has(t.requestId)),
    [traces, selected],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const w = layout.widths;
  const header = (
    <div
      className="traces-grid-row traces-grid-head"
      role="row"
      aria-rowindex={1}
      style={{ width: layout.total }}
    >
      <div role="columnheader" {...cell(w[0] ?? 0)}>
        <input
          type="checkbox"
          aria-label="Select all traces"
          checked={all}
          onChange={(e) => onCheckAll(e.target.checked)}
        />
      </div>
      <div role="columnheader" {...cell(w[1] ?? 0)}>
        Request ID
      </div>
      <div role="columnheader" {...cell(w[2] ?? 0)}>
        Name
      </div>
      <div role="columnheader" {...cell(w[3] ?? 0)}>
        Time
      </div>
      <div role="columnheader" {...cell(w[4] ?? 0, 'num')}>
        Latency
      </div>
      <div role="columnheader" {...cell(w[5] ?? 0)}>
        Status
      </div>
      <div role="columnheader" {...cell(w[6] ?? 0)}>
        Request
      </div>
      <div role="columnheader" {...cell(w[7] ?? 0)}>
        Response
      </div>
      {assessmentCols.map((c) => (
        <div key={c.name} role="columnheader" {...cell(WIDTHS.assessment, 'assessment-col')}>
          {c.name}
          <span className="assessment-counts">
            {c.counts.slice(0, 4).map(({ value, count }) => {
              const f = `${c.name}=${value}`;
              if (!c.filterable)
                return (
                  <span key={value}>
                    {truncate(value, 12)} {count}
                  </span>
                );
              return (
                <button
                  key={value}
                  type="button"
                  className="link-button"
                  aria-pressed={feedback === f}
                  aria-label={`Only ${c.name} ${value} (${count})`}
                  onClick={() => onFeedback?.(feedback === f ? '' : f)}
                >
                  {truncate(value, 12)} {count}
                </button>
              );
            })}
          </span>
        </div>
      ))}
      <div role="columnheader" {...cell(WIDTHS.tail[0] ?? 0)}>
        Tags
      </div>
      <div role="columnheader" {...cell(WIDTHS.tail[1] ?? 0)}>
        Source run
      </div>
    </div>
  );
  return (
    <div
      className="traces-scroll traces-grid"
      ref={scrollRef}
      role="table"
      aria-label="Traces"
      aria-rowcount={traces.length + 1}
      aria-colcount={w.length}
      onClick={(e) => {
        // an ordinary click on a row's link navigates in the app; modified clicks open a tab
        const a = e.target instanceof Element ? e.target.closest('a') : null;
        const href = a?.getAttribute('href');
        if (!href || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        void navigate(href);
      }}
    >
      <RowsWindow
        scrollRef={scrollRef}
        traces={traces}
        rowModel={rowModel}
        layout={layout}
        header={header}
        selected={selected}
        onCheck={onCheck}
      />
    </div>
  );
}
