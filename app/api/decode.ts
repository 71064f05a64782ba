/**
 * Wire -> app types, once, at the boundary. Applies every fact of the 2.17
 * wire format: omitted empty fields, "NaN" strings, SQLite's +/-inf stand-in,
 * string-typed params, JSON strings inside dataset fields and span attributes,
 * and nanosecond span times beyond 2^53.
 */
import type {
  DatasetInput,
  Experiment,
  FileInfo,
  Metric,
  MetricPoint,
  ModelVersion,
  RegisteredModel,
  Run,
  RunInfo,
  RunStatus,
  TagMap,
  TraceInfo,
  TraceStatus,
} from './types';
import type {
  WireDatasetInput,
  WireExperiment,
  WireFileInfo,
  WireKeyValue,
  WireMetric,
  WireMetricValue,
  WireMetricWithRunId,
  WireModelVersion,
  WireRegisteredModel,
  WireRun,
  WireRunInfo,
  WireTraceInfo,
} from './wire';

/** SQLite stores +/-inf as +/-DBL_MAX. */
const DBL_MAX = 1.7976931348623157e308;

export function decodeMetricValue(v: WireMetricValue | string | null | undefined): number {
  if (typeof v === 'number') {
    if (v >= DBL_MAX) return Infinity;
    if (v <= -DBL_MAX) return -Infinity;
    return v;
  }
  if (v === 'NaN' || v === 'nan') return NaN;
  if (v === 'Infinity' || v === 'inf') return Infinity;
  if (v === '-Infinity' || v === '-inf') return -Infinity;
  if (typeof v === 'string') {
    const n = Number(v);
    return Number.isNaN(n) ? NaN : decodeMetricValue(n);
  }
  return NaN;
}

export function decodeTags(list: WireKeyValue[] | undefined): TagMap {
  const out: TagMap = {};
  for (const { key, value } of list ?? []) out[key] = value ?? '';
  return out;
}

export function decodeExperiment(w: WireExperiment): Experiment {
  const tags = decodeTags(w.tags);
  return {
    id: w.experiment_id,
    name: w.name,
    artifactLocation: w.artifact_location ?? '',
    lifecycleStage: w.lifecycle_stage === 'deleted' ? 'deleted' : 'active',
    creationTime: w.creation_time ?? null,
    lastUpdateTime: w.last_update_time ?? null,
    tags,
    description: tags['mlflow.note.content'] ?? '',
  };
}

const RUN_STATUSES: readonly RunStatus[] = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'];

export function decodeRunInfo(w: WireRunInfo, tags: TagMap = {}): RunInfo {
  const status = RUN_STATUSES.includes(w.status as RunStatus) ? (w.status as RunStatus) : 'FINISHED';
  return {
    id: w.run_id ?? w.run_uuid ?? '',
    experimentId: w.experiment_id,
    name: w.run_name ?? tags['mlflow.runName'] ?? '',
    userId: w.user_id ?? tags['mlflow.user'] ?? '',
    status,
    startTime: w.start_time ?? null,
    endTime: w.end_time ?? null,
    artifactUri: w.artifact_uri ?? '',
    lifecycleStage: w.lifecycle_stage === 'deleted' ? 'deleted' : 'active',
  };
}

export function decodeMetric(w: WireMetric): Metric {
  return {
    key: w.key,
    value: decodeMetricValue(w.value),
    timestamp: w.timestamp ?? 0,
    step: w.step ?? 0,
  };
}

export function decodeMetricPoint(w: WireMetricWithRunId): MetricPoint {
  return { ...decodeMetric(w), runId: w.run_id };
}

