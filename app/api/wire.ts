/**
 * Wire types: the JSON exactly as a real MLflow 2.17 server sends it
 * (see mocks/recordings/mlflow-2.17.0/exchanges). Optional fields are the ones the
 * server omits when empty or unset. Nothing outside app/api/ and mocks/
 * should use these types: decode.ts turns them into the app's types.
 */

export interface WireKeyValue {
  key: string;
  value: string;
}

export type WireLifecycleStage = 'active' | 'deleted';

export interface WireExperiment {
  experiment_id: string;
  name: string;
  artifact_location?: string;
  lifecycle_stage?: WireLifecycleStage;
  last_update_time?: number;
  creation_time?: number;
  tags?: WireKeyValue[];
}

export interface WireSearchExperimentsResponse {
  experiments?: WireExperiment[];
  next_page_token?: string;
}

export interface WireGetExperimentResponse {
  experiment: WireExperiment;
}

export interface WireCreateExperimentResponse {
  experiment_id: string;
}

export type WireRunStatus = 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED';

export interface WireRunInfo {
  run_id: string;
  run_uuid?: string;
  run_name?: string;
  experiment_id: string;
  user_id?: string;
  status?: WireRunStatus;
  start_time?: number;
  end_time?: number;
  artifact_uri?: string;
  lifecycle_stage?: WireLifecycleStage;
}

/** NaN arrives as the string "NaN"; +/-inf from SQLite as +/-1.7976931348623157e308. */
export type WireMetricValue = number | 'NaN' | 'Infinity' | '-Infinity';

export interface WireMetric {
  key: string;
  value: WireMetricValue;
  timestamp?: number;
  step?: number;
}

export interface WireMetricWithRunId extends WireMetric {
  run_id: string;
}

export interface WireDataset {
  name: string;
  digest: string;
  source_type: string;
  source: string;
  schema?: string;
  profile?: string;
}

export interface WireDatasetInput {
  tags?: WireKeyValue[];
  dataset: WireDataset;
}

export interface WireRunData {
  metrics?: WireMetric[];
  params?: WireKeyValue[];
  tags?: WireKeyValue[];
}

export interface WireRunInputs {
  dataset_inputs?: WireDatasetInput[];
}

export interface WireRun {
  info: WireRunInfo;
  data?: WireRunData;
  inputs?: WireRunInputs;
}

export interface WireSearchRunsRequest {
  experiment_ids: string[];
  filter?: string;
  run_view_type?: 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL';
  max_results?: number;
  order_by?: string[];
  page_token?: string;
}

export interface WireSearchRunsResponse {
  runs?: WireRun[];
  next_page_token?: string;
}

export interface WireGetRunResponse {
  run: WireRun;
}

export interface WireUpdateRunResponse {
  run_info: WireRunInfo;
}

export interface WireMetricHistoryResponse {
  metrics?: WireMetric[];
  next_page_token?: string;
}

export interface WireMetricBulkResponse {
  metrics?: WireMetricWithRunId[];
}

export interface WireFileInfo {
  path: string;
  is_dir: boolean;
  file_size?: number;
}

export interface WireListArtifactsResponse {
  root_uri?: string;
  files?: WireFileInfo[];
  next_page_token?: string;
}

export interface WireRegisteredModelAlias {
  alias: string;
  version: string;
}

export type WireModelVersionStage = 'None' | 'Staging' | 'Production' | 'Archived';
export type WireModelVersionStatus = 'PENDING_REGISTRATION' | 'FAILED_REGISTRATION' | 'READY';

export interface WireModelVersion {
  name: string;
  version: string;
  creation_timestamp?: number;
  last_updated_timestamp?: number;
  user_id?: string;
  current_stage?: WireModelVersionStage | string;
  description?: string;
  source?: string;
  run_id?: string;
  status?: WireModelVersionStatus | string;
  status_message?: string;
  tags?: WireKeyValue[];
  run_link?: string;
  aliases?: string[];
}

export interface WireRegisteredModel {
  name: string;
  creation_timestamp?: number;
  last_updated_timestamp?: number;
  user_id?: string;
  description?: string;
  latest_versions?: WireModelVersion[];
  tags?: WireKeyValue[];
  aliases?: WireRegisteredModelAlias[];
}

export interface WireSearchRegisteredModelsResponse {
  registered_models?: WireRegisteredModel[];
  next_page_token?: string;
}

export interface WireRegisteredModelResponse {
  registered_model: WireRegisteredModel;
}

export interface WireSearchModelVersionsResponse {
  model_versions?: WireModelVersion[];
  next_page_token?: string;
}

export interface WireModelVersionResponse {
  model_version: WireModelVersion;
}

export interface WireDownloadUriResponse {
  artifact_uri: string;
}

export type WireTraceStatus = 'OK' | 'ERROR' | 'IN_PROGRESS' | 'TRACE_STATUS_UNSPECIFIED';

export interface WireTraceInfo {
  request_id: string;
  experiment_id: string;
  timestamp_ms: number;
  execution_time_ms?: number;
  status: WireTraceStatus | string;
  request_metadata?: WireKeyValue[];
  tags?: WireKeyValue[];
}

export interface WireSearchTracesResponse {
  traces?: WireTraceInfo[];
  next_page_token?: string;
}

export interface WireTraceInfoResponse {
  trace_info: WireTraceInfo;
}

export interface WireDeleteTracesResponse {
  traces_deleted: number;
}

export interface WireSpanEvent {
  name: string;
  /** nanoseconds since epoch (beyond 2^53) */
  timestamp: number;
  attributes?: Record<string, unknown>;
}

export interface WireSpan {
  name: string;
  context: { span_id: string; trace_id: string };
  parent_id: string | null;
  /** nanoseconds since epoch (beyond 2^53) */
  start_time: number;
  end_time: number | null;
  status_code: string;
  status_message?: string;
  /** Every value is itself a JSON-encoded string. */
  attributes?: Record<string, string>;
  events?: WireSpanEvent[];
}

export interface WireTraceData {
  spans: WireSpan[];
  request?: string | null;
  response?: string | null;
}

export interface WireErrorBody {
  error_code: string;
  message: string;
}
