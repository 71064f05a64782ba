import { memo, useMemo } from 'react';
import { Link } from 'react-router';
import type { TraceInfo } from '../../../api';
import { RelativeTime } from '../../../components/RelativeTime';
import { TagChips } from '../../../components/TagChips';
import { formatDuration, truncate } from '../../../lib/format';
import { runPath, tracePath } from '../../../lib/paths';
import { cellValue, type AssessmentColumn } from '../model/assessments';

const TraceRow = memo(function TraceRow({
  t,
  checked,
  onCheck,
  assessmentNames,
}: {
  t: TraceInfo;
  checked: boolean;
  onCheck: (id: string, v: boolean) => void;
  assessmentNames: readonly string[];
}) {
  const href = tracePath({ experimentId: t.experimentId, requestId: t.requestId });
  return (
    <tr>
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
  const all = traces.length > 0 && traces.every((t) => selected.has(t.requestId));
  return (
    <table className="table traces-table" aria-label="Traces">
      <thead>
        <tr>
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
        {traces.map((t) => (
          <TraceRow
            key={t.requestId}
            t={t}
            checked={selected.has(t.requestId)}
            onCheck={onCheck}
            assessmentNames={names}
          />
        ))}
      </tbody>
    </table>
  );
}
