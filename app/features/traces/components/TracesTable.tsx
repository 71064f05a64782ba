import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef } from 'react';
import { Link } from 'react-router';
import type { TraceInfo } from '../../../api';
import { RelativeTime } from '../../../components/RelativeTime';
import { SpacerRow } from '../../../components/SpacerRow';
import { TagChips } from '../../../components/TagChips';
import { formatDuration, truncate } from '../../../lib/format';
import { runPath, tracePath } from '../../../lib/paths';
import { cellValue, type AssessmentColumn } from '../model/assessments';

/**
 * Every row is one line tall (CSS: nowrap, a fixed height) and every column
 * has a fixed width (table-layout: fixed), so a scroll that brings in new rows
 * costs no measuring and no relayout of the other rows.
 */
const ROW_HEIGHT = 35;
/** Column widths in px: select, id, name, time, latency, status, request, response, (assessments), tags, run. */
const WIDTHS = { lead: [36, 120, 170, 110, 80, 70, 260, 260], assessment: 130, tail: [220, 90] };
/** The list's scroll box is at most this tall before it is measured (CSS caps it to the window). */
const BOX_HEIGHT = 800;

const TraceRow = memo(function TraceRow({
  t,
  index,
  checked,
  onCheck,
  assessmentNames,
}: {
  t: TraceInfo;
  index: number;
  checked: boolean;
  onCheck: (id: string, v: boolean) => void;
  assessmentNames: readonly string[];
}) {
  const href = tracePath({ experimentId: t.experimentId, requestId: t.requestId });
  return (
    <tr aria-rowindex={index + 2}>
      <td>
        <input
          type="checkbox"
          aria-label={`Select trace ${t.requestId}`}
          checked={checked}
          onChange={(e) => onCheck(t.requestId, e.target.checked)}
        />
      </td>
      <td className="mono">
        <Link to={href} aria-label={`Trace ${t.requestId}`}>
          {t.requestId.slice(0, 12)}…
        </Link>
      </td>
      <td>
        <Link to={href}>{truncate(t.name || '(unnamed)', 80)}</Link>
      </td>
      <td>
        <RelativeTime ms={t.timestampMs} />
      </td>
      <td className="num">{formatDuration(t.executionTimeMs)}</td>
      <td>
        <span className={`status-${t.status}`}>{t.status}</span>
      </td>
      <td className="preview mono" title={truncate(t.requestPreview, 500)}>
        {truncate(t.requestPreview, 80)}
      </td>
      <td className="preview mono" title={truncate(t.responsePreview, 500)}>
        {truncate(t.responsePreview, 80)}
      </td>
      {assessmentNames.map((n) => {
        const v = cellValue(t, n);
        return (
          <td key={n} className={v ? `assessment-value value-${v.kind}` : undefined}>
            {v ? truncate(v.text, 40) : ''}
          </td>
        );
      })}
      <td>
        <TagChips tags={t.tags} max={4} />
      </td>
      <td className="mono">
        {t.sourceRunId ? (
          <Link to={runPath({ experimentId: t.experimentId, runId: t.sourceRunId })}>
            {t.sourceRunId.slice(0, 8)}
          </Link>
        ) : null}
      </td>
    </tr>
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
  const names = useMemo(() => assessmentCols.map((c) => c.name), [assessmentCols]);
  const widths = useMemo(
    () => [...WIDTHS.lead, ...names.map(() => WIDTHS.assessment), ...WIDTHS.tail],
    [names],
  );
  const all = traces.length > 0 && traces.every((t) => selected.has(t.requestId));
  // Only the rows near the view are in the DOM: 10,000 loaded traces cost what 30 do.
  const scrollRef = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: traces.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    initialRect: { width: 0, height: BOX_HEIGHT },
  });
  const items = v.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  const top = first ? first.start : 0;
  const bottom = last ? v.getTotalSize() - last.end : 0;
  return (
    <div className="traces-scroll" ref={scrollRef}>
      <table
        className="table traces-table"
        aria-label="Traces"
        aria-rowcount={traces.length + 1}
        style={{ width: widths.reduce((a, b) => a + b, 0) }}
      >
        <colgroup>
          {widths.map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select all traces"
                checked={all}
                onChange={(e) => onCheckAll(e.target.checked)}
              />
            </th>
            <th scope="col">Request ID</th>
            <th scope="col">Name</th>
            <th scope="col">Time</th>
            <th scope="col" className="num">
              Latency
            </th>
            <th scope="col">Status</th>
            <th scope="col">Request</th>
            <th scope="col">Response</th>
            {assessmentCols.map((c) => (
              <th key={c.name} scope="col" className="assessment-col">
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
              </th>
            ))}
            <th scope="col">Tags</th>
            <th scope="col">Source run</th>
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={top} />
          {items.map(({ index }) => {
            const t = traces[index];
            if (!t) return null; // the virtualizer counts traces.length: never taken
            return (
              <TraceRow
                key={t.requestId}
                t={t}
                index={index}
                checked={selected.has(t.requestId)}
                onCheck={onCheck}
                assessmentNames={names}
              />
            );
          })}
          <SpacerRow height={bottom} />
        </tbody>
      </table>
    </div>
  );
}
