/**
 * Wire -> app types, once, at the boundary. Applies every fact of the 2.17
 * wire format: omitted empty fields, "NaN" strings, SQLite's +/-inf stand-in,
 * string-typed params, JSON strings inside dataset fields and span attributes,
 * and nanosecond span times beyond 2^53.
 */
import type {
  AttributeValue,
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
  Span,
  SpanEvent,
  SpanStatus,
  TagMap,
  TraceData,
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
  WireSpan,
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

/** An attribute value is a JSON document inside a string; keep the raw text when it is not. */
export function decodeAttribute(raw: unknown): AttributeValue {
  if (typeof raw !== 'string') return { ok: true, value: raw };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false, raw };
  }
}

/**
 * Span times are nanoseconds since the epoch, beyond 2^53. The trace body is
 * read as text and those integers are quoted before JSON.parse, so they can be
 * handled as BigInt and turned into exact offsets from the trace's start.
 */
const BIG_TIME_FIELD = /("(?:start_time|end_time|timestamp)"\s*:\s*)(-?\d{16,})/g;

export function parseTraceDataText(text: string): unknown {
  return JSON.parse(text.replace(BIG_TIME_FIELD, '$1"$2"'));
}

function toBigInt(v: unknown): bigint | null {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  if (typeof v === 'number' && Number.isFinite(v)) return BigInt(Math.round(v));
  return null;
}

function spanStatus(code: string | undefined): SpanStatus {
  if (code === 'OK' || code === 'STATUS_CODE_OK') return 'OK';
  if (code === 'ERROR' || code === 'STATUS_CODE_ERROR') return 'ERROR';
  return 'UNSET';
}

interface LooseSpan extends Omit<WireSpan, 'start_time' | 'end_time' | 'events'> {
  start_time: number | string;
  end_time: number | string | null;
  events?: { name: string; timestamp: number | string; attributes?: Record<string, unknown> }[];
}

export function decodeTraceData(body: unknown): TraceData {
  const b = (body ?? {}) as { spans?: LooseSpan[]; request?: string | null; response?: string | null };
  const wireSpans = Array.isArray(b.spans) ? b.spans : [];
  let origin: bigint | null = null;
  for (const s of wireSpans) {
    const t = toBigInt(s.start_time);
    if (t !== null && (origin === null || t < origin)) origin = t;
  }
  const base = origin ?? 0n;
  const offset = (v: unknown): number | null => {
    const t = toBigInt(v);
    return t === null ? null : Number(t - base);
  };
  const spans: Span[] = wireSpans.map((s) => {
    const attributes: Record<string, AttributeValue> = {};
    for (const [k, v] of Object.entries(s.attributes ?? {})) attributes[k] = decodeAttribute(v);
    const typeAttr = attributes['mlflow.spanType'];
    const spanType = typeAttr?.ok && typeof typeAttr.value === 'string' ? typeAttr.value : typeAttr && !typeAttr.ok ? typeAttr.raw : 'UNKNOWN';
    const start = toBigInt(s.start_time) ?? base;
    const events: SpanEvent[] = (s.events ?? []).map((e) => ({
      name: e.name,
      offsetNs: offset(e.timestamp) ?? 0,
      attributes: e.attributes ?? {},
    }));
    return {
      spanId: s.context?.span_id ?? '',
      traceId: s.context?.trace_id ?? '',
      parentId: s.parent_id ?? null,
      name: s.name,
      spanType,
      startNs: Number(start - base),
      endNs: offset(s.end_time),
      startTimeMs: Number(start / 1_000_000n),
      status: spanStatus(s.status_code),
      statusMessage: s.status_message ?? '',
      attributes,
      inputs: attributes['mlflow.spanInputs'],
      outputs: attributes['mlflow.spanOutputs'],
      events,
    };
  });
  return {
    spans,
    request: b.request === undefined || b.request === null ? null : decodeAttribute(b.request),
    response: b.response === undefined || b.response === null ? null : decodeAttribute(b.response),
  };
}
