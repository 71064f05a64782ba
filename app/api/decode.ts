/**
 * Wire -> app types, once, at the boundary. Every decoder takes the wire JSON
 * as `unknown` and checks its shape as it reads (check.ts), so a surprising
 * answer fails here with the field's path. Applies every fact of the wire
 * format of both lines: omitted empty fields, "NaN" strings, SQLite's +/-inf
 * stand-in, string-typed params, JSON strings inside dataset fields and span
 * attributes, nanosecond span times beyond 2^53; and MLflow 3's additions
 * (v3 trace info with assessments, run inputs/outputs, metrics per model and
 * dataset).
 */
import {
  ShapeError,
  isObj,
  keyValues,
  list,
  num,
  obj,
  optBool,
  optNum,
  optObj,
  optStr,
  str,
  strList,
  stringMap,
} from './check';
import type {
  Assessment,
  AssessmentSourceType,
  DatasetInput,
  Experiment,
  FileInfo,
  Metric,
  MetricPoint,
  ModelRef,
  ModelVersion,
  RegisteredModel,
  Run,
  RunInfo,
  RunStatus,
  TagMap,
  TraceInfo,
  TraceStatus,
} from './types';
import { v3IdToHex } from './trace-decode';

/** SQLite stores +/-inf as +/-DBL_MAX. */
const DBL_MAX = 1.7976931348623157e308;

