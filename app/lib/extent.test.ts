import { describe, expect, it } from 'vitest';
import { maxOf, minOf } from './extent';

describe('minOf / maxOf', () => {
  // Node and Chromium overflow on a spread of ~125k values, vitest's worker
  // threads somewhere between 200k and 500k: 500k fails in both.
  it('take 500k values, where a spread into Math.min/max overflows the stack', () => {
    const big = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 500_000);
    expect(() => Math.min(...big)).toThrow(RangeError);
    expect(minOf(big)).toBe(0);
    expect(maxOf(big)).toBe(499_999);
  });

  it('match Math.min/max: the start value, empty input, NaN', () => {
    expect(minOf([3, -2, 5])).toBe(-2);
    expect(maxOf([3, -2, 5])).toBe(5);
    expect(minOf([3, 5], 0)).toBe(0);
    expect(maxOf([-3, -5], 0)).toBe(0);
    expect(minOf([])).toBe(Infinity);
    expect(maxOf([])).toBe(-Infinity);
    expect(minOf([1, NaN, 2])).toBeNaN();
    expect(maxOf([1, NaN, 2])).toBeNaN();
  });
});
