import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Run, RunStatus } from '../../../api';
import { RelativeTime } from '../../../components/RelativeTime';
import { formatDuration, formatNumber, truncate } from '../../../lib/format';
import {
  cellText,
  durationMs,
  loggedModels,
  metricModeSuffix,
  sourceName,
  type ColumnSpec,
  type MetricMode,
} from '../model/columns';
import { computeMetricMode } from '../model/metric-modes';
import type { Summary } from '../model/rows';
import { metricHistoryQueryOptions } from '../queries';

const STATUS_ICON: Record<RunStatus, string> = {
  RUNNING: '◌',
  SCHEDULED: '◷',
  FINISHED: '✓',
  FAILED: '✕',
  KILLED: '■',
};

export function StatusIcon({ status }: { status: RunStatus }) {
  return (
    <span
      className={`status-icon status-${status}`}
      role="img"
      aria-label={status.toLowerCase()}
      title={status}
    >
      {STATUS_ICON[status]}
    </span>
  );
}

/**
 * What a run's cell shows. Most cells are plain text: the row draws that as
 * the cell's own text (no element inside), since a fast scroll mounts
 * hundreds of cells a frame; the title is built only when asked for (the
 * pointer entered the cell). The rest are elements.
 */
export type CellValue =
  | { kind: 'text'; text: string; title?: string; mono?: boolean }
  | { kind: 'node'; node: ReactNode };

const EMPTY: CellValue = { kind: 'text', text: '' };

/** Long server text (10,000-character params) is cut for the cell; the title keeps more. */
function textCell(text: string, withTitle: boolean, mono?: boolean): CellValue {
  if (!text) return EMPTY;
  return {
    kind: 'text',
    text: truncate(text, 200),
    title: withTitle ? truncate(text, 2000) : undefined,
    mono,
  };
}

export function NumberText({ value }: { value: number }) {
  return <span title={String(value)}>{formatNumber(value)}</span>;
}

/** The cell of a plain (non-name) column of a run row; its title too when `withTitle`. */
export function runCell(run: Run, spec: ColumnSpec, withTitle = false): CellValue {
  switch (spec.kind) {
    case 'metric': {
      if (spec.mode.kind !== 'latest')
        return {
          kind: 'node',
          node: <ComputedMetricCell runId={run.info.id} metricKey={spec.key} mode={spec.mode} />,
        };
      const m = run.metrics[spec.key];
      if (!m) return EMPTY;
      return {
        kind: 'text',
        text: formatNumber(m.value),
        title: withTitle ? `${m.value} (step ${m.step})` : undefined,
      };
    }
    case 'param':
      return textCell(run.params[spec.key] ?? '', withTitle, true);
    case 'tag':
      return textCell(run.tags[spec.key] ?? '', withTitle);
    case 'fixed':
      switch (spec.id) {
        case 'created':
          return { kind: 'node', node: <RelativeTime ms={run.info.startTime} /> };
        case 'duration': {
          const d = durationMs(run);
          return d === null ? EMPTY : { kind: 'text', text: formatDuration(d) };
        }
        case 'models': {
          const models = loggedModels(run);
          return models.length
            ? textCell(
                models
                  .map((m) =>
                    m.flavors.length
                      ? `${m.artifactPath} (${m.flavors.join(', ')})`
                      : m.artifactPath,
                  )
                  .join('; '),
                withTitle,
              )
            : EMPTY;
        }
        case 'source':
          return textCell(sourceName(run), withTitle);
        default:
          return textCell(cellText(run, spec), withTitle);
      }
  }
}

/** A metric cell computed from history, marked as such; its history is fetched only while on screen. */
function ComputedMetricCell({
  runId,
  metricKey,
  mode,
}: {
  runId: string;
  metricKey: string;
  mode: MetricMode;
}) {
  const hist = useQuery(metricHistoryQueryOptions(runId, metricKey));
  const refKey = mode.kind === 'best' ? mode.ref : null;
  const ref = useQuery({
    ...metricHistoryQueryOptions(runId, refKey ?? metricKey),
    enabled: refKey !== null,
  });
  const mark = (
    <span className="computed-mark" aria-hidden="true">
      {mode.kind === 'best' ? 'best' : mode.kind}
    </span>
  );
  if (hist.isPending || (refKey !== null && ref.isPending)) return <span className="muted">…</span>;
  if (hist.isError)
    return (
      <span className="muted" title={String(hist.error)}>
        !
      </span>
    );
  const r = computeMetricMode(hist.data, mode, refKey !== null ? ref.data : undefined);
  if (!r) return null;
  return (
    <span
      className="computed"
      title={`${metricKey}${metricModeSuffix(mode)}: ${r.value} at step ${r.step}`}
    >
      {formatNumber(r.value)} {mark}
    </span>
  );
}

export function SummaryCell({ summary }: { summary: Summary | undefined }) {
  if (!summary) return null;
  const { min, mean, max, n } = summary;
  return (
    // the mean fits a column and says what it is; the spread is on hover
    <span className="summary" title={`min ${min}, mean ${mean}, max ${max} over ${n} runs`}>
      mean {formatNumber(mean, 3)}
    </span>
  );
}
