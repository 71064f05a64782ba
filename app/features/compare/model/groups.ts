/**
 * Group maths: a group's mean line and its band (min–max, standard deviation or
 * standard error of the mean) over members aligned on a shared x grid.
 * Non-finite member values are left out; a grid point with no finite member is a gap.
 */
import { upperBound } from './bucket';

export type BandKind = 'minmax' | 'std' | 'stderr';
export interface GroupStats {
  mean: number[];
  lower: number[];
  upper: number[];
  count: number[];
}

/** Value of a step-like series at each grid x: the last point at or before x, only inside the series' x range. */
export function alignToGrid(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  grid: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(grid.length).fill(NaN);
  const n = xs.length;
  if (n === 0) return out;
  const first = xs[0] as number; // n > 0
  const last = xs[n - 1] as number;
  for (let g = 0; g < grid.length; g++) {
    const x = grid[g] as number; // g < grid.length
    if (x < first || x > last) continue;
    const i = upperBound(xs, x) - 1;
    if (i >= 0) out[g] = ys[i] as number; // i < n, and ys is as long as xs
  }
  return out;
}

/** `members[m][g]`: value of member m at grid point g. */
export function groupStats(members: ArrayLike<number>[], band: BandKind): GroupStats {
  const len = members.reduce((m, a) => Math.max(m, a.length), 0);
  const res: GroupStats = { mean: [], lower: [], upper: [], count: [] };
  for (let g = 0; g < len; g++) {
    let n = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const m of members) {
      const v = m[g];
      if (v === undefined || !Number.isFinite(v)) continue;
      n++;
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (n === 0) {
      res.mean.push(NaN);
      res.lower.push(NaN);
      res.upper.push(NaN);
      res.count.push(0);
      continue;
    }
    const mean = sum / n;
    let lower = min;
    let upper = max;
    if (band !== 'minmax') {
      let sq = 0;
      for (const m of members) {
        const v = m[g];
        if (v !== undefined && Number.isFinite(v)) sq += (v - mean) ** 2;
      }
      // Sample standard deviation (n - 1); one member has no spread.
      const sd = n > 1 ? Math.sqrt(sq / (n - 1)) : 0;
      const half = band === 'std' ? sd : sd / Math.sqrt(n);
      lower = mean - half;
      upper = mean + half;
    }
    res.mean.push(mean);
    res.lower.push(lower);
    res.upper.push(upper);
    res.count.push(n);
  }
  return res;
}

export interface GroupBy {
  kind: 'param' | 'tag';
  key: string;
}

export interface RunLike {
  id: string;
  params: Record<string, string>;
  tags: Record<string, string>;
}

/** Runs grouped by a param or tag value, in first-seen order; missing values form "(none)". */
export function groupRuns(
  runs: readonly RunLike[],
  by: GroupBy,
): { name: string; runIds: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const r of runs) {
    const v = (by.kind === 'param' ? r.params[by.key] : r.tags[by.key]) ?? '(none)';
    const list = groups.get(v);
    if (list) list.push(r.id);
    else groups.set(v, [r.id]);
  }
  return [...groups].map(([name, runIds]) => ({ name: `${by.key}=${name}`, runIds }));
}

/** Evenly spaced grid of n points over [x0, x1]. */
export function makeGrid(x0: number, x1: number, n: number): Float64Array {
  const g = new Float64Array(Math.max(2, n));
  const step = (x1 - x0) / (g.length - 1);
  for (let i = 0; i < g.length; i++) g[i] = x0 + i * step;
  return g;
}
