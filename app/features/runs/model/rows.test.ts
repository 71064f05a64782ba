import { describe, expect, it } from 'vitest';
import { buildGroupRows, buildTreeRows, summarize, type GroupRow, type RunRow } from './rows';
import { makeRun } from './test-builders';

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('tree rows', () => {
  const runs = [
    makeRun({ id: 'p' }),
    makeRun({ id: 'c1', parent: 'p' }),
    makeRun({ id: 'solo' }),
    makeRun({ id: 'c2', parent: 'p' }),
  ];
  it('hides children of collapsed parents and counts them', () => {
    const rows = buildTreeRows(runs, { expanded: new Set() });
    expect(ids(rows)).toEqual(['p', 'solo']);
    expect(rows[0]?.childCount).toBe(2);
  });
  it('shows children after their expanded parent', () => {
    const rows = buildTreeRows(runs, { expanded: new Set(['p']) });
    expect(ids(rows)).toEqual(['p', 'c1', 'c2', 'solo']);
    expect(rows.map((r) => r.depth)).toEqual([0, 1, 1, 0]);
  });
  it('merges children fetched on demand without duplicates', () => {
    const fetched = new Map([
      ['p', [makeRun({ id: 'c1', parent: 'p' }), makeRun({ id: 'c3', parent: 'p' })]],
    ]);
    const rows = buildTreeRows(runs, { expanded: new Set(['p']), fetchedChildren: fetched });
    expect(ids(rows)).toEqual(['p', 'c1', 'c2', 'c3', 'solo']);
    expect(rows[0]?.childCount).toBe(3);
  });
  it('shows orphans as roots unless only top-level runs are asked for', () => {
    const orphan = [makeRun({ id: 'o', parent: 'gone' }), makeRun({ id: 'r' })];
    expect(ids(buildTreeRows(orphan, { expanded: new Set() }))).toEqual(['o', 'r']);
    expect(ids(buildTreeRows(orphan, { expanded: new Set(), topLevelOnly: true }))).toEqual(['r']);
  });
  it('survives a parent cycle', () => {
    const cyc = [
      makeRun({ id: 'a', parent: 'b' }),
      makeRun({ id: 'b', parent: 'a' }),
      makeRun({ id: 'self', parent: 'self' }),
    ];
    expect(ids(buildTreeRows(cyc, { expanded: new Set(['a', 'b']) }))).toEqual(['self']);
  });
});

describe('group rows', () => {
  const runs = [
    makeRun({ id: 'a', params: { opt: 'adam' }, metrics: { acc: 0.9 } }),
    makeRun({ id: 'b', params: { opt: 'sgd' }, metrics: { acc: 0.5 } }),
    makeRun({ id: 'c', metrics: { acc: 0.1 } }),
    makeRun({ id: 'd', params: { opt: 'adam' }, metrics: { acc: NaN } }),
    makeRun({ id: 'e', params: { opt: 'adam' }, metrics: { acc: 0.7 } }),
  ];
  it('groups in order of appearance with counts and summaries, NaN ignored', () => {
    const rows = buildGroupRows(runs, { kind: 'param', key: 'opt' }, ['acc'], new Set());
    const groups = rows.filter((r): r is GroupRow => r.kind === 'group');
    expect(groups.map((g) => [g.value, g.count])).toEqual([
      ['adam', 3],
      ['sgd', 1],
      ['', 1],
    ]);
    expect(groups[0]?.summaries.acc).toMatchObject({ n: 2 });
    const acc = groups[0]?.summaries.acc;
    expect(acc?.min).toBeCloseTo(0.7);
    expect(acc?.max).toBeCloseTo(0.9);
    expect(acc?.mean).toBeCloseTo(0.8);
  });
  it('hides the runs of a collapsed group', () => {
    const rows = buildGroupRows(runs, { kind: 'param', key: 'opt' }, [], new Set(['adam']));
    expect(rows.filter((r): r is RunRow => r.kind === 'run').map((r) => r.run.info.id)).toEqual([
      'b',
      'c',
    ]);
  });
  it('puts a run in each of its dataset groups with unique row ids', () => {
    const rows = buildGroupRows(
      [makeRun({ id: 'x', datasets: ['train', 'eval'] })],
      { kind: 'dataset' },
      [],
      new Set(),
    );
    expect(ids(rows)).toEqual(['group:train', 'group:train/x', 'group:eval', 'group:eval/x']);
  });
});

describe('summarize', () => {
  it('keeps infinities and skips NaN', () => {
    expect(summarize([1, Infinity, NaN, undefined])).toEqual({
      min: 1,
      max: Infinity,
      mean: Infinity,
      n: 2,
    });
    expect(summarize([NaN])).toBeNull();
  });
});
