import { describe, expect, it } from 'vitest';
import { at } from '../../../lib/at';
import type { Metric } from '../../../api';
import { parseModelVersionsTag } from '../../../api';
import { metricColumns, metricValue, metricsByDataset } from './metrics';
import { orderOf, parseModelListParams } from './list-params';

const m = (p: Partial<Metric> & { key: string; value: number }): Metric => ({
  timestamp: 0,
  step: 0,
  ...p,
});

describe('metricsByDataset', () => {
  it('groups by dataset, no-dataset first, latest value per key', () => {
    const groups = metricsByDataset([
      m({ key: 'acc', value: 0.8, datasetName: 'holdout', datasetDigest: 'b' }),
      m({ key: 'acc', value: 0.9, datasetName: 'eval', datasetDigest: 'a' }),
      m({ key: 'acc', value: 0.95, datasetName: 'eval', datasetDigest: 'a', step: 2 }),
      m({ key: 'f1', value: 0.5, datasetName: 'eval', datasetDigest: 'a' }),
      m({ key: 'loss', value: 1 }),
    ]);
    expect(groups.map((g) => g.datasetName)).toEqual(['', 'eval', 'holdout']);
    expect(groups[1]?.metrics.map((x) => [x.key, x.value])).toEqual([
      ['acc', 0.95],
      ['f1', 0.5],
    ]);
  });
});

describe('metric columns', () => {
  it('one column per key and dataset, and reads the value of each', () => {
    const models = [
      {
        metrics: [
          m({ key: 'acc', value: 0.9, datasetName: 'eval' }),
          m({ key: 'acc', value: 0.7 }),
        ],
      },
    ];
    const cols = metricColumns(models);
    expect(cols.map((c) => c.label)).toEqual(['acc', 'acc (eval)']);
    expect(metricValue(at(models, 0).metrics, at(cols, 1))).toBe(0.9);
    expect(metricValue([], at(cols, 0))).toBeUndefined();
  });
});

describe('mlflow.modelVersions tag', () => {
  it('reads each version once, numbers and strings alike, and ignores junk', () => {
    expect(
      parseModelVersionsTag(
        '[{"name": "m", "version": 1}, {"name": "m", "version": "1"}, {"name": "n", "version": "2"}, 3]',
      ),
    ).toEqual([
      { name: 'm', version: '1' },
      { name: 'n', version: '2' },
    ]);
    expect(parseModelVersionsTag('not json')).toEqual([]);
    expect(parseModelVersionsTag(undefined)).toEqual([]);
  });
});

describe('list params', () => {
  it('defaults to newest first and reads a metric sort on a dataset', () => {
    const p = parseModelListParams(new URLSearchParams(''));
    expect(orderOf(p)).toEqual([{ fieldName: 'creation_time', ascending: false }]);
    const q = parseModelListParams(
      new URLSearchParams('sort=metrics.acc@eval_ds&dir=asc&q=name%3D%27x%27'),
    );
    expect(q.filter).toBe("name='x'");
    expect(orderOf(q)).toEqual([
      { fieldName: 'metrics.acc', ascending: true, datasetName: 'eval_ds' },
    ]);
  });
});
