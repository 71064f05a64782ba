import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Run, RunStatus } from '../../../api';
import { RelativeTime } from '../../../components/RelativeTime';
import { formatDuration, formatNumber, truncate } from '../../../lib/format';
import { cellText, durationMs, loggedModels, metricModeSuffix, sourceName, type ColumnSpec, type MetricMode } from '../model/columns';
import { computeMetricMode } from '../model/metric-modes';
import type { Summary } from '../model/rows';
import { metricHistoryQueryOptions } from '../queries';

const STATUS_ICON: Record<RunStatus, string> = { RUNNING: '◌', SCHEDULED: '◷', FINISHED: '✓', FAILED: '✕', KILLED: '■' };

export function StatusIcon({ status }: { status: RunStatus }) {
  return (
    <span className={`status-icon status-${status}`} role="img" aria-label={status.toLowerCase()} title={status}>
      {STATUS_ICON[status]}
    </span>
  );
}

export function runPath(run: Run): string {
  return `/experiments/${encodeURIComponent(run.info.experimentId)}/runs/${encodeURIComponent(run.info.id)}`;
}

/** Long server text (10,000-character params) is cut for the cell; the title keeps more. */
function textCell(text: string, mono?: boolean): ReactNode {
  if (!text) return null;
  return (
    <span className={mono ? 'mono' : undefined} title={truncate(text, 2000)}>
      {truncate(text, 200)}
    </span>
  );
}

export function NumberText({ value }: { value: number }) {
  return <span title={String(value)}>{formatNumber(value)}</span>;
}


/**
 * Content of a plain (non-name) cell of a run row: elements, not a component
 * per cell, since a fast scroll mounts hundreds of cells a frame.
 */
export function runCellContent(run: Run, spec: ColumnSpec): ReactNode {
  switch (spec.kind) {
    case 'metric': {
      if (spec.mode.kind !== 'latest') return <ComputedMetricCell runId={run.info.id} metricKey={spec.key} mode={spec.mode} />;
      const m = run.metrics[spec.key];
      return m ? <span title={`${m.value} (step ${m.step})`}>{formatNumber(m.value)}</span> : null;
    }
    case 'param':
      return textCell(run.params[spec.key] ?? '', true);
    case 'tag':
      return textCell(run.tags[spec.key] ?? '');
    case 'fixed':
      switch (spec.id) {
        case 'created':
          return <RelativeTime ms={run.info.startTime} />;
        case 'duration': {
          const d = durationMs(run);
          return d === null ? null : <span>{formatDuration(d)}</span>;
        }
        case 'models': {
          const models = loggedModels(run);
          return models.length ? textCell(models.map((m) => (m.flavors.length ? `${m.artifactPath} (${m.flavors.join(', ')})` : m.artifactPath)).join('; ')) : null;
        }
        case 'source':
          return textCell(sourceName(run));
        default:
          return textCell(cellText(run, spec));
      }
  }
}

/** A metric cell computed from history, marked as such; its history is fetched only while on screen. */
function ComputedMetricCell({ runId, metricKey, mode }: { runId: string; metricKey: string; mode: MetricMode }) {
  const hist = useQuery(metricHistoryQueryOptions(runId, metricKey));
  const refKey = mode.kind === 'best' ? mode.ref : null;
  const ref = useQuery({ ...metricHistoryQueryOptions(runId, refKey ?? metricKey), enabled: refKey !== null });
  const mark = <span className="computed-mark" aria-hidden="true">{mode.kind === 'best' ? 'best' : mode.kind}</span>;
  if (hist.isPending || (refKey !== null && ref.isPending)) return <span className="muted">…</span>;
  if (hist.isError) return <span className="muted" title={String(hist.error)}>!</span>;
  const r = computeMetricMode(hist.data, mode, refKey !== null ? ref.data : undefined);
  if (!r) return null;
  return (
    <span className="computed" title={`${metricKey}${metricModeSuffix(mode)}: ${r.value} at step ${r.step}`}>
      {formatNumber(r.value)} {mark}
    </span>
  );
}

export function SummaryCell({ summary }: { summary: Summary | undefined }) {
  if (!summary) return null;
  const { min, mean, max, n } = summary;
  return (
    <span className="summary" title={`min ${min}, mean ${mean}, max ${max} over ${n} runs`}>
      {formatNumber(min, 3)} · {formatNumber(mean, 3)} · {formatNumber(max, 3)}
    </span>
  );
}
