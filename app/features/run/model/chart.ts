/** Metric history into chart points: x-axis modes, smoothing, log scale. Pure. */
import type { Metric } from '../../../api';
import { minOf } from '../../../lib/extent';

export type XAxisMode = 'step' | 'wall' | 'relative';

export interface ChartPoint {
  x: number;
  y: number | null;
  /** The unsmoothed value, shown in the tooltip. */
  raw: number;
}

/** Non-finite values are gaps; on a log scale so are values <= 0. */
export function toChartPoints(
  points: Metric[],
  mode: XAxisMode,
  opts: { logScale?: boolean; smoothing?: number } = {},
): ChartPoint[] {
  const sorted = [...points].sort(
    (a, b) => (mode === 'step' ? a.step - b.step : a.timestamp - b.timestamp) || a.step - b.step,
  );
  const t0 = sorted.length ? minOf(sorted.map((p) => p.timestamp)) : 0;
  const ys = smooth(
    sorted.map((p) => p.value),
    opts.smoothing ?? 0,
  );
  return sorted.map((p, i) => {
    let y: number | null = ys[i] ?? null; // smooth keeps the length: ys[i] is there
    if (y !== null && (!Number.isFinite(y) || (opts.logScale && y <= 0))) y = null;
    const x = mode === 'step' ? p.step : mode === 'wall' ? p.timestamp : (p.timestamp - t0) / 1000;
    return { x, y, raw: p.value };
  });
}

/**
 * Exponential moving average with debiasing (TensorBoard's), weight in [0, 1).
 * Non-finite values pass through as gaps and do not enter the average.
 */
export function smooth(values: number[], weight: number): (number | null)[] {
  if (weight <= 0) return values.map((v) => (Number.isFinite(v) ? v : null));
  const w = Math.min(weight, 0.999);
  let last = 0;
  let n = 0;
  return values.map((v) => {
    if (!Number.isFinite(v)) return null;
    last = last * w + (1 - w) * v;
    n++;
    return last / (1 - Math.pow(w, n));
  });
}

export function isSystemMetric(key: string): boolean {
  return key.startsWith('system/');
}
