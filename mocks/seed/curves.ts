/**
 * Metric curves as pure functions of the step, so a history can be built lazily
 * (only when a page reads it) and the latest value computed without building it.
 */
import type { WireMetric } from '../../app/api/wire';
import { metric } from './build';
import { normal, unit } from './random';

export type Curve = (step: number) => number;

export interface CurveOptions {
  seed: number;
  /** Value near step 0. */
  start: number;
  /** Exact value at `last`. */
  end: number;
  /** The last step. */
  last: number;
  /** Relative noise (0.05 = 5%). */
  noise?: number;
  /** Probability that a step carries a spike. */
  spikeRate?: number;
  /** How fast it settles (higher = sooner). */
  rate?: number;
}

function settle(t: number, rate: number): number {
  // 1 at t=0, exactly 0 at t=1.
  const e = Math.exp(-rate);
  return (Math.exp(-rate * t) - e) / (1 - e);
}

/** A loss: decays from `start` to exactly `end`, with noise and occasional upward spikes. */
export function lossCurve(o: CurveOptions): Curve {
  const { seed, start, end, last } = o;
  const noise = o.noise ?? 0.04;
  const spikeRate = o.spikeRate ?? 0.002;
  const rate = o.rate ?? 4.5;
  return (step) => {
    if (step >= last) return end;
    const t = last > 0 ? step / last : 1;
    const base = end + (start - end) * settle(t, rate);
    let v = base * (1 + noise * normal(seed, step));
    if (spikeRate > 0 && unit(seed, step, 9) < spikeRate) v *= 1.3 + 0.9 * unit(seed, step, 10);
    return Math.max(v, end * 0.2);
  };
}

/** An accuracy-like metric: rises from `start` to exactly `end`; `best` (if given) is hit once at `bestStep` and never exceeded. */
export function riseCurve(
  o: CurveOptions & { best?: number; bestStep?: number; ceiling?: number },
): Curve {
  const { seed, start, end, last } = o;
  const noise = o.noise ?? 0.01;
  const rate = o.rate ?? 4;
  const cap = o.best ?? o.ceiling ?? 1;
  return (step) => {
    if (step >= last) return end;
    if (o.best !== undefined && step === o.bestStep) return o.best;
    const t = last > 0 ? step / last : 1;
    const base = end - (end - start) * settle(t, rate);
    const v = base + noise * normal(seed, step) * (0.3 + base);
    return Math.min(Math.max(v, 0), o.best !== undefined ? cap - 1e-4 : cap);
  };
}

/** A loss that trains normally, then diverges after `divergeAt` (a fraction of `last`) towards `peak`. */
export function divergingCurve(o: CurveOptions & { divergeAt: number; peak: number }): Curve {
  const healthy = lossCurve({ ...o, end: o.end, spikeRate: 0 });
  const d = Math.floor(o.last * o.divergeAt);
  const atD = Math.max(healthy(d), 0.05);
  const growth = Math.log(o.peak / atD);
  return (step) => {
    if (step <= d) return healthy(step);
    const t = (step - d) / Math.max(1, o.last - d);
    return atD * Math.exp(growth * t) * (1 + 0.12 * normal(o.seed ^ 0x5bd1e995, step));
  };
}

/** A value that wanders around `level` (system metrics, throughput). */
export function jitterCurve(
  seed: number,
  level: number,
  spread: number,
  last: number,
  end?: number,
): Curve {
  return (step) => {
    if (end !== undefined && step >= last) return end;
    const slow = Math.sin(step / 37 + (seed % 13)) * 0.5;
    return Math.max(0, level + spread * (slow + 0.5 * normal(seed, step)));
  };
}

/** Steps logged every step: 0..last. */
export function everyStep(last: number): number[] {
  const out = new Array<number>(last + 1);
  for (let i = 0; i <= last; i++) out[i] = i;
  return out;
}

/** Steps logged every `n` steps, plus the last one: 0, n, 2n, ..., last. */
export function everyNth(n: number, last: number): number[] {
  const out: number[] = [];
  for (let s = 0; s <= last; s += n) out.push(s);
  if (out[out.length - 1] !== last) out.push(last);
  return out;
}

export function buildHistory(
  key: string,
  steps: readonly number[],
  timestampOf: (step: number) => number,
  valueOf: Curve,
): WireMetric[] {
  return steps.map((s) => metric(key, valueOf(s), timestampOf(s), s));
}

/** A lazy history plus its latest point, ready for `setMetric`. */
export function lazySeries(
  key: string,
  steps: () => number[],
  lastStep: number,
  timestampOf: (step: number) => number,
  valueOf: Curve,
): { history: () => WireMetric[]; latest: WireMetric } {
  return {
    history: () => buildHistory(key, steps(), timestampOf, valueOf),
    latest: metric(key, valueOf(lastStep), timestampOf(lastStep), lastStep),
  };
}
