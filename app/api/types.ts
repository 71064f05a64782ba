/**
 * The app's types: what every layer above app/api/ works with. Decoded once
 * from the wire (decode.ts): numbers are numbers (NaN and +/-Infinity real),
 * empty lists are present, tags are maps, span attributes are parsed JSON,
 * span times are exact nanosecond offsets.
 */

export type LifecycleStage = 'active' | 'deleted';
export type ViewType = 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL';

/** Ordered key/value pairs: order is kept as the server sent it. */
export type TagMap = Record<string, string>;

export interface Experiment {
  id: string;
  name: string;
  artifactLocation: string;
  lifecycleStage: LifecycleStage;
  creationTime: number | null;
  lastUpdateTime: number | null;
  tags: TagMap;
  /** `mlflow.note.content`, markdown; '' when unset. */
  description: string;
}

export interface Page<T> {
  items: T[];
  nextPageToken: string | null;
}

export type RunStatus = 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED';

export interface Metric {
  key: string;
  /** A real number: NaN, Infinity and -Infinity included. */
  value: number;
  timestamp: number;
  step: number;
  /** MLflow 3: the logged model and dataset a value was measured for, when set. */
  modelId?: string;
  datasetName?: string;
  datasetDigest?: string;
}

export interface MetricPoint extends Metric {
  runId: string;
}

export interface Dataset {
  name: string;
  digest: string;
  sourceType: string;
  /** Parsed from its JSON string when it is JSON, else the raw string. */
  source: unknown;
  sourceRaw: string;
  schema: unknown;
  schemaRaw: string;
  profile: unknown;
  profileRaw: string;
}

export interface DatasetInput {
  dataset: Dataset;
  /** `mlflow.data.context` (training, eval, ...) or null. */
  context: string | null;
  tags: TagMap;
}

export interface RunInfo {
  id: string;
  experimentId: string;
  name: string;
  userId: string;
  status: RunStatus;
  startTime: number | null;
  endTime: number | null;
  artifactUri: string;
  lifecycleStage: LifecycleStage;
}

export interface Run {
  info: RunInfo;
  /** Latest value per key. */
  metrics: Record<string, Metric>;
  params: Record<string, string>;
  tags: TagMap;
  datasets: DatasetInput[];
  /** MLflow 3: logged models this run used (inputs) and produced (outputs); empty on 2.x. */
  modelInputs: ModelRef[];
  modelOutputs: ModelRef[];
  /** Derived from well-known tags. */
  parentRunId: string | null;
  description: string;
}

/** A run's link to an MLflow 3 logged model (`m-…`). */
export interface ModelRef {
  modelId: string;
  /** The step at which an output was logged; null for inputs. */
  step: number | null;
}

export interface SearchRunsParams {
  experimentIds: string[];
  filter?: string;
  viewType?: ViewType;
  maxResults?: number;
  orderBy?: string[];
  pageToken?: string;
}

export interface FileInfo {
  path: string;
  isDir: boolean;
  fileSize: number | null;
}

export interface ArtifactListing {
  rootUri: string;
  files: FileInfo[];
}

export type ModelVersionStage = 'None' | 'Staging' | 'Production' | 'Archived';

export interface ModelVersion {
  name: string;
  version: string;
  creationTimestamp: number | null;
  lastUpdatedTimestamp: number | null;
  userId: string;
  currentStage: string;
  description: string;
  source: string;
  runId: string;
  status: string;
  statusMessage: string;
  runLink: string;
  tags: TagMap;
  aliases: string[];
  /** MLflow 3: the logged model this version was made from (`model_id`, or `models:/m-…` as source). */
  modelId: string | null;
}

export interface RegisteredModel {
  name: string;
  creationTimestamp: number | null;
  lastUpdatedTimestamp: number | null;
  userId: string;
  description: string;
  latestVersions: ModelVersion[];
  tags: TagMap;
  /** alias -> version */
  aliases: Record<string, string>;
}

export type TraceStatus = 'OK' | 'ERROR' | 'IN_PROGRESS' | 'UNSPECIFIED';

