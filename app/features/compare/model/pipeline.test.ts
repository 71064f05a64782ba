import { describe, expect, it } from 'vitest';
import { at } from '../../../lib/at';
import { makeSeries } from './builders.test-util';
import { runPipeline, type PipelineRequest } from './pipeline';
import type { RawSeries } from './series';
import { toXY } from './x-axis';

const base: PipelineRequest = {
  lines: [],
  xMode: { kind: 'step' },
  range: null,
  buckets: 100,
  smoothing: 0,
  log: false,
  clipOutliers: false,
  groups: null,
  band: 'minmax',
};

describe('x-axis transforms', () => {
  const s = makeSeries([1, 2, 3], { steps: [0, 5, 10], times: [5000, 7000, 6000] });
  it('step, wall and relative time', () => {
    expect(Array.from(toXY(s, { kind: 'step' }).xs)).toEqual([0, 5, 10]);
    const wall = toXY(s, { kind: 'wall' });
    expect(Array.from(wall.xs)).toEqual([5000, 6000, 7000]);
    expect(Array.from(wall.ys)).toEqual([1, 3, 2]);
    expect(Array.from(toXY(s, { kind: 'relative' }).xs)).toEqual([0, 1, 2]);
  });
  it('another metric joins on step and drops points without an x', () => {
    const other = makeSeries([0.5, NaN, 0.1], { steps: [0, 5, 99] });
    const xy = toXY(s, { kind: 'metric', key: 'lr' }, other);
    expect(Array.from(xy.xs)).toEqual([0.5]);
    expect(Array.from(xy.ys)).toEqual([1]);
  });
});

describe('pipeline NaN/inf handling', () => {
  it('a diverging run keeps its finite part, marks NaN/inf as gaps and leaves the y domain finite', () => {
    const values = Array.from({ length: 500 }, (_, i) => 2 - i / 500);
    values.push(50, 1e4, Infinity, NaN, NaN);
    const store = new Map<string, RawSeries>([
      ['a', makeSeries(values)],
      ['b', makeSeries([1, 0.5, 0.25])],
    ]);
    const r = runPipeline((k) => store.get(k), {
      ...base,
      lines: [
        { id: 'a', seriesKey: 'a' },
        { id: 'b', seriesKey: 'b' },
      ],
    });
    const a = at(r.lines, 0);
    expect(a.markers.map((m) => m.kind)).toEqual(['inf', 'nan']);
    expect(a.ys).toContain(1e4);
    expect(a.ys.some((v) => v === 0)).toBe(false);
    // the diverged tail is a gap (null) in the drawn table, never a number
    expect(a.ys.at(-1)).toBeNull();
    expect(r.lines[1]?.ys.length).toBe(r.xs.length);
    expect(r.yDomain!.every(Number.isFinite)).toBe(true);
    const clipped = runPipeline((k) => store.get(k), {
      ...base,
      clipOutliers: true,
      lines: [{ id: 'a', seriesKey: 'a' }],
    });
    expect(clipped.yDomain![1]).toBeLessThan(50);
  });

  it('zooming re-buckets the range and reaches full resolution', () => {
    const store = new Map<string, RawSeries>([
      ['a', makeSeries(Array.from({ length: 10_000 }, (_, i) => i % 7))],
    ]);
    const lines = [{ id: 'a', seriesKey: 'a' }];
    expect(runPipeline((k) => store.get(k), { ...base, lines }).lines[0]?.full).toBe(false);
    const z = runPipeline((k) => store.get(k), { ...base, lines, range: [1000, 1100] });
    expect(z.lines[0]?.full).toBe(true);
    expect(z.full).toBe(true);
    expect(z.xDomain).toEqual([1000, 1100]);
    // full resolution: every step of the range is a column, at its own x
    expect(z.xs[0]).toBe(1000);
    expect(z.xs[z.xs.length - 1]).toBe(1100);
    expect(z.drawnPoints).toBe(101);
  });

  it('100 runs of 10,000 steps stay about 3 columns per pixel bucket', () => {
    const store = new Map<string, RawSeries>();
    const lines = Array.from({ length: 100 }, (_, k) => {
      store.set(
        `r${k}`,
        makeSeries(Array.from({ length: 10_000 }, (_, i) => Math.sin(i / (30 + k)) + k)),
      );
      return { id: `r${k}`, seriesKey: `r${k}` };
    });
    const r = runPipeline((k) => store.get(k), { ...base, buckets: 800, lines });
    expect(r.xs.length).toBeLessThanOrEqual(3 * 800 + 2);
    expect(r.lines.every((l) => l.ys.length === r.xs.length)).toBe(true);
    expect(r.drawnPoints).toBeLessThanOrEqual(100 * (2 * 800 + 2));
  });

  it('runs that only feed a collapsed group are not drawn but still count for full resolution', () => {
    const store = new Map<string, RawSeries>([
      ['a', makeSeries(Array.from({ length: 5000 }, (_, i) => i))],
      ['b', makeSeries([1, 2])],
    ]);
    const r = runPipeline((k) => store.get(k), {
      ...base,
      lines: [
        { id: 'a', seriesKey: 'a', draw: false },
        { id: 'b', seriesKey: 'b' },
      ],
      groups: [{ name: 'g', ids: ['a', 'b'] }],
    });
    expect(r.lines.map((l) => l.id)).toEqual(['b']);
    expect(r.full).toBe(false);
  });

  it('group mean is computed over smoothed, aligned members', () => {
    const store = new Map<string, RawSeries>([
      ['a', makeSeries([1, 1, 1])],
      ['b', makeSeries([3, 3, 3])],
    ]);
    const r = runPipeline((k) => store.get(k), {
      ...base,
      buckets: 6,
      lines: [
        { id: 'a', seriesKey: 'a' },
        { id: 'b', seriesKey: 'b' },
      ],
      groups: [{ name: 'g', ids: ['a', 'b'] }],
    });
    expect(r.groups[0]?.mean.every((v) => v === 2)).toBe(true);
    expect(r.groups[0]?.lower[0]).toBe(1);
    expect(r.groups[0]?.upper[0]).toBe(3);
  });
});
