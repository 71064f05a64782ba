/**
 * The in-memory MLflow backend's store. It holds wire-format objects (the
 * shapes in app/api/wire.ts) so handlers answer exactly as a 2.17 server does.
 * Big things (metric histories, artifact bodies, span data) may be lazy: a
 * function that builds them on first read, so the scale knobs stay cheap until
 * a page asks.
 */
import type {
  WireDatasetInput,
  WireExperiment,
  WireKeyValue,
  WireMetric,
  WireModelVersion,
  WireRegisteredModel,
  WireRunInfo,
  WireTraceInfo,
} from '../app/api/wire';
import type { WireAssessment3 } from './wire3';

export type Lazy<T> = T | (() => T);

/** The MLflow release a demo db mirrors: what `/version` says and which endpoints exist. */
export const DEMO_LINES = ['2.17.0', '3.18.0'] as const;
export type DemoLine = (typeof DEMO_LINES)[number];
/** The line a demo mirrors unless told otherwise: the newest supported one. */
export const DEFAULT_DEMO_LINE: DemoLine = '3.18.0';

/** True when the db mirrors an MLflow 3.x server (v3 trace endpoints, logged models, ...). */
export function isLine3(db: Pick<Db, 'line'>): boolean {
  return db.line.startsWith('3.');
}

/**
 * Lazy values are built once and kept: a huge trace's span text or a 100k-row
 * CSV costs seconds to build, and a page may ask for it more than once.
 */
const built = new WeakMap<object, unknown>();

export function force<T>(v: Lazy<T>): T {
  if (typeof v !== 'function') return v;
  const fn = v as () => T;
  if (built.has(fn)) return built.get(fn) as T;
  const value = fn();
  built.set(fn, value);
  return value;
}

export interface DbRun {
  info: WireRunInfo;
  params: WireKeyValue[];
  tags: WireKeyValue[];
  inputs: WireDatasetInput[];
  /** Full history per metric key, in logging order. The latest value is derived from it. */
  metrics: Map<string, Lazy<WireMetric[]>>;
  /**
   * Latest value per metric key as `runs/get`/`runs/search` report it (the
   * value at the max step). Kept so search and sort never need to build a
   * lazy history.
   */
  latest: Map<string, WireMetric>;
  /** MLflow 3: logged models the run took as inputs (`inputs.model_inputs`). */
  modelInputs?: { model_id: string }[];
  /** MLflow 3: logged models the run produced (`outputs.model_outputs`, written by runs/outputs). */
  modelOutputs?: { model_id: string; step: number }[];
}

export interface DbArtifactFile {
  /** Path relative to the run's artifact root, with '/' separators. */
  path: string;
  /** The body: text or bytes. Lazy for large files. */
  body: Lazy<string | Uint8Array>;
  /** Size in bytes as `artifacts/list` reports it. */
  size: number;
  /** Content type the real server would send (text/plain for JSON/YAML/CSV/MD). */
  contentType: string;
  /**
   * Force an error answer, to mirror real failures: e.g. 400 with an HTML body
   * for a 2.17 step image with a mangled name.
   */
  failWith?: { status: number; contentType: string; body: string };
}

export interface DbRegisteredModel {
  model: Omit<WireRegisteredModel, 'latest_versions' | 'aliases'>;
  /** alias -> version */
  aliases: Map<string, string>;
}

export interface DbTrace {
  info: WireTraceInfo;
  /** The body of get-trace-artifact, as text (span times are ns integers beyond 2^53). */
  data: Lazy<string>;
  /** MLflow 3.x only: the trace's assessments, in creation order. */
  assessments?: WireAssessment3[];
  /** MLflow 3.x only: previews the server derived otherwise than from the in/out metadata. */
  previews?: { request?: string; response?: string };
}

/** A metric of a logged model (MLflow 3): the run that logged it and the dataset it was measured on. */
export interface DbLoggedModelMetric extends WireMetric {
  dataset_name?: string;
  dataset_digest?: string;
  run_id?: string;
}

/** MLflow 3's logged model (`m-…`): its info, params, metrics by dataset and artifact files. */
export interface DbLoggedModel {
  model_id: string;
  experiment_id: string;
  name: string;
  creation_timestamp_ms: number;
  last_updated_timestamp_ms: number;
  status: 'LOGGED_MODEL_PENDING' | 'LOGGED_MODEL_READY' | 'LOGGED_MODEL_UPLOAD_FAILED';
  status_message?: string;
  model_type: string;
  source_run_id: string;
  tags: WireKeyValue[];
  params: WireKeyValue[];
  metrics: DbLoggedModelMetric[];
  /** Files under the model's artifact root (`mlflow-artifacts:/<exp>/models/<id>/artifacts`). */
  files: DbArtifactFile[];
  deleted?: boolean;
}

export interface Db {
  experiments: Map<string, WireExperiment>;
  runs: Map<string, DbRun>;
  /** runId -> files (only files; folders are implied by paths). */
  artifacts: Map<string, DbArtifactFile[]>;
  registeredModels: Map<string, DbRegisteredModel>;
  /** model name -> versions, in version order. */
  modelVersions: Map<string, WireModelVersion[]>;
  traces: Map<string, DbTrace>;
  /** MLflow 3's logged models by id (empty on 2.x). */
  loggedModels: Map<string, DbLoggedModel>;
  /** The MLflow release this db mirrors (RUNLENS_DEMO_MLFLOW). */
  line: DemoLine;
  /** Monotonic counters for new ids. */
  seq: { experiment: number; run: number };
  /** A fixed "now" for deterministic seeds; handlers use Date.now() for writes. */
  now: number;
}

export function createEmptyDb(
  now = Date.UTC(2026, 10, 1, 12, 0, 0),
  line: DemoLine = DEFAULT_DEMO_LINE,
): Db {
  return {
    experiments: new Map(),
    runs: new Map(),
    artifacts: new Map(),
    registeredModels: new Map(),
    modelVersions: new Map(),
    traces: new Map(),
    loggedModels: new Map(),
    line,
    seq: { experiment: 0, run: 0 },
    now,
  };
}

/** A deep copy of plain data; functions (lazy values) and byte arrays are shared, not copied. */
function copyValue<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(copyValue) as T;
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, copyValue(x)])) as T;
  if (v instanceof Set) return new Set([...v].map(copyValue)) as T;
  if (ArrayBuffer.isView(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = copyValue(x);
  return out as T;
}

/**
 * An independent copy of a db, for one more demo workspace: a fraction of the
 * cost of seeding again. Lazy values stay shared, so what one copy builds
 * (a metric history, a trace's text) the others reuse; handlers never change
 * a built value in place (log-metric copies the history before appending).
 */
export function copyDb(db: Db): Db {
  return copyValue(db);
}
