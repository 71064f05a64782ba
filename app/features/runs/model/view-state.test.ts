import { describe, expect, it } from 'vitest';
import {
  orderByFor,
  parseViewState,
  serverFilter,
  serverOrderBy,
  viewStatePatch,
  type RunsViewState,
} from './view-state';

function toParams(patch: Record<string, string | null>): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(patch)) if (v !== null) p.set(k, v);
  return p;
}

describe('runs view state in the URL', () => {
  it('round-trips a full view', () => {
    const s: RunsViewState = {
      filter: "params.optimizer = 'adam'",
      status: 'FAILED',
      viewType: 'DELETED_ONLY',
      topLevelOnly: true,
      sort: { column: 'm:val/loss', desc: false },
      columns: [{ kind: 'param', key: 'lr' }],
      groupBy: { kind: 'param', key: 'optimizer' },
      expanded: ['abc', 'def'],
    };
    expect(parseViewState(toParams(viewStatePatch(s)))).toEqual(s);
  });
  it('writes nothing for the defaults', () => {
    const defaults = parseViewState(new URLSearchParams());
    expect(Object.values(viewStatePatch(defaults)).filter((v) => v !== null)).toEqual([]);
    expect(defaults.columns).toBeNull();
  });
  it('stays compact with many columns', () => {
    const columns = Array.from({ length: 40 }, (_, i) => ({
      kind: 'metric' as const,
      key: `metric_${i}`,
      mode: { kind: 'latest' as const },
    }));
    const url = toParams(viewStatePatch({ columns })).toString();
    expect(url.length).toBeLessThan(800);
  });
});

describe('server query', () => {
  it('ANDs the status quick filter', () => {
    expect(serverFilter({ filter: ' metrics.a > 1 ', status: 'RUNNING' })).toBe(
      "metrics.a > 1 and attributes.status = 'RUNNING'",
    );
    expect(serverFilter({ filter: '', status: null })).toBeUndefined();
  });
  it('maps sort columns to order_by', () => {
    expect(serverOrderBy({ column: 'm:val/loss', desc: true })).toEqual([
      'metrics.`val/loss` DESC',
    ]);
    expect(serverOrderBy({ column: 'name', desc: false })).toEqual(['attributes.run_name ASC']);
    expect(orderByFor('m:val/loss~min')).toBeNull();
    expect(serverOrderBy({ column: 'duration', desc: false })).toEqual([
      'attributes.start_time ASC',
    ]);
  });
});
