/** Tiny builders for the model tests. */
import type { Metric, Run, RunStatus } from '../../../api';

let seq = 0;

export function makeRun(p: {
  id?: string;
  name?: string;
  parent?: string | null;
  status?: RunStatus;
  metrics?: Record<string, number>;
  params?: Record<string, string>;
  tags?: Record<string, string>;
  datasets?: string[];
  start?: number;
}): Run {
  const id = p.id ?? `run${++seq}`;
  const metrics: Record<string, Metric> = {};
  for (const [key, value] of Object.entries(p.metrics ?? {})) metrics[key] = { key, value, step: 0, timestamp: 0 };
  return {
    info: {
      id,
      experimentId: '1',
      name: p.name ?? id,
      userId: 'alice',
      status: p.status ?? 'FINISHED',
      startTime: p.start ?? 1000,
      endTime: (p.start ?? 1000) + 5000,
      artifactUri: '',
      lifecycleStage: 'active',
    },
    metrics,
    params: p.params ?? {},
    tags: { ...(p.tags ?? {}), ...(p.parent ? { 'mlflow.parentRunId': p.parent } : {}) },
    modelInputs: [],
    modelOutputs: [],
    datasets: (p.datasets ?? []).map((name) => ({
      dataset: { name, digest: 'd', sourceType: 'local', source: null, sourceRaw: '', schema: null, schemaRaw: '', profile: null, profileRaw: '' },
      context: 'training',
      tags: {},
    })),
    parentRunId: p.parent ?? null,
    description: '',
  };
}

export function points(values: [step: number, value: number][], key = 'm'): Metric[] {
  return values.map(([step, value]) => ({ key, step, value, timestamp: step }));
}
