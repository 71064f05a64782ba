import { describe, expect, it } from 'vitest';
import type { Assessment, TraceInfo } from '../../../api';
import { aggregates, compareRuns, evalRows, scorerNames } from './eval';

const fb = (name: string, value: unknown, p: Partial<Assessment> = {}): Assessment =>
  ({
    id: name,
    name,
    kind: 'feedback',
    value,
    error: null,
    valid: true,
    source: { type: 'CODE', id: name },
    ...p,
  }) as Assessment;
const trace = (key: string, assessments: Assessment[]): TraceInfo =>
  ({
    requestId: `tr-${key}`,
    requestPreview: `{"q":"${key}"}`,
    responsePreview: '"a"',
    tags: { 'mlflow.eval.requestId': key },
    assessments,
  }) as unknown as TraceInfo;

describe('evaluation rows', () => {
  const rows = evalRows([
    trace('1', [
      fb('exact', true),
      fb('length', 2),
      { ...fb('expected', 'a1'), kind: 'expectation', source: { type: 'HUMAN', id: 'u' } },
    ]),
    trace('2', [fb('exact', false), fb('length', 3)]),
    trace('3', [
      fb('exact', null, { error: 'boom' }),
      fb('length', 4),
      fb('human', true, { source: { type: 'HUMAN', id: 'x' } }),
    ]),
  ]);
  it('one column per scorer, expectations apart, failing rows marked', () => {
    expect(scorerNames(rows)).toEqual(['exact', 'length']);
    expect(rows[0]?.expectations).toEqual({ expected: 'a1' });
    expect(rows.map((r) => r.failing)).toEqual([false, true, true]);
  });
  it('aggregates as MLflow logs <scorer>/mean', () => {
    const [exact, length] = aggregates(rows);
    expect(exact).toMatchObject({ count: 3, mean: 0.5, passed: 1, failed: 2 });
    expect(length?.mean).toBe(3);
  });
  it('compares two runs by input and names changed verdicts', () => {
    const other = evalRows([
      trace('1', [fb('exact', false), fb('length', 2)]),
      trace('4', [fb('exact', true)]),
    ]);
    const c = compareRuns(rows, other);
    expect(c.map((r) => [r.key, r.changed])).toEqual([
      ['1', ['exact']],
      ['2', ['exact', 'length']],
      ['3', ['exact', 'length']],
      ['4', ['exact']],
    ]);
  });
});