export function decodeMetricValue(v: unknown): number {
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

/** `[{key, value}]` (or absent) -> a map. */
export function decodeTags(v: unknown): TagMap {
  return keyValues({ tags: v }, 'tags', '');
}

export function decodeExperiment(v: unknown, at = 'experiment'): Experiment {
  const w = obj(v, at);
  const tags = keyValues(w, 'tags', at);
  return {
    id: str(w, 'experiment_id', at),
    name: str(w, 'name', at),
    artifactLocation: optStr(w, 'artifact_location', at) ?? '',
    lifecycleStage: optStr(w, 'lifecycle_stage', at) === 'deleted' ? 'deleted' : 'active',
    creationTime: optNum(w, 'creation_time', at) ?? null,
    lastUpdateTime: optNum(w, 'last_update_time', at) ?? null,
    tags,
    description: tags['mlflow.note.content'] ?? '',
  };
}

const RUN_STATUSES: readonly RunStatus[] = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'];

export function decodeRunInfo(v: unknown, tags: TagMap = {}, at = 'run_info'): RunInfo {
  const w = obj(v, at);
  const status = optStr(w, 'status', at);
  const id = optStr(w, 'run_id', at) ?? optStr(w, 'run_uuid', at);
  if (!id) throw new ShapeError(`${at}.run_id`, 'a string', w.run_id);
  return {
    id,
    experimentId: str(w, 'experiment_id', at),
    name: optStr(w, 'run_name', at) ?? tags['mlflow.runName'] ?? '',
    userId: optStr(w, 'user_id', at) ?? tags['mlflow.user'] ?? '',
    status: RUN_STATUSES.includes(status as RunStatus) ? (status as RunStatus) : 'FINISHED',
    startTime: optNum(w, 'start_time', at) ?? null,
    endTime: optNum(w, 'end_time', at) ?? null,
    artifactUri: optStr(w, 'artifact_uri', at) ?? '',
    lifecycleStage: optStr(w, 'lifecycle_stage', at) === 'deleted' ? 'deleted' : 'active',
  };
}

export function decodeMetric(v: unknown, at = 'metric'): Metric {
  const w = obj(v, at);
  const value = w.value;
  if (
    typeof value !== 'number' &&
    typeof value !== 'string' &&
    value !== undefined &&
    value !== null
  )
    throw new ShapeError(`${at}.value`, 'a number', value);
  const m: Metric = {
    key: str(w, 'key', at),
    value: decodeMetricValue(value),
    timestamp: optNum(w, 'timestamp', at) ?? 0,
    step: optNum(w, 'step', at) ?? 0,
  };
  // MLflow 3 only; left off on 2.x so the common shape stays small.
  const modelId = optStr(w, 'model_id', at);
  if (modelId) m.modelId = modelId;
  const datasetName = optStr(w, 'dataset_name', at);
  if (datasetName) m.datasetName = datasetName;
  const datasetDigest = optStr(w, 'dataset_digest', at);
  if (datasetDigest) m.datasetDigest = datasetDigest;
  return m;
}

export function decodeMetricPoint(v: unknown, at = 'metric'): MetricPoint {
  const m = decodeMetric(v, at);
  return { ...m, runId: str(obj(v, at), 'run_id', at) };
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

export function decodeDatasetInput(v: unknown, at = 'dataset_input'): DatasetInput {
  const w = obj(v, at);
  const tags = keyValues(w, 'tags', at);
  const dAt = `${at}.dataset`;
  const d = obj(w.dataset, dAt);
  const source = optStr(d, 'source', dAt);
  const schema = optStr(d, 'schema', dAt);
  const profile = optStr(d, 'profile', dAt);
  return {
    context: tags['mlflow.data.context'] ?? null,
    tags,
    dataset: {
      name: optStr(d, 'name', dAt) ?? '',
      digest: optStr(d, 'digest', dAt) ?? '',
      sourceType: optStr(d, 'source_type', dAt) ?? '',
      source: parseJsonString(source),
      sourceRaw: source ?? '',
      schema: parseJsonString(schema),
      schemaRaw: schema ?? '',
      profile: parseJsonString(profile),
      profileRaw: profile ?? '',
    },
  };
}

function decodeModelRef(v: unknown, at: string): ModelRef {
  const w = obj(v, at);
  return { modelId: str(w, 'model_id', at), step: optNum(w, 'step', at) ?? null };
}

export function decodeRun(v: unknown, at = 'run'): Run {
  const w = obj(v, at);
  const data = optObj(w, 'data', at);
  const dataAt = `${at}.data`;
  const tags = keyValues(data, 'tags', dataAt);
  const params = keyValues(data, 'params', dataAt);
  const metrics: Record<string, Metric> = {};
  for (const m of list(data, 'metrics', dataAt, decodeMetric)) metrics[m.key] = m;
  const inputs = optObj(w, 'inputs', at);
  const outputs = optObj(w, 'outputs', at);
  return {
    info: decodeRunInfo(w.info, tags, `${at}.info`),
    metrics,
    params,
    tags,
    datasets: list(inputs, 'dataset_inputs', `${at}.inputs`, decodeDatasetInput),
    modelInputs: list(inputs, 'model_inputs', `${at}.inputs`, decodeModelRef),
    modelOutputs: list(outputs, 'model_outputs', `${at}.outputs`, decodeModelRef),
    parentRunId: tags['mlflow.parentRunId'] ?? null,
    description: tags['mlflow.note.content'] ?? '',
  };
}

export function decodeFileInfo(v: unknown, at = 'file'): FileInfo {
  const w = obj(v, at);
  return {
    path: str(w, 'path', at),
    isDir: optBool(w, 'is_dir', at) ?? false,
    fileSize: optNum(w, 'file_size', at) ?? null,
  };
}

/** `models:/m-…` (a 3.x version's source) -> the logged model's id. */
const LOGGED_MODEL_SOURCE = /^models:\/(m-[0-9a-f]+)\/?$/;

export function decodeModelVersion(v: unknown, at = 'model_version'): ModelVersion {
  const w = obj(v, at);
  const source = optStr(w, 'source', at) ?? '';
  return {
    name: str(w, 'name', at),
    version: str(w, 'version', at),
    creationTimestamp: optNum(w, 'creation_timestamp', at) ?? null,
    lastUpdatedTimestamp: optNum(w, 'last_updated_timestamp', at) ?? null,
    userId: optStr(w, 'user_id', at) ?? '',
    currentStage: optStr(w, 'current_stage', at) ?? 'None',
    description: optStr(w, 'description', at) ?? '',
    source,
    runId: optStr(w, 'run_id', at) ?? '',
    status: optStr(w, 'status', at) ?? 'READY',
    statusMessage: optStr(w, 'status_message', at) ?? '',
    runLink: optStr(w, 'run_link', at) ?? '',
    tags: keyValues(w, 'tags', at),
    aliases: strList(w, 'aliases', at),
    modelId: optStr(w, 'model_id', at) || (LOGGED_MODEL_SOURCE.exec(source)?.[1] ?? null),
  };
}

export function decodeRegisteredModel(v: unknown, at = 'registered_model'): RegisteredModel {
  const w = obj(v, at);
  const aliases: Record<string, string> = {};
  for (const a of list(w, 'aliases', at, obj))
    aliases[str(a, 'alias', `${at}.aliases`)] = str(a, 'version', `${at}.aliases`);
  return {
    name: str(w, 'name', at),
    creationTimestamp: optNum(w, 'creation_timestamp', at) ?? null,
    lastUpdatedTimestamp: optNum(w, 'last_updated_timestamp', at) ?? null,
    userId: optStr(w, 'user_id', at) ?? '',
    description: optStr(w, 'description', at) ?? '',
    latestVersions: list(w, 'latest_versions', at, decodeModelVersion),
    tags: keyValues(w, 'tags', at),
    aliases,
  };
}

const TRACE_STATUSES: readonly TraceStatus[] = ['OK', 'ERROR', 'IN_PROGRESS'];

function preview(raw: string | undefined): string {
  if (!raw) return '';
  return raw.length > 500 ? raw.slice(0, 500) + '…' : raw;
}

/** A protobuf Timestamp in JSON (`2026-12-05T09:08:52.497Z`) -> epoch ms. */
function timestampMs(o: Record<string, unknown>, key: string, at: string): number | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') {
    const ms = Date.parse(v);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new ShapeError(`${at}.${key}`, 'a timestamp', v);
}

/** A protobuf Duration in JSON (`0.076s`) -> ms. */
function durationMs(o: Record<string, unknown>, key: string, at: string): number | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?s$/.test(v)) return Math.round(parseFloat(v) * 1000);
  throw new ShapeError(`${at}.${key}`, 'a duration such as "1.5s"', v);
}

