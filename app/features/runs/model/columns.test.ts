import { describe, expect, it } from 'vitest';
import {
  cellText,
  decodeColumn,
  decodeColumns,
  encodeColumn,
  encodeColumns,
  loggedModels,
  type ColumnSpec,
} from './columns';
import { collectKeys } from './keys';
import { makeRun } from './test-builders';

describe('column encoding', () => {
  const cols: ColumnSpec[] = [
    { kind: 'fixed', id: 'created' },
    { kind: 'metric', key: 'val/accuracy', mode: { kind: 'latest' } },
    { kind: 'metric', key: 'val/loss', mode: { kind: 'min' } },
    { kind: 'metric', key: 'val/accuracy', mode: { kind: 'best', ref: 'val/loss', dir: 'min' } },
    { kind: 'param', key: 'lr' },
    { kind: 'tag', key: 'team name' },
  ];
  it('round-trips every kind', () => {
    expect(decodeColumns(encodeColumns(cols))).toEqual(cols);
  });
  it('is compact', () => {
    expect(encodeColumns(cols)).toBe(
      'created,m:val/accuracy,m:val/loss~min,m:val/accuracy~bmin~val/loss,p:lr,t:team name',
    );
  });
  it('drops unknown and duplicate entries', () => {
    expect(decodeColumns('created,,bogus,x:y,created,m:')).toEqual([
      { kind: 'fixed', id: 'created' },
    ]);
    expect(decodeColumn('m:a~weird')).toBeNull();
    expect(encodeColumn({ kind: 'metric', key: 'a', mode: { kind: 'max' } })).toBe('m:a~max');
  });
});

describe('cell text', () => {
  it('renders NaN, infinities and missing values', () => {
    const r = makeRun({ metrics: { a: NaN, b: Infinity, c: 0.5 }, params: { lr: '0.1' } });
    expect(cellText(r, { kind: 'metric', key: 'a', mode: { kind: 'latest' } })).toBe('NaN');
    expect(cellText(r, { kind: 'metric', key: 'b', mode: { kind: 'latest' } })).toBe('Infinity');
    expect(cellText(r, { kind: 'metric', key: 'c', mode: { kind: 'latest' } })).toBe('0.5');
    expect(cellText(r, { kind: 'metric', key: 'zz', mode: { kind: 'latest' } })).toBe('');
    expect(cellText(r, { kind: 'param', key: 'lr' })).toBe('0.1');
  });
  it('reads logged models and tolerates a broken history tag', () => {
    const ok = makeRun({
      tags: {
        'mlflow.log-model.history':
          '[{"artifact_path":"model","flavors":{"sklearn":{},"python_function":{}}}]',
      },
    });
    expect(loggedModels(ok)).toEqual([{ artifactPath: 'model', flavors: ['sklearn'] }]);
    expect(loggedModels(makeRun({ tags: { 'mlflow.log-model.history': '{not json' } }))).toEqual(
      [],
    );
  });
});

describe('collectKeys', () => {
  it('unions and sorts keys, scaling to thousands', () => {
    const many: Record<string, number> = {};
    for (let i = 0; i < 12000; i++) many[`m${i}`] = i;
    const keys = collectKeys([
      makeRun({ metrics: many, params: { b: '1' } }),
      makeRun({ params: { a: '2' }, datasets: ['iris'] }),
    ]);
    expect(keys.metrics).toHaveLength(12000);
    expect(keys.params).toEqual(['a', 'b']);
    expect(keys.datasets).toEqual(['iris']);
  });
});
