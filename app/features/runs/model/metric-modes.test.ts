import { describe, expect, it } from 'vitest';
import { computeMetricMode, metricModeValue, parseMetricModeValue } from './metric-modes';
import { points } from './test-builders';

describe('computed metric cells', () => {
  const acc = points([
    [0, 0.5],
    [1, 0.8],
    [2, NaN],
    [3, 0.7],
  ]);
  const loss = points([
    [0, 1],
    [1, 0.2],
    [2, 0.2],
    [3, 0.4],
  ]);
  it('takes min and max ignoring NaN', () => {
    expect(computeMetricMode(acc, { kind: 'min' })).toEqual({ value: 0.5, step: 0 });
    expect(computeMetricMode(acc, { kind: 'max' })).toEqual({ value: 0.8, step: 1 });
  });
  it('takes the latest by step', () => {
    expect(computeMetricMode(acc, { kind: 'latest' })).toEqual({ value: 0.7, step: 3 });
  });
  it('takes the value at the first best step of another metric', () => {
    expect(computeMetricMode(acc, { kind: 'best', ref: 'loss', dir: 'min' }, loss)).toEqual({
      value: 0.8,
      step: 1,
    });
    expect(computeMetricMode(acc, { kind: 'best', ref: 'loss', dir: 'max' }, loss)).toEqual({
      value: 0.5,
      step: 0,
    });
  });
  it('uses the nearest earlier step when the metric skips the best step', () => {
    const sparse = points([
      [0, 1],
      [5, 2],
    ]);
    const ref = points([
      [3, 0.1],
      [6, 0.5],
    ]);
    expect(computeMetricMode(sparse, { kind: 'best', ref: 'r', dir: 'min' }, ref)).toEqual({
      value: 1,
      step: 0,
    });
  });
  it('returns null without data', () => {
    expect(computeMetricMode([], { kind: 'max' })).toBeNull();
    expect(computeMetricMode(acc, { kind: 'best', ref: 'r', dir: 'min' }, [])).toBeNull();
    expect(computeMetricMode(points([[0, NaN]]), { kind: 'min' })).toBeNull();
  });
});

describe('metric mode option values', () => {
  it('round-trips every mode, a reference key holding "~" included', () => {
    for (const m of [
      { kind: 'latest' },
      { kind: 'min' },
      { kind: 'max' },
      { kind: 'best', dir: 'min', ref: 'val/loss' },
      { kind: 'best', dir: 'max', ref: 'a~b~c' },
    ] as const)
      expect(parseMetricModeValue(metricModeValue(m))).toEqual(m);
  });

  it('refuses a value it did not make', () => {
    expect(parseMetricModeValue('median')).toBeNull();
    expect(parseMetricModeValue('bavg~loss')).toBeNull();
  });
});
