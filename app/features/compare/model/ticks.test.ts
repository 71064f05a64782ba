import { describe, expect, it } from 'vitest';
import { linearTicks, logTicks, ticksFor } from './ticks';

describe('ticks', () => {
  it('linear ticks are round numbers inside the domain', () => {
    expect(linearTicks(0, 10_000, 5)).toEqual([0, 2000, 4000, 6000, 8000, 10000]);
    expect(linearTicks(0.13, 0.61, 5)).toEqual([0.2, 0.3, 0.4, 0.5, 0.6]);
    expect(linearTicks(-1.05, 1.05, 4)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(linearTicks(3, 3, 5)).toEqual([3]);
  });

  it('log ticks are decades, with 2 and 5 inside a single decade', () => {
    expect(logTicks(0.001, 100, 6)).toEqual([0.001, 0.01, 0.1, 1, 10, 100]);
    expect(logTicks(1e-8, 1e8, 4)).toEqual([1e-5, 1, 1e5]);
    expect(logTicks(0.15, 0.9, 5)).toEqual([0.2, 0.5]);
    expect(ticksFor([0.3, 0.35], true, 5).length).toBeGreaterThan(1);
  });
});
