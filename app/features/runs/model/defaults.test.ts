import { describe, expect, it } from 'vitest';
import { defaultColumns } from './defaults';
import { collectKeys } from './keys';
import { makeRun } from './test-builders';

describe('default columns', () => {
  it('shows the metrics most runs logged, at most six, never system metrics', () => {
    const common = { a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, 'system/cpu': 1 };
    const runs = [
      makeRun({ metrics: { ...common, rare: 1 } }),
      makeRun({ metrics: common }),
      makeRun({ metrics: { ...common, aaa: 1 } }),
    ];
    const metrics = defaultColumns(collectKeys(runs)).flatMap((c) =>
      c.kind === 'metric' ? [c.key] : [],
    );
    expect(metrics).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('shows params first, those that vary between runs before the others, at most six', () => {
    const params = (lr: string) => ({
      lr,
      seed: '1',
      a1: 'x',
      a2: 'x',
      a3: 'x',
      a4: 'x',
      a5: 'x',
      a6: 'x',
    });
    const runs = [makeRun({ params: params('0.1') }), makeRun({ params: params('0.01') })];
    const cols = defaultColumns(collectKeys(runs));
    expect(cols[0]).toEqual({ kind: 'param', key: 'lr' });
    expect(cols.filter((c) => c.kind === 'param')).toHaveLength(6);
  });
});
