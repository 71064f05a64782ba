import { describe, expect, it } from 'vitest';
import { at } from '../../../lib/at';
import { emaDebiased } from './smoothing';

/** TensorBoard's resmoothDataset, written out by hand for a small series. */
function tensorboard(ys: number[], w: number): number[] {
  let last = 0;
  let n = 0;
  return ys.map((y) => {
    if (!Number.isFinite(y)) return y;
    last = last * w + (1 - w) * y;
    n++;
    return last / (1 - Math.pow(w, n));
  });
}

describe('debiased EMA', () => {
  it('matches TensorBoard on a small series', () => {
    const ys = [1, 2, 3, 10, 4];
    const got = Array.from(emaDebiased(ys, 0.6));
    // first point is unbiased: equal to the input
    expect(got[0]).toBeCloseTo(1, 12);
    // second: (0.4*0.6*1 + 0.4*2) / (1 - 0.36) = 1.625
    expect(got[1]).toBeCloseTo(1.625, 12);
    const want = tensorboard(ys, 0.6);
    got.forEach((v, i) => expect(v).toBeCloseTo(at(want, i), 12));
  });

  it('weight 0 is the identity and a constant series stays constant', () => {
    expect(Array.from(emaDebiased([3, 1, 2], 0))).toEqual([3, 1, 2]);
    expect(Array.from(emaDebiased([5, 5, 5], 0.9))).toEqual([5, 5, 5]);
  });

  it('passes NaN and inf through without poisoning later points', () => {
    const got = Array.from(emaDebiased([1, NaN, 3, Infinity, 5], 0.5));
    expect(Number.isNaN(got[1])).toBe(true);
    expect(got[3]).toBe(Infinity);
    const want = tensorboard([1, NaN, 3, Infinity, 5], 0.5);
    expect(got[2]).toBeCloseTo(at(want, 2), 12);
    expect(got[4]).toBeCloseTo(at(want, 4), 12);
    expect(Number.isFinite(got[4])).toBe(true);
  });
});
