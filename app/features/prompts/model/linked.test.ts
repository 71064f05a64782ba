import { describe, expect, it } from 'vitest';
import type { Run } from '../../../api';
import { promptExperimentIds, runsByVersion } from './linked';

const run = (id: string, linked: string): Run =>
  ({
    info: { id, experimentId: '1', name: `run ${id}` },
    tags: { 'mlflow.linkedPrompts': linked },
  }) as unknown as Run;

describe('runs that loaded a prompt version', () => {
  it('reads mlflow.linkedPrompts exactly, per version', () => {
    const m = runsByVersion(
      [
        run('a', '[{"name": "p", "version": "1"}, {"name": "p-other", "version": "2"}]'),
        run('b', '[{"name": "p", "version": 2}]'),
        run('c', 'not json'),
      ],
      'p',
    );
    expect([...m.keys()].sort()).toEqual(['1', '2']);
    expect(m.get('1')?.map((r) => r.runId)).toEqual(['a']);
    expect(m.get('2')?.map((r) => r.runId)).toEqual(['b']);
  });
  it('reads the experiments a prompt records', () => {
    expect(promptExperimentIds({ _mlflow_experiment_ids: ',1,3,' })).toEqual(['1', '3']);
  });
});