const SOURCE_TYPES: readonly AssessmentSourceType[] = ['HUMAN', 'LLM_JUDGE', 'CODE'];

export function decodeAssessment(v: unknown, at = 'assessment'): Assessment {
  const w = obj(v, at);
  const source = optObj(w, 'source', at);
  const sourceType = optStr(source, 'source_type', `${at}.source`) ?? '';
  const feedback =
    w.feedback === undefined || w.feedback === null ? null : obj(w.feedback, `${at}.feedback`);
  const expectation =
    w.expectation === undefined || w.expectation === null
      ? null
      : obj(w.expectation, `${at}.expectation`);
  let value: unknown = null;
  let error: string | null = null;
  if (feedback) {
    value = feedback.value ?? null;
    if (isObj(feedback.error)) {
      const e = feedback.error;
      error = String(e.error_message ?? e.error_code ?? 'error');
    }
  } else if (expectation) {
    if (expectation.value !== undefined) value = expectation.value;
    else if (isObj(expectation.serialized_value)) {
      const raw = expectation.serialized_value.value;
      value = typeof raw === 'string' ? parseJsonString(raw) : raw;
    }
  }
  return {
    id: str(w, 'assessment_id', at),
    name: str(w, 'assessment_name', at),
    traceId: optStr(w, 'trace_id', at) ?? '',
    spanId: v3IdToHex(optStr(w, 'span_id', at)) || null,
    kind: expectation ? 'expectation' : 'feedback',
    value,
    error,
    rationale: optStr(w, 'rationale', at) ?? '',
    source: {
      type: SOURCE_TYPES.includes(sourceType as AssessmentSourceType)
        ? (sourceType as AssessmentSourceType)
        : 'SOURCE_TYPE_UNSPECIFIED',
      id: optStr(source, 'source_id', `${at}.source`) ?? '',
    },
    createTime: timestampMs(w, 'create_time', at),
    lastUpdateTime: timestampMs(w, 'last_update_time', at),
    overrides: optStr(w, 'overrides', at) || null,
    valid: optBool(w, 'valid', at) ?? true,
    metadata: stringMap(w, 'metadata', at),
  };
}

