import type { RawSeries } from './series';

/** One value per run, when every drawn run's full history holds at most one point (null otherwise). */
export function singleValues(
  ids: readonly string[],
  series: ReadonlyMap<string, { s: RawSeries; full: boolean }>,
): SingleValue[] | null {
  const out: SingleValue[] = [];
  for (const id of ids) {
    const m = series.get(id);
    if (!m || !m.full || m.s.steps.length > 1) return null;
    const value = m.s.values[0];
    if (value !== undefined) out.push({ id, value });
  }
  return out.length ? out : null;
}

export interface SingleValue {
  id: string;
  value: number;
}
