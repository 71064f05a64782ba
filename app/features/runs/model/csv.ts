import Papa from 'papaparse';
import type { Run } from '../../../api';
import { cellText, columnLabel, FIXED_COLUMNS, isComputed, type ColumnSpec } from './columns';
import type { RunKeys } from './keys';

/** What an export holds: the columns on screen, or everything the runs logged. */
export type ExportScope = 'shown' | 'all';

/** Every column: the fixed ones, then all params, metrics and tags (system tags too). */
export function allColumns(keys: RunKeys): ColumnSpec[] {
  return [
    ...FIXED_COLUMNS.map((f): ColumnSpec => ({ kind: 'fixed', id: f.id })),
    ...keys.params.map((key): ColumnSpec => ({ kind: 'param', key })),
    ...keys.metrics.map((key): ColumnSpec => ({ kind: 'metric', key, mode: { kind: 'latest' } })),
    ...keys.tags.map((key): ColumnSpec => ({ kind: 'tag', key })),
  ];
}

/**
 * CSV of runs with the shown columns. Computed metric columns (min, max, at
 * best step) are exported as their latest value under the plain key, since
 * their history is only fetched for the rows on screen.
 */
export function runsToCsv(runs: readonly Run[], columns: readonly ColumnSpec[]): string {
  const cols = columns.map((c) =>
    isComputed(c) && c.kind === 'metric' ? { ...c, mode: { kind: 'latest' as const } } : c,
  );
  const unique: ColumnSpec[] = [];
  const seen = new Set<string>();
  for (const c of cols) {
    const h = header(c);
    if (!seen.has(h)) {
      seen.add(h);
      unique.push(c);
    }
  }
  const fields = ['run_id', 'run_name', 'experiment_id', 'status', ...unique.map(header)];
  const data = runs.map((r) => [
    r.info.id,
    r.info.name,
    r.info.experimentId,
    r.info.status,
    ...unique.map((c) => cellText(r, c)),
  ]);
  return Papa.unparse({ fields, data }, { newline: '\n' });
}

function header(c: ColumnSpec): string {
  if (c.kind === 'metric') return `metrics.${c.key}`;
  if (c.kind === 'param') return `params.${c.key}`;
  if (c.kind === 'tag') return `tags.${c.key}`;
  return columnLabel(c).toLowerCase();
}

/** `runs-1-3.csv` for the experiments the table shows. */
export function runsCsvFileName(experimentIds: readonly string[]): string {
  return `runs-${experimentIds.map((id) => id.replace(/[^\w.-]/g, '_')).join('-')}.csv`;
}
