/** Run diff rows: params then latest metrics, each marked whether the runs differ. */
import { formatNumber } from '../../../lib/format';

export interface DiffRow {
  section: 'param' | 'metric';
  key: string;
  values: string[];
  differs: boolean;
}

export function diffRows(
  runs: { params: Record<string, string>; metrics: Record<string, { value: number }> }[],
): DiffRow[] {
  const rows: DiffRow[] = [];
  const paramKeys = [...new Set(runs.flatMap((r) => Object.keys(r.params)))].sort();
  for (const k of paramKeys) {
    const values = runs.map((r) => r.params[k] ?? '');
    rows.push({ section: 'param', key: k, values, differs: new Set(values).size > 1 });
  }
  const metricKeys = [...new Set(runs.flatMap((r) => Object.keys(r.metrics)))].sort();
  for (const k of metricKeys) {
    const values = runs.map((r) => (r.metrics[k] ? formatNumber(r.metrics[k].value) : ''));
    rows.push({ section: 'metric', key: k, values, differs: new Set(values).size > 1 });
  }
  return rows;
}
