import { describe, expect, it } from 'vitest';
import { clipDomain, extentDomain, percentile } from './percentile';

describe('percentile clipping', () => {
  it('interpolates between ranks like numpy', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10], 95)).toBe(10);
    expect(percentile([0, 10], 5)).toBeCloseTo(0.5);
    expect(Number.isNaN(percentile([], 50))).toBe(true);
  });

  it('clips the axis to the 5th–95th percentile, ignoring non-finite values', () => {
    const values = Array.from({ length: 101 }, (_, i) => i); // 0..100
    values.push(1e9, NaN, Infinity, -Infinity);
    const [lo, hi] = clipDomain(values)!;
    expect(lo).toBeCloseTo(5.05, 5);
    expect(hi).toBeCloseTo(95.95, 5); // 102 finite values: rank 0.95 * 101
    expect(hi).toBeLessThan(1e9);
    expect(clipDomain([NaN, Infinity])).toBeNull();
  });

  it('extent skips non-positive values on a log axis', () => {
    expect(extentDomain([-1, 0, 0.1, 10], true)).toEqual([0.1, 10]);
    expect(extentDomain([NaN])).toBeNull();
  });
});