export interface TraceInfo {
  requestId: string;
  experimentId: string;
  timestampMs: number;
  executionTimeMs: number | null;
  status: TraceStatus;
  requestMetadata: TagMap;
  tags: TagMap;
  /** Convenience fields from well-known keys. */
  name: string;
  sourceRunId: string | null;
  requestPreview: string;
  responsePreview: string;
  /** MLflow 3 (v3 trace info): feedback and expectations; empty on 2.x. */
  assessments: Assessment[];
  /** MLflow 3: `mlflow.trace.session` and `mlflow.trace.user` metadata, when set. */
  sessionId: string | null;
  userId: string | null;
}

export type AssessmentSourceType = 'HUMAN' | 'LLM_JUDGE' | 'CODE' | 'SOURCE_TYPE_UNSPECIFIED';

/** One feedback or expectation on a trace (or one of its spans), MLflow 3. */
export interface Assessment {
  id: string;
  name: string;
  traceId: string;
  /** Hex span id when it is about one span; null for the whole trace. */
  spanId: string | null;
  kind: 'feedback' | 'expectation';
  /** The value as sent: boolean, number, string, or JSON (expectations may be serialized JSON). */
  value: unknown;
  /** A feedback that failed: the error's message. */
  error: string | null;
  rationale: string;
  source: { type: AssessmentSourceType; id: string };
  createTime: number | null;
  lastUpdateTime: number | null;
  /** The id of the assessment this one overrides, when it does. */
  overrides: string | null;
  /** False when a newer assessment overrides this one. */
  valid: boolean;
  metadata: TagMap;
}

export type SpanStatus = 'OK' | 'ERROR' | 'UNSET';

export interface SpanEvent {
  name: string;
  /** ns offset from the trace's first span start */
  offsetNs: number;
  attributes: Record<string, unknown>;
}

/** A decoded attribute: the parsed JSON value, or the raw text when it is not JSON. */
export type AttributeValue = { ok: true; value: unknown } | { ok: false; raw: string };

export interface Span {
  spanId: string;
  traceId: string;
  parentId: string | null;
  name: string;
  /** AGENT, CHAIN, LLM, ... or a custom string; 'UNKNOWN' when absent. */
  spanType: string;
  /** Exact offsets in ns from the earliest span start of the trace (BigInt maths). */
  startNs: number;
  endNs: number | null;
  /** Absolute start in epoch milliseconds, for display. */
  startTimeMs: number;
  status: SpanStatus;
  statusMessage: string;
  /**
   * Decoded attributes. Spans from getTraceData decode them on first read of
   * `attributes`, `inputs` or `outputs` (once per span): a 10k-span trace
   * shows its rows without parsing every payload.
   */
  attributes: Record<string, AttributeValue>;
  inputs: AttributeValue | undefined;
  outputs: AttributeValue | undefined;
  events: SpanEvent[];
}

export interface TraceData {
  spans: Span[];
  request: AttributeValue | null;
  response: AttributeValue | null;
}

export interface ServerInfo {
  version: string;
  demo: boolean;
}

export type LoggedModelStatus = 'PENDING' | 'READY' | 'FAILED' | 'UNSPECIFIED';

/** An MLflow 3 logged model (`m-…`): made by `log_model(name=...)`, with its own params, tags and metrics. */
export interface LoggedModel {
  id: string;
  experimentId: string;
  name: string;
  creationTime: number | null;
  lastUpdatedTime: number | null;
  artifactUri: string;
  status: LoggedModelStatus;
  statusMessage: string;
  modelType: string;
  sourceRunId: string | null;
  tags: TagMap;
  params: Record<string, string>;
  /** Every value logged for the model; a key may repeat, once per dataset (and step). */
  metrics: Metric[];
  /** Distinct `run_id`s of the metrics: the runs that logged values for this model. */
  metricRunIds: string[];
  /** From the `mlflow.modelVersions` tag: registered versions made from this model. */
  registeredVersions: { name: string; version: string }[];
}

export interface SearchLoggedModelsParams {
  experimentIds: string[];
  filter?: string;
  /** `{fieldName: 'creation_time' | 'name' | 'metrics.<key>' | 'params.<key>', ascending, datasetName?}` */
  orderBy?: LoggedModelOrder[];
  maxResults?: number;
  pageToken?: string;
}

export interface LoggedModelOrder {
  fieldName: string;
  ascending: boolean;
  datasetName?: string;
  datasetDigest?: string;
}
