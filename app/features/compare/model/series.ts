import type { Metric } from '../../../api';

/**
 * One metric history of one run as columns, sorted by step. Columns keep 10k-point
 * histories cheap to hold, to copy into the worker and to scan.
 */
export interface RawSeries {
  steps: Float64Array;
  times: Float64Array;
  values: Float64Array;
}

export function seriesFromPoints(points: readonly Metric[]): RawSeries {
  const order = points.map((_, i) => i);
  // Histories usually come sorted; sort only when they do not (cheap check first).
  // Indexed loops: i - 1 and i are < points.length, and order is a permutation of 0..n-1.
  let sorted = true;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Metric;
    const b = points[i] as Metric;
    if (a.step > b.step || (a.step === b.step && a.timestamp > b.timestamp)) {
      sorted = false;
      break;
    }
  }
  if (!sorted)
    order.sort((i, j) => {
      // i, j are indices of points (order is 0..n-1).
      const a = points[i] as Metric;
      const b = points[j] as Metric;
      return a.step - b.step || a.timestamp - b.timestamp;
    });
  const n = points.length;
  const s: RawSeries = {
    steps: new Float64Array(n),
    times: new Float64Array(n),
    values: new Float64Array(n),
  };
  for (let k = 0; k < n; k++) {
    const p = points[order[k] as number] as Metric; // order is a permutation of 0..n-1
    s.steps[k] = p.step;
    s.times[k] = p.timestamp;
    s.values[k] = p.value;
  }
  return s;
}

export const emptySeries = (): RawSeries => ({
  steps: new Float64Array(0),
  times: new Float64Array(0),
  values: new Float64Array(0),
});

/** Rough total number of points of a full history, from a sampled one (steps are usually dense). */
export function estimateTotal(sampled: RawSeries): number {
  const n = sampled.steps.length;
  if (n < 2) return n;
  const first = sampled.steps[0] as number; // n >= 2
  const last = sampled.steps[n - 1] as number;
  return Math.max(n, Math.round(last - first + 1));
}