/** Parse a JSON-encoded string; keep the raw text when it is not JSON. */
export function parseJsonString(raw: string | undefined | null): unknown {
  if (raw === undefined || raw === null || raw === '') return null;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export function decodeDatasetInput(w: WireDatasetInput): DatasetInput {
  const tags = decodeTags(w.tags);
  const d = w.dataset;
  return {
    context: tags['mlflow.data.context'] ?? null,
    tags,
    dataset: {
      name: d.name,
      digest: d.digest,
      sourceType: d.source_type,
      source: parseJsonString(d.source),
      sourceRaw: d.source ?? '',
      schema: parseJsonString(d.schema),
      schemaRaw: d.schema ?? '',
      profile: parseJsonString(d.profile),
      profileRaw: d.profile ?? '',
    },
  };
}

export function decodeRun(w: WireRun): Run {
  const tags = decodeTags(w.data?.tags);
  const params: Record<string, string> = {};
  for (const { key, value } of w.data?.params ?? []) params[key] = value ?? '';
  const metrics: Record<string, Metric> = {};
  for (const m of w.data?.metrics ?? []) metrics[m.key] = decodeMetric(m);
  return {
    info: decodeRunInfo(w.info, tags),
    metrics,
    params,
    tags,
    datasets: (w.inputs?.dataset_inputs ?? []).map(decodeDatasetInput),
    parentRunId: tags['mlflow.parentRunId'] ?? null,
    description: tags['mlflow.note.content'] ?? '',
  };
}

export function decodeFileInfo(w: WireFileInfo): FileInfo {
  return { path: w.path, isDir: w.is_dir, fileSize: w.file_size ?? null };
}

export function decodeModelVersion(w: WireModelVersion): ModelVersion {
  return {
    name: w.name,
    version: w.version,
    creationTimestamp: w.creation_timestamp ?? null,
    lastUpdatedTimestamp: w.last_updated_timestamp ?? null,
    userId: w.user_id ?? '',
    currentStage: w.current_stage ?? 'None',
    description: w.description ?? '',
    source: w.source ?? '',
    runId: w.run_id ?? '',
    status: w.status ?? 'READY',
    statusMessage: w.status_message ?? '',
    runLink: w.run_link ?? '',
    tags: decodeTags(w.tags),
    aliases: w.aliases ?? [],
  };
}

export function decodeRegisteredModel(w: WireRegisteredModel): RegisteredModel {
  const aliases: Record<string, string> = {};
  for (const a of w.aliases ?? []) aliases[a.alias] = a.version;
  return {
    name: w.name,
    creationTimestamp: w.creation_timestamp ?? null,
    lastUpdatedTimestamp: w.last_updated_timestamp ?? null,
    userId: w.user_id ?? '',
    description: w.description ?? '',
    latestVersions: (w.latest_versions ?? []).map(decodeModelVersion),
    tags: decodeTags(w.tags),
    aliases,
  };
}

const TRACE_STATUSES: readonly TraceStatus[] = ['OK', 'ERROR', 'IN_PROGRESS'];

function preview(raw: string | undefined): string {
  if (!raw) return '';
  return raw.length > 500 ? raw.slice(0, 500) + '…' : raw;
}

export function decodeTraceInfo(w: WireTraceInfo): TraceInfo {
  const requestMetadata = decodeTags(w.request_metadata);
  const tags = decodeTags(w.tags);
  return {
    requestId: w.request_id,
    experimentId: w.experiment_id,
    timestampMs: w.timestamp_ms,
    executionTimeMs: w.execution_time_ms ?? null,
    status: TRACE_STATUSES.includes(w.status as TraceStatus) ? (w.status as TraceStatus) : 'UNSPECIFIED',
    requestMetadata,
    tags,
    name: tags['mlflow.traceName'] ?? '',
    sourceRunId: requestMetadata['mlflow.sourceRun'] ?? null,
    requestPreview: preview(requestMetadata['mlflow.traceInputs']),
    responsePreview: preview(requestMetadata['mlflow.traceOutputs']),
  };
}

// Span data has its own module (it is the one big body): re-exported so callers keep one import.
export { decodeAttribute, decodeTraceData, parseTraceDataText } from './trace-decode';
