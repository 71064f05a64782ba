import { describe, expect, it } from 'vitest';
import type { ModelSignature } from '../../../lib/mlmodel';
import { diffRecords, onlyDiffering, sameNumber, signatureRecord } from './diff';

describe('diffRecords', () => {
  it('aligns keys across versions and marks differences, missing counts as different', () => {
    const rows = diffRecords([
      { lr: '0.1', C: '1.0' },
      { lr: '0.1', C: '0.5', extra: 'x' },
    ]);
    expect(rows).toEqual([
      { key: 'C', values: ['1.0', '0.5'], differs: true },
      { key: 'extra', values: [undefined, 'x'], differs: true },
      { key: 'lr', values: ['0.1', '0.1'], differs: false },
    ]);
    expect(onlyDiffering(rows, true).map((r) => r.key)).toEqual(['C', 'extra']);
    expect(onlyDiffering(rows, false)).toHaveLength(3);
  });
  it('treats NaN as equal to NaN for metrics', () => {
    expect(diffRecords([{ loss: NaN }, { loss: NaN }], sameNumber)[0]!.differs).toBe(false);
    expect(diffRecords([{ loss: 0.1 }, { loss: 0.2 }], sameNumber)[0]!.differs).toBe(true);
  });
});

describe('signatureRecord', () => {
  const sig = (required: boolean): ModelSignature => ({
    inputs: [{ kind: 'column', name: 'x', type: 'double', required }],
    outputs: [{ kind: 'tensor', name: null, dtype: 'int64', shape: [-1], required: true }],
    params: [{ name: 'k', type: 'long', defaultValue: '3', shape: null }],
  });
  it('flattens a signature so a changed field shows as a differing row', () => {
    expect(signatureRecord(sig(true))).toEqual({
      'inputs.x': 'double',
      'outputs.#0': 'tensor int64 [-1]',
      'params.k': 'long = 3',
    });
    const rows = diffRecords([signatureRecord(sig(true)), signatureRecord(sig(false))]);
    expect(rows.filter((r) => r.differs).map((r) => r.key)).toEqual(['inputs.x']);
    expect(signatureRecord(null)).toEqual({});
  });
});
