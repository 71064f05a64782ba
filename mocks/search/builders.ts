/** Tiny builders for search tests: a run, an experiment, a trace, a model version. */
import type {
  WireExperiment,
  WireMetricValue,
  WireModelVersion,
  WireTraceInfo,
} from '../../app/api/wire';
import type { DbRun } from '../db';

let seq = 0;

export interface RunBits {
  id?: string;
  name?: string;
  experimentId?: string;
  status?: 'RUNNING' | 'FINISHED' | 'FAILED' | 'KILLED' | 'SCHEDULED';
  start?: number;
  end?: number;
  user?: string;
  metrics?: Record<string, WireMetricValue>;
  params?: Record<string, string>;
  tags?: Record<string, string>;
  datasets?: { name: string; digest?: string; context?: string }[];
}

export function makeRun(b: RunBits = {}): DbRun {
  seq++;
  const id = b.id ?? `f${seq.toString(16).padStart(31, '0')}`; // a letter: MLflow drops all-digit ids from IN lists
  const tags = { ...(b.name !== undefined ? { 'mlflow.runName': b.name } : {}), ...(b.tags ?? {}) };
  return {
    info: {
      run_id: id,
      run_uuid: id,
      run_name: b.name,
      experiment_id: b.experimentId ?? '1',
      user_id: b.user ?? 'root',
      status: b.status ?? 'FINISHED',
      start_time: b.start ?? 1000 + seq,
      end_time: b.end,
      artifact_uri: `mlflow-artifacts:/1/${id}/artifacts`,
      lifecycle_stage: 'active',
    },
    params: Object.entries(b.params ?? {}).map(([key, value]) => ({ key, value })),
    tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
    inputs: (b.datasets ?? []).map((d) => ({
      dataset: { name: d.name, digest: d.digest ?? 'abc', source_type: 'code', source: '{}' },
      ...(d.context ? { tags: [{ key: 'mlflow.data.context', value: d.context }] } : {}),
    })),
    metrics: new Map(
      Object.entries(b.metrics ?? {}).map(([key, value]) => [
        key,
        [{ key, value, timestamp: 1, step: 0 }],
      ]),
    ),
    latest: new Map(
      Object.entries(b.metrics ?? {}).map(([key, value]) => [
        key,
        { key, value, timestamp: 1, step: 0 },
      ]),
    ),
  };
}

export function makeExperiment(
  id: string,
  name: string,
  created = Number(id),
  tags: Record<string, string> = {},
): WireExperiment {
  const t = Object.entries(tags).map(([key, value]) => ({ key, value }));
  return {
    experiment_id: id,
    name,
    creation_time: created,
    last_update_time: created,
    lifecycle_stage: 'active',
    ...(t.length ? { tags: t } : {}),
  };
}

export function makeTrace(
  id: string,
  bits: {
    ts?: number;
    ms?: number;
    status?: string;
    name?: string;
    tags?: Record<string, string>;
    run?: string;
  } = {},
): WireTraceInfo {
  const tags = { ...(bits.name ? { 'mlflow.traceName': bits.name } : {}), ...(bits.tags ?? {}) };
  return {
    request_id: id,
    experiment_id: '5',
    timestamp_ms: bits.ts ?? 0,
    execution_time_ms: bits.ms ?? 1,
    status: bits.status ?? 'OK',
    request_metadata: bits.run ? [{ key: 'mlflow.sourceRun', value: bits.run }] : [],
    tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
  };
}

export function makeVersion(
  name: string,
  version: number,
  bits: Partial<WireModelVersion> = {},
): WireModelVersion {
  return {
    name,
    version: String(version),
    current_stage: 'None',
    source: `runs:/r${version}/model`,
    run_id: `r${version}`,
    ...bits,
  };
}
