import { describe, expect, it } from 'vitest';
import type { RawSeries } from './series';
import { singleValues } from './single-value';

const series = (...values: number[]): RawSeries => ({
  steps: Float64Array.from(values.map((_, i) => i)),
  times: Float64Array.from(values.map((_, i) => i)),
  values: Float64Array.from(values),
});

describe('singleValues', () => {
  it('gives one value per run when every full history has one point', () => {
    const m = new Map([
      ['a', { s: series(0.9), full: true }],
      ['b', { s: series(), full: true }],
      ['c', { s: series(0.8), full: true }],
    ]);
    expect(singleValues(['a', 'b', 'c'], m)).toEqual([
      { id: 'a', value: 0.9 },
      { id: 'c', value: 0.8 },
    ]);
  });

  it('is null for a history of several points, a sampled one, or no points at all', () => {
    expect(singleValues(['a'], new Map([['a', { s: series(1, 2), full: true }]]))).toBeNull();
    expect(singleValues(['a'], new Map([['a', { s: series(1), full: false }]]))).toBeNull();
    expect(singleValues(['a'], new Map([['a', { s: series(), full: true }]]))).toBeNull();
  });
});
