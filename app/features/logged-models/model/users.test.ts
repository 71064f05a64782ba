import { describe, expect, it } from 'vitest';
import type { Run } from '../../../api';
import { modelUserCandidates, toModelUser } from './users';

const makeRun = (id: string, modelIds: string[]): Run =>
  ({
    info: { id, name: `run-${id}` },
    modelInputs: modelIds.map((modelId) => ({ modelId, step: null })),
  }) as unknown as Run;

describe('modelUserCandidates', () => {
  it('reads the runs that logged metrics, minus the source run', () => {
    expect(modelUserCandidates({ metricRunIds: ['src', 'a', 'b'], sourceRunId: 'src' })).toEqual({
      runIds: ['a', 'b'],
      more: 0,
    });
  });
  it('caps the reads and counts the rest', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    expect(modelUserCandidates({ metricRunIds: ids, sourceRunId: null }, 2)).toEqual({
      runIds: ['a', 'b'],
      more: 3,
    });
  });
});

describe('toModelUser', () => {
  it('tells a run that took the model as input from one that only logged metrics', () => {
    expect(toModelUser(makeRun('r1', ['m-1']), 'm-1').tookAsInput).toBe(true);
    expect(toModelUser(makeRun('r2', ['m-2']), 'm-1')).toEqual({
      runId: 'r2',
      runName: 'run-r2',
      tookAsInput: false,
    });
  });
});
