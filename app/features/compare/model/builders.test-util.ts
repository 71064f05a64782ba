import type { RawSeries } from './series';

/** Tiny builder: a series from values at steps 0..n-1 (time = 1000 + step * 10 ms unless given). */
export function makeSeries(
  values: number[],
  opts: { steps?: number[]; times?: number[] } = {},
): RawSeries {
  return {
    steps: Float64Array.from(opts.steps ?? values.map((_, i) => i)),
    times: Float64Array.from(opts.times ?? values.map((_, i) => 1000 + i * 10)),
    values: Float64Array.from(values),
  };
}