function traceStatus(raw: string | undefined): TraceStatus {
  return TRACE_STATUSES.includes(raw as TraceStatus) ? (raw as TraceStatus) : 'UNSPECIFIED';
}

/**
 * Trace info from either line: 2.x (`request_id`, `timestamp_ms`, `status`,
 * key/value lists) or the v3 shape of MLflow 3 (`trace_id`, `trace_location`,
 * `request_time`, `execution_duration`, `state`, maps, previews, assessments).
 */
export function decodeTraceInfo(v: unknown, at = 'trace_info'): TraceInfo {
  const w = obj(v, at);
  if (w.trace_id !== undefined && w.request_id === undefined) return decodeTraceInfoV3(w, at);
  const requestMetadata = keyValues(w, 'request_metadata', at);
  const tags = keyValues(w, 'tags', at);
  return {
    requestId: str(w, 'request_id', at),
    experimentId: str(w, 'experiment_id', at),
    timestampMs: num(w, 'timestamp_ms', at),
    executionTimeMs: optNum(w, 'execution_time_ms', at) ?? null,
    status: traceStatus(optStr(w, 'status', at)),
    requestMetadata,
    tags,
    name: tags['mlflow.traceName'] ?? '',
    sourceRunId: requestMetadata['mlflow.sourceRun'] ?? null,
    requestPreview: preview(requestMetadata['mlflow.traceInputs']),
    responsePreview: preview(requestMetadata['mlflow.traceOutputs']),
    assessments: [],
    sessionId: requestMetadata['mlflow.trace.session'] || null,
    userId: requestMetadata['mlflow.trace.user'] || null,
  };
}

function decodeTraceInfoV3(w: Record<string, unknown>, at: string): TraceInfo {
  const location = optObj(w, 'trace_location', at);
  const experiment = optObj(location, 'mlflow_experiment', `${at}.trace_location`);
  const metadata = stringMap(w, 'trace_metadata', at);
  const tags = stringMap(w, 'tags', at);
  return {
    requestId: str(w, 'trace_id', at),
    experimentId:
      optStr(experiment, 'experiment_id', `${at}.trace_location.mlflow_experiment`) ?? '',
    timestampMs: timestampMs(w, 'request_time', at) ?? 0,
    executionTimeMs: durationMs(w, 'execution_duration', at),
    status: traceStatus(optStr(w, 'state', at)),
    requestMetadata: metadata,
    tags,
    name: tags['mlflow.traceName'] ?? '',
    sourceRunId: metadata['mlflow.sourceRun'] ?? null,
    requestPreview: preview(optStr(w, 'request_preview', at) ?? metadata['mlflow.traceInputs']),
    responsePreview: preview(optStr(w, 'response_preview', at) ?? metadata['mlflow.traceOutputs']),
    assessments: list(w, 'assessments', at, decodeAssessment),
    sessionId: metadata['mlflow.trace.session'] || null,
    userId: metadata['mlflow.trace.user'] || null,
  };
}

// Span data has its own module (it is the one big body): re-exported so callers keep one import.
export { decodeAttribute, decodeTraceData, parseTraceDataText } from './trace-decode';
