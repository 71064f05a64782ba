import { describe, expect, it } from 'vitest';
import { comparePatch, parseCompareState } from './url-state';

describe('compare URL state', () => {
  it('reads old MLflow links', () => {
    const s = parseCompareState(new URLSearchParams('runs=a,b&experiments=1&charts=val/loss'));
    expect(s.runIds).toEqual(['a', 'b']);
    expect(s.experimentIds).toEqual(['1']);
    expect(s.filter).toBe('^(val/loss)$');
    expect(s.tab).toBe('charts');
  });
  it('round-trips settings compactly', () => {
    const patch = comparePatch({
      xMode: { kind: 'relative' },
      smoothing: 0.6,
      log: true,
      outliers: false,
      groupBy: { kind: 'param', key: 'optimizer' },
      band: 'std',
      zoom: [10, 200],
      tab: 'charts',
    });
    expect(patch).toMatchObject({
      x: 'relative',
      smooth: '0.6',
      log: '1',
      outliers: null,
      group: 'param:optimizer',
      band: 'std',
      zoom: '10,200',
      tab: null,
    });
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(patch)) if (v) p.set(k, v);
    const s = parseCompareState(p);
    expect(s).toMatchObject({
      xMode: { kind: 'relative' },
      smoothing: 0.6,
      log: true,
      groupBy: { kind: 'param', key: 'optimizer' },
      band: 'std',
      zoom: [10, 200],
    });
  });
});
