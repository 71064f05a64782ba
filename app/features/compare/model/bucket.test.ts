import { describe, expect, it } from 'vitest';
import { at } from '../../../lib/at';
import { minMaxBucket } from './bucket';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('min/max bucketing', () => {
  it('keeps the true extremes of a series, including a one-step spike', () => {
    const xs = range(10_000);
    const ys = xs.map((i) => Math.sin(i / 50));
    ys[4321] = 99; // a spike uniform sampling would miss
    ys[777] = -42;
    const b = minMaxBucket(xs, ys, 0, 9_999, 100);
    expect(b.full).toBe(false);
    expect(b.xs.length).toBeLessThanOrEqual(2 * 100 + 2);
    expect(Math.max(...b.ys)).toBe(99);
    expect(Math.min(...b.ys)).toBe(-42);
    expect(b.xs[b.ys.indexOf(99)]).toBe(4321);
    // every bucket's extremes are kept: the max over any bucket equals the max of the raw data there
    for (let k = 0; k < 100; k++) {
      const lo = k * 99.99;
      const hi = lo + 99.99;
      const raw = ys.filter((_, i) => i >= lo && i < hi);
      const kept = b.ys.filter((_, j) => at(b.xs, j) >= lo && at(b.xs, j) < hi);
      if (raw.length) expect(Math.max(...kept)).toBe(Math.max(...raw));
    }
  });

  it('keeps the order of occurrence inside a bucket', () => {
    const b = minMaxBucket([0, 1, 2, 3, 4, 5, 6, 7], [5, 9, 1, 5, 5, 0, 8, 5], 0, 7, 2);
    expect(b.xs).toEqual([1, 2, 5, 6]);
    expect(b.ys).toEqual([9, 1, 0, 8]);
  });

  it('draws every point when the range holds few enough (full resolution)', () => {
    const xs = range(1000);
    const b = minMaxBucket(xs, xs, 100, 149, 600);
    expect(b.full).toBe(true);
    expect(b.inRange).toBe(50);
    // one neighbour either side so the line reaches the plot edges
    expect(b.xs[0]).toBe(99);
    expect(b.xs[b.xs.length - 1]).toBe(150);
  });

  it('turns NaN and ±inf into gaps with markers, never zeros', () => {
    const xs = range(2000);
    const ys = xs.map((i) => i / 1000);
    ys[1500] = NaN;
    ys[1800] = Infinity;
    ys[1801] = Infinity;
    ys[1900] = -Infinity;
    const b = minMaxBucket(xs, ys, 0, 1999, 50);
    expect(b.markers.map((m) => [m.x, m.kind])).toEqual([
      [1500, 'nan'],
      [1800, 'inf'],
      [1900, '-inf'],
    ]);
    for (const m of b.markers) expect(Number.isNaN(b.ys[b.xs.indexOf(m.x)])).toBe(true);
    expect(b.ys.filter((v) => v === 0).length).toBe(1); // only the real 0 at step 0
    // finite extremes around the gaps are still there
    expect(b.ys).toContain(1.999);
  });

  it('handles empty input and an empty range', () => {
    expect(minMaxBucket([], [], 0, 1, 10)).toMatchObject({ xs: [], inRange: 0, full: true });
    expect(minMaxBucket([1, 2], [1, 2], 5, 6, 10).inRange).toBe(0);
  });
});
