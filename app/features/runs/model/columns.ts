/**
 * Column specs of the runs table and their compact URL encoding
 * (`created,m:val/loss~min,p:lr`). MLflow keys cannot contain `,` or `~`, so
 * those two separate columns and metric modes without escaping.
 */
import type { Run } from '../../../api';
import { formatDuration } from '../../../lib/format';

export type FixedColumnId =
  'experiment' | 'created' | 'duration' | 'user' | 'source' | 'models' | 'datasets';
export const FIXED_COLUMNS: { id: FixedColumnId; label: string }[] = [
  { id: 'created', label: 'Created' },
  { id: 'duration', label: 'Duration' },
  { id: 'user', label: 'User' },
  { id: 'source', label: 'Source' },
  { id: 'models', label: 'Models' },
  { id: 'datasets', label: 'Datasets' },
];

/** What a metric cell shows: the latest value, or one computed from history. */
export type MetricMode =
  | { kind: 'latest' }
  | { kind: 'min' }
  | { kind: 'max' }
  /** The value at the step where `ref` was best (lowest for 'min', highest for 'max'). */
  | { kind: 'best'; ref: string; dir: 'min' | 'max' };

export type ColumnSpec =
  | { kind: 'fixed'; id: FixedColumnId }
  | { kind: 'metric'; key: string; mode: MetricMode }
  | { kind: 'param'; key: string }
  | { kind: 'tag'; key: string };

/** Shown only while the table holds runs of several experiments (withExperimentColumn). */
export const EXPERIMENT_COLUMN: ColumnSpec = { kind: 'fixed', id: 'experiment' };

const FIXED_IDS = new Set<string>([...FIXED_COLUMNS.map((c) => c.id), 'experiment']);

/** The columns with an Experiment column first when the table shows several experiments, without it otherwise. */
export function withExperimentColumn(cols: ColumnSpec[], several: boolean): ColumnSpec[] {
  const has = cols.some((c) => c.kind === 'fixed' && c.id === 'experiment');
  if (several) return has ? cols : [EXPERIMENT_COLUMN, ...cols];
  return has ? cols.filter((c) => !(c.kind === 'fixed' && c.id === 'experiment')) : cols;
}

export function encodeColumn(c: ColumnSpec): string {
  switch (c.kind) {
    case 'fixed':
      return c.id;
    case 'param':
      return `p:${c.key}`;
    case 'tag':
      return `t:${c.key}`;
    case 'metric': {
      const m = c.mode;
      if (m.kind === 'latest') return `m:${c.key}`;
      if (m.kind === 'best') return `m:${c.key}~b${m.dir}~${m.ref}`;
      return `m:${c.key}~${m.kind}`;
    }
  }
}

export function decodeColumn(s: string): ColumnSpec | null {
  if (FIXED_IDS.has(s)) return { kind: 'fixed', id: s as FixedColumnId };
  const prefix = s.slice(0, 2);
  const rest = s.slice(2);
  if (!rest) return null;
  if (prefix === 'p:') return { kind: 'param', key: rest };
  if (prefix === 't:') return { kind: 'tag', key: rest };
  if (prefix !== 'm:') return null;
  const [key, mode, ref] = rest.split('~');
  if (!key) return null;
  if (mode === undefined) return { kind: 'metric', key, mode: { kind: 'latest' } };
  if (mode === 'min' || mode === 'max') return { kind: 'metric', key, mode: { kind: mode } };
  if ((mode === 'bmin' || mode === 'bmax') && ref)
    return {
      kind: 'metric',
      key,
      mode: { kind: 'best', ref, dir: mode === 'bmin' ? 'min' : 'max' },
    };
  return null;
}

export function encodeColumns(cols: ColumnSpec[]): string {
  return cols.map(encodeColumn).join(',');
}

export function decodeColumns(s: string): ColumnSpec[] {
  const out: ColumnSpec[] = [];
  const seen = new Set<string>();
  for (const part of s.split(',')) {
    const c = part ? decodeColumn(part) : null;
    if (c && !seen.has(part)) {
      seen.add(part);
      out.push(c);
    }
  }
  return out;
}

/** A stable id per column (also react-table's column id). */
export const columnId = encodeColumn;

export function columnLabel(c: ColumnSpec): string {
  switch (c.kind) {
    case 'fixed':
      return c.id === 'experiment'
        ? 'Experiment'
        : (FIXED_COLUMNS.find((f) => f.id === c.id)?.label ?? c.id);
    case 'param':
    case 'tag':
      return c.key;
    case 'metric':
      return c.key + metricModeSuffix(c.mode);
  }
}

export function metricModeSuffix(m: MetricMode): string {
  if (m.kind === 'latest') return '';
  if (m.kind === 'best') return ` (at ${m.dir === 'min' ? 'lowest' : 'highest'} ${m.ref})`;
  return ` (${m.kind})`;
}

/** Whether the column's cell needs the metric history (not sortable on the server). */
export const isComputed = (c: ColumnSpec): boolean =>
  c.kind === 'metric' && c.mode.kind !== 'latest';

export interface LoggedModel {
  artifactPath: string;
  flavors: string[];
}

/**
 * Models logged by the run, from the `mlflow.log-model.history` tag (a JSON
 * list the client keeps as a plain tag value). Unparsable text means none.
 */
export function loggedModels(run: Run): LoggedModel[] {
  const raw = run.tags['mlflow.log-model.history'];
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const out: LoggedModel[] = [];
  for (const item of parsed as unknown[]) {
    if (!item || typeof item !== 'object') continue;
    const rec = item as Record<string, unknown>;
    const path = typeof rec.artifact_path === 'string' ? rec.artifact_path : '';
    const flavors =
      rec.flavors && typeof rec.flavors === 'object'
        ? Object.keys(rec.flavors).filter((f) => f !== 'python_function')
        : [];
    if (path) out.push({ artifactPath: path, flavors });
  }
  return out;
}

export function sourceName(run: Run): string {
  const name = run.tags['mlflow.source.name'] ?? '';
  const base = name.split(/[\\/]/).pop() ?? name;
  return base;
}

export function durationMs(run: Run, now = Date.now()): number | null {
  const { startTime, endTime, status } = run.info;
  if (startTime === null) return null;
  if (endTime !== null) return endTime - startTime;
  return status === 'RUNNING' ? now - startTime : null;
}

/** Plain-text value of a cell, as CSV export and titles show it (latest metric value). */
export function cellText(run: Run, c: ColumnSpec): string {
  switch (c.kind) {
    case 'fixed':
      switch (c.id) {
        case 'experiment':
          return run.info.experimentId;
        case 'created':
          return run.info.startTime === null ? '' : new Date(run.info.startTime).toISOString();
        case 'duration':
          return formatDuration(durationMs(run));
        case 'user':
          return run.info.userId || run.tags['mlflow.user'] || '';
        case 'source':
          return sourceName(run);
        case 'models':
          return loggedModels(run)
            .map((m) => m.artifactPath)
            .join('; ');
        case 'datasets':
          return run.datasets
            .map((d) => d.dataset.name + (d.context ? ` (${d.context})` : ''))
            .join('; ');
      }
      return '';
    case 'param':
      return run.params[c.key] ?? '';
    case 'tag':
      return run.tags[c.key] ?? '';
    case 'metric': {
      const m = run.metrics[c.key];
      return m ? String(m.value) : '';
    }
  }
}

/** The latest value of a metric, or undefined when the run did not log it. */
export function metricValue(run: Run, key: string): number | undefined {
  return run.metrics[key]?.value;
}
