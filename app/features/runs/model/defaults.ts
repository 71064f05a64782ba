import { FIXED_COLUMNS, type ColumnSpec } from './columns';
import type { RunKeys } from './keys';

/** Metrics shown before the user picks columns: a few, never thousands. */
export const DEFAULT_METRIC_COLUMNS = 6;

export function defaultColumns(keys: RunKeys): ColumnSpec[] {
  return [
    ...FIXED_COLUMNS.map((f): ColumnSpec => ({ kind: 'fixed', id: f.id })),
    ...keys.metrics
      .filter((k) => !k.startsWith('system/'))
      // the metrics most runs logged first; the sort is stable, so ties stay alphabetical
      .sort((a, b) => (keys.metricRuns?.get(b) ?? 0) - (keys.metricRuns?.get(a) ?? 0))
      .slice(0, DEFAULT_METRIC_COLUMNS)
      .sort((a, b) => a.localeCompare(b))
      .map((key): ColumnSpec => ({ kind: 'metric', key, mode: { kind: 'latest' } })),
  ];
}
