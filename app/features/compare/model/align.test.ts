import { describe, expect, it } from 'vitest';
import { at } from '../../../lib/at';
import { alignSeries, extentOf, nearestCell, SLOTS } from './align';

describe('alignSeries', () => {
  it('keeps exact x values when their union is small, with edges interpolated', () => {
    const a = { xs: [0, 2, 4, 6], ys: [0, 2, 4, 6] };
    const b = { xs: [1, 3, 5], ys: [10, NaN, 50] };
    const t = alignSeries([a, b], 1, 5, 100);
    expect(t.xs).toEqual([1, 2, 3, 4, 5]);
    // a has no point at 1 or 5: interpolated from its neighbours either side
    expect(t.cols[0]).toEqual([1, 2, undefined, 4, 5]);
    // NaN is a gap (null), not a number and not "missing"
    expect(t.cols[1]).toEqual([10, undefined, null, undefined, 50]);
    expect(t.points).toBe(6);
  });

  it('an edge on a segment that touches a gap is a gap; a series starting inside the range has no edge', () => {
    const a = { xs: [0, 10], ys: [NaN, 5] };
    const b = { xs: [4, 6], ys: [1, 1] };
    const t = alignSeries([a, b], 2, 8, 100);
    expect(t.xs).toEqual([2, 4, 6, 8]);
    expect(t.cols[0]).toEqual([null, undefined, undefined, null]); // the segment 0..10 starts at a NaN
    expect(t.cols[1]).toEqual([undefined, 1, 1, undefined]);
  });

  it('snaps to a fixed grid when the union is large, keeping extremes and gaps', () => {
    const n = 5000;
    const series = [0, 0.5].map((off) => {
      const xs = Array.from({ length: n }, (_, i) => i + off);
      const ys = xs.map((x) => Math.sin(x / 40));
      return { xs, ys };
    });
    at(series, 0).ys[2500] = 99;
    at(series, 1).ys[1200] = NaN;
    const buckets = 100;
    const t = alignSeries(series, 0, n - 1, buckets);
    expect(t.xs.length).toBeLessThanOrEqual(SLOTS * buckets + 2);
    for (let i = 1; i < t.xs.length; i++) expect(t.xs[i]).toBeGreaterThan(at(t.xs, i - 1));
    expect(t.cols[0]).toContain(99);
    expect(t.cols[1]).toContain(null);
  });

  it('log axis: values ≤ 0 are gaps', () => {
    const t = alignSeries([{ xs: [0, 1, 2], ys: [1, 0, 10] }], 0, 2, 100, true);
    expect(t.cols[0]).toEqual([1, null, 10]);
  });

  it('an empty input gives an empty table', () => {
    expect(alignSeries([], 0, 1, 10)).toEqual({ xs: [], cols: [], points: 0 });
  });
});

describe('nearestCell', () => {
  it('skips missing cells, stays inside the column and prefers the nearer side', () => {
    const xs = [0, 1, 2, 3, 4, 5];
    const col = [undefined, 1, undefined, undefined, 4, undefined];
    const [first, last] = extentOf(col);
    expect([first, last]).toEqual([1, 4]);
    expect(nearestCell(xs, col, 2, first, last)).toBe(1);
    expect(nearestCell(xs, col, 3, first, last)).toBe(4);
    expect(nearestCell(xs, col, 5, first, last)).toBeUndefined();
    expect(nearestCell(xs, [null, undefined], 1, 0, 0)).toBeUndefined();
    expect(nearestCell(xs, [null, 3], 0, 0, 1)).toBeNull();
  });
});
