import { describe, expect, it } from 'vitest';
import { alignToGrid, groupRuns, groupStats } from './groups';

describe('group mean and band', () => {
  const members = [
    [1, 2, NaN],
    [3, 2, 5],
    [5, 2, Infinity],
  ];

  it('min–max band', () => {
    const s = groupStats(members, 'minmax');
    expect(s.mean).toEqual([3, 2, 5]);
    expect(s.lower).toEqual([1, 2, 5]);
    expect(s.upper).toEqual([5, 2, 5]);
    expect(s.count).toEqual([3, 3, 1]);
  });

  it('standard deviation (sample) and standard error', () => {
    const sd = groupStats(members, 'std');
    expect(sd.lower[0]).toBeCloseTo(1, 12); // mean 3, sd 2
    expect(sd.upper[0]).toBeCloseTo(5, 12);
    expect(sd.upper[1]).toBe(2);
    const se = groupStats(members, 'stderr');
    expect(se.upper[0]).toBeCloseTo(3 + 2 / Math.sqrt(3), 12);
    expect(se.lower[2]).toBe(5); // one finite member: no spread
  });

  it('a grid point without a finite member is a gap', () => {
    const s = groupStats([[NaN], [Infinity]], 'std');
    expect(Number.isNaN(s.mean[0])).toBe(true);
  });

  it('aligns a series to a grid by last value at or before x, only inside its range', () => {
    const a = alignToGrid([0, 10, 20], [1, 2, 3], [-5, 0, 5, 10, 19, 20, 25]);
    expect(Array.from(a)).toEqual([NaN, 1, 1, 2, 2, 3, NaN]);
  });

  it('groups runs by param, missing values together', () => {
    const runs: { id: string; params: Record<string, string>; tags: Record<string, string> }[] = [
      { id: 'a', params: { lr: '0.1' }, tags: {} },
      { id: 'b', params: { lr: '0.01' }, tags: {} },
      { id: 'c', params: { lr: '0.1' }, tags: {} },
      { id: 'd', params: {}, tags: {} },
    ];
    expect(groupRuns(runs, { kind: 'param', key: 'lr' })).toEqual([
      { name: 'lr=0.1', runIds: ['a', 'c'] },
      { name: 'lr=0.01', runIds: ['b'] },
      { name: 'lr=(none)', runIds: ['d'] },
    ]);
  });
});
