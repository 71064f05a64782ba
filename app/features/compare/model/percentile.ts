/** Percentile with linear interpolation between closest ranks (numpy's default). `sorted` ascending. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (Math.min(Math.max(p, 0), 100) / 100) * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  // 0 <= lo <= hi <= n - 1.
  const a = sorted[lo] as number;
  return a + ((sorted[hi] as number) - a) * (pos - lo);
}

/**
 * Y domain for "ignore outliers": the 5th–95th percentile of the finite values.
 * Returns null when there is nothing finite to clip.
 */
export function clipDomain(values: Iterable<number>, lo = 5, hi = 95): [number, number] | null {
  const finite: number[] = [];
  for (const v of values) if (Number.isFinite(v)) finite.push(v);
  if (finite.length === 0) return null;
  finite.sort((a, b) => a - b);
  return [percentile(finite, lo), percentile(finite, hi)];
}

/** Min and max of the finite values (positive only for a log axis), padded a little. */
export function extentDomain(values: Iterable<number>, log = false): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v) || (log && v <= 0)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return null;
  if (log) return [min, max === min ? min * 10 : max];
  if (min === max) return [min - 1, max + 1];
  const pad = (max - min) * 0.03;
  return [min - pad, max + pad];
}
