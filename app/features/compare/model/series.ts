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
  let sorted = true;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a.step > b.step || (a.step === b.step && a.timestamp > b.timestamp)) {
      sorted = false;
      break;
    }
  }
  if (!sorted)
    order.sort(
      (i, j) => points[i].step - points[j].step || points[i].timestamp - points[j].timestamp,
    );
  const n = points.length;
  const s: RawSeries = {
    steps: new Float64Array(n),
    times: new Float64Array(n),
    values: new Float64Array(n),
  };
  for (let k = 0; k < n; k++) {
    const p = points[order[k]];
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
  return Math.max(n, Math.round(sampled.steps[n - 1] - sampled.steps[0] + 1));
}
