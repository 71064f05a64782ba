import { FIXED_COLUMNS, type ColumnSpec } from './columns';
import type { RunKeys } from './keys';
import { compareText } from '../../../lib/compare-text';

/** Metrics shown before the user picks columns: a few, never thousands. */
export const DEFAULT_METRIC_COLUMNS = 6;

/** Params shown before the user picks columns, as MLflow's table shows params beside metrics. */
export const DEFAULT_PARAM_COLUMNS = 6;

/** The params that vary between runs first (what a sweep changed), then the rest, alphabetically within each. */
function defaultParams(keys: RunKeys): string[] {
  const varies = keys.paramVaries;
  const ranked = varies
    ? [...keys.params.filter((k) => varies.has(k)), ...keys.params.filter((k) => !varies.has(k))]
    : keys.params;
  return ranked.slice(0, DEFAULT_PARAM_COLUMNS);
}

export function defaultColumns(keys: RunKeys): ColumnSpec[] {
  return [
    // right after the run's name: the params a person compares runs by
    ...defaultParams(keys).map((key): ColumnSpec => ({ kind: 'param', key })),
    ...FIXED_COLUMNS.map((f): ColumnSpec => ({ kind: 'fixed', id: f.id })),
    ...keys.metrics
      .filter((k) => !k.startsWith('system/'))
      // the metrics most runs logged first; the sort is stable, so ties stay alphabetical
      .sort((a, b) => (keys.metricRuns?.get(b) ?? 0) - (keys.metricRuns?.get(a) ?? 0))
      .slice(0, DEFAULT_METRIC_COLUMNS)
      .sort((a, b) => compareText(a, b))
      .map((key): ColumnSpec => ({ kind: 'metric', key, mode: { kind: 'latest' } })),
  ];
}
