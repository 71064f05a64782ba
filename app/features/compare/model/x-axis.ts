/**
 * X-axis transforms: step, wall time (epoch ms), relative time (seconds since the
 * run's first logged point) or the value of another metric at the same step.
 * The result is sorted by x; points without an x (no matching step, non-finite
 * x metric) are dropped rather than drawn at zero.
 */
import type { RawSeries } from './series';

export type XMode =
  { kind: 'step' } | { kind: 'wall' } | { kind: 'relative' } | { kind: 'metric'; key: string };

export interface XY {
  xs: Float64Array;
  ys: Float64Array;
}

export function parseXMode(s: string): XMode {
  if (s === 'wall' || s === 'relative') return { kind: s };
  if (s.startsWith('metric:') && s.length > 7) return { kind: 'metric', key: s.slice(7) };
  return { kind: 'step' };
}

export function formatXMode(m: XMode): string {
  return m.kind === 'metric' ? `metric:${m.key}` : m.kind;
}

/** `xs` and `ys` have the same length: every index below is < xs.length, hence the `as number` reads. */
function sortByX(xs: number[], ys: number[]): XY {
  const idx = xs.map((_, i) => i);
  let sorted = true;
  for (let i = 1; i < xs.length; i++) if ((xs[i] as number) < (xs[i - 1] as number)) sorted = false;
  if (!sorted) idx.sort((a, b) => (xs[a] as number) - (xs[b] as number) || a - b);
  const out: XY = { xs: new Float64Array(idx.length), ys: new Float64Array(idx.length) };
  idx.forEach((j, k) => {
    out.xs[k] = xs[j] as number;
    out.ys[k] = ys[j] as number;
  });
  return out;
}

export function toXY(s: RawSeries, mode: XMode, xMetric?: RawSeries): XY {
  const n = s.steps.length;
  if (mode.kind === 'step') return { xs: s.steps, ys: s.values };
  if (mode.kind === 'wall' || mode.kind === 'relative') {
    let t0 = Infinity;
    // A series' steps, times and values have one length, n.
    for (let i = 0; i < n; i++) {
      const t = s.times[i] as number;
      if (t < t0) t0 = t;
    }
    const xs: number[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const t = s.times[i] as number;
      xs[i] = mode.kind === 'wall' ? t : (t - t0) / 1000;
    }
    return sortByX(xs, Array.from(s.values));
  }
  // Another metric: join on step (last value logged at that step wins).
  const byStep = new Map<number, number>();
  if (xMetric)
    for (let i = 0; i < xMetric.steps.length; i++)
      byStep.set(xMetric.steps[i] as number, xMetric.values[i] as number);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = byStep.get(s.steps[i] as number);
    if (x === undefined || !Number.isFinite(x)) continue;
    xs.push(x);
    ys.push(s.values[i] as number);
  }
  return sortByX(xs, ys);
}
