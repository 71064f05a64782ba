import { describe, expect, it } from 'vitest';
import type { Metric } from '../../../api';
import { smooth, toChartPoints } from './chart';
import { profileRows, schemaRows } from './dataset';
import {
  filterKeyValues,
  isLongValue,
  loggedModelFolders,
  splitTags,
  summarizeHistory,
} from './rows';

const m = (step: number, value: number, timestamp = 1000 + step * 10): Metric => ({
  key: 'loss',
  step,
  value,
  timestamp,
});

describe('rows', () => {
  it('filters by every word on key or value', () => {
    const rows = [
      { key: 'lr', value: '0.001' },
      { key: 'optimizer', value: 'adam' },
    ];
    expect(filterKeyValues(rows, 'ADAM')).toEqual([rows[1]]);
    expect(filterKeyValues(rows, 'opt adam')).toEqual([rows[1]]);
    expect(filterKeyValues(rows, 'opt sgd')).toEqual([]);
    expect(filterKeyValues(rows, '  ')).toEqual(rows);
  });
  it('splits system tags away', () => {
    const { user, system } = splitTags({ 'mlflow.user': 'me', team: 'a', 'mlflow.runName': 'x' });
    expect(user.map((t) => t.key)).toEqual(['team']);
    expect(system.map((t) => t.key)).toEqual(['mlflow.runName', 'mlflow.user']);
  });
  it('folds long or multi-line values', () => {
    expect(isLongValue('x'.repeat(121))).toBe(true);
    expect(isLongValue('a\nb')).toBe(true);
    expect(isLongValue('0.1')).toBe(false);
  });
  it('summarizes a history ignoring NaN for min/max', () => {
    expect(summarizeHistory([m(0, 3), m(1, NaN), m(2, -1), m(2, 5)])).toEqual({
      min: -1,
      max: 5,
      steps: 3,
    });
    expect(summarizeHistory([m(0, NaN)])).toEqual({ min: NaN, max: NaN, steps: 1 });
    expect(summarizeHistory([])).toBeNull();
  });
  it('finds logged model folders from the history tag and the listing', () => {
    const tags = {
      'mlflow.log-model.history': '[{"artifact_path": "clf"}, {"artifact_path": "clf"}]',
    };
    expect(loggedModelFolders(tags)).toEqual(['clf']);
    expect(
      loggedModelFolders({ 'mlflow.log-model.history': 'not json' }, ['model', 'data']),
    ).toEqual(['model']);
  });
});

describe('datasets', () => {
  it('reads a colspec schema and a profile', () => {
    const schema = {
      mlflow_colspec: [
        { type: 'double', name: 'x', required: true },
        { type: 'long', name: 'y' },
      ],
    };
    expect(schemaRows(schema)).toEqual([
      { name: 'x', type: 'double', required: 'yes' },
      { name: 'y', type: 'long', required: '' },
    ]);
    expect(schemaRows('not a schema')).toBeNull();
    expect(profileRows({ num_rows: 150, nested: { a: 1 } })).toEqual([
      ['num_rows', '150'],
      ['nested', '{"a":1}'],
    ]);
  });
});

describe('chart points', () => {
  it('maps x by mode and turns non-finite values into gaps', () => {
    const pts = [m(2, 1, 5000), m(0, Infinity, 1000), m(1, NaN, 3000)];
    expect(toChartPoints(pts, 'step').map((p) => [p.x, p.y])).toEqual([
      [0, null],
      [1, null],
      [2, 1],
    ]);
    expect(toChartPoints(pts, 'relative').map((p) => p.x)).toEqual([0, 2, 4]);
  });

  it('takes a 500k-point history (a spread into Math.min overflows the stack)', () => {
    const pts = Array.from({ length: 500_000 }, (_, i) => m(i, i, 1000 + i));
    const out = toChartPoints(pts, 'relative');
    expect(out).toHaveLength(500_000);
    expect(out.at(-1)?.x).toBe(499.999);
  });
  it('drops non-positive values on a log scale', () => {
    expect(toChartPoints([m(0, 0), m(1, 10)], 'step', { logScale: true }).map((p) => p.y)).toEqual([
      null,
      10,
    ]);
  });
  it('smooths with a debiased EMA', () => {
    expect(smooth([1, 1, 1], 0.9)).toEqual([1, 1, 1].map(() => expect.closeTo(1, 10)));
    const s = smooth([0, 10], 0.5);
    expect(s[0]).toBe(0);
    expect(s[1]).toBeCloseTo((10 * 0.5) / 0.75, 10);
    expect(smooth([1, NaN, 3], 0)).toEqual([1, null, 3]);
  });
});
