/**
 * MLflow 3's logged models (`m-…`): search, get, and their artifacts. Absent on
 * 2.x (the endpoints answer 404 there); callers ask `serverLine()` first.
 */
import { isObj, keyValues, list, obj, optNum, optObj, optStr, str } from './check';
import { decodeMetric, parseJsonString } from './decode';
import { one, page } from './answers';
import { endpoints } from './endpoints';
import { relativeUrl, requestBlob, requestJson, requestText } from './http';
import { decodeFileInfo } from './decode';
import type {
  ArtifactListing,
  LoggedModel,
  LoggedModelStatus,
  Page,
  SearchLoggedModelsParams,
} from './types';

const LM = endpoints.loggedModels;

/** Logged model ids are `m-` followed by hex; run ids never start so. */
export function isLoggedModelId(id: string): boolean {
  return id.startsWith('m-');
}

const STATUSES: Record<string, LoggedModelStatus> = {
  LOGGED_MODEL_PENDING: 'PENDING',
  LOGGED_MODEL_READY: 'READY',
  LOGGED_MODEL_UPLOAD_FAILED: 'FAILED',
};

/** `mlflow.modelVersions`: a JSON list of `{name, version}` (the version a number or a string). */
export function parseModelVersionsTag(
  raw: string | undefined,
): { name: string; version: string }[] {
  const v = parseJsonString(raw);
  if (!Array.isArray(v)) return [];
  const out: { name: string; version: string }[] = [];
  const seen = new Set<string>();
  for (const item of v) {
    if (!isObj(item) || typeof item.name !== 'string') continue;
    const version =
      typeof item.version === 'number' || typeof item.version === 'string'
        ? String(item.version)
        : '';
    if (!version) continue;
    const k = `${item.name}\u0000${version}`;
    if (seen.has(k)) continue; // the client writes a version twice (as a number, then as text)
    seen.add(k);
    out.push({ name: item.name, version });
  }
  return out;
}

export function decodeLoggedModel(v: unknown, at = 'model'): LoggedModel {
  const w = obj(v, at);
  const infoAt = `${at}.info`;
  const info = obj(w.info, infoAt);
  const data = optObj(w, 'data', at);
  const dataAt = `${at}.data`;
  const tags = keyValues(info, 'tags', infoAt);
  const status = optStr(info, 'status', infoAt) ?? '';
  return {
    id: str(info, 'model_id', infoAt),
    experimentId: str(info, 'experiment_id', infoAt),
    name: optStr(info, 'name', infoAt) ?? '',
    creationTime: optNum(info, 'creation_timestamp_ms', infoAt) ?? null,
    lastUpdatedTime: optNum(info, 'last_updated_timestamp_ms', infoAt) ?? null,
    artifactUri: optStr(info, 'artifact_uri', infoAt) ?? '',
    status: STATUSES[status] ?? 'UNSPECIFIED',
    statusMessage: optStr(info, 'status_message', infoAt) ?? '',
    modelType: optStr(info, 'model_type', infoAt) ?? '',
    sourceRunId: optStr(info, 'source_run_id', infoAt) || null,
    tags,
    params: keyValues(data, 'params', dataAt),
    metrics: list(data, 'metrics', dataAt, decodeMetric),
    metricRunIds: metricRunIds(data, `${dataAt}.metrics`),
    registeredVersions: parseModelVersionsTag(tags['mlflow.modelVersions']),
  };
}

/**
 * The runs that logged the model's metrics (each metric carries its `run_id`),
 * distinct, in the server's order. The runs search cannot list a model's users,
 * so this is where the model page starts looking.
 */
function metricRunIds(data: Record<string, unknown>, at: string): string[] {
  const ids = new Set<string>();
  const metrics = data.metrics;
  if (!Array.isArray(metrics)) return [];
  metrics.forEach((m, i) => {
    const id = isObj(m) ? optStr(m, 'run_id', `${at}[${i}]`) : undefined;
    if (id) ids.add(id);
  });
  return [...ids];
}

export async function searchLoggedModels(
  p: SearchLoggedModelsParams,
  signal?: AbortSignal,
): Promise<Page<LoggedModel>> {
  return requestJson(LM.search, page('models', decodeLoggedModel), {
    method: 'POST',
    body: {
      experiment_ids: p.experimentIds,
      filter: p.filter?.trim() || undefined,
      order_by: p.orderBy?.length
        ? p.orderBy.map((o) => ({
            field_name: o.fieldName,
            ascending: o.ascending,
            dataset_name: o.datasetName || undefined,
            dataset_digest: o.datasetDigest || undefined,
          }))
        : undefined,
      max_results: p.maxResults ?? 100,
      page_token: p.pageToken || undefined,
    },
    signal,
  });
}

export async function getLoggedModel(modelId: string, signal?: AbortSignal): Promise<LoggedModel> {
  return requestJson(LM.get(modelId), one('model', decodeLoggedModel), { signal });
}

/** One folder level of a logged model's artifacts ('' is the root). */
export async function listLoggedModelArtifacts(
  modelId: string,
  path?: string,
  signal?: AbortSignal,
): Promise<ArtifactListing> {
  return requestJson(
    LM.artifactsList(modelId),
    (body) => {
      const o = obj(body, '');
      return {
        rootUri: optStr(o, 'root_uri', '') ?? '',
        files: list(o, 'files', '', decodeFileInfo),
      };
    },
    { query: { artifact_directory_path: path || undefined }, signal },
  );
}

const fileQuery = (path: string) => ({ artifact_file_path: path });

export function loggedModelArtifactUrl(modelId: string, path: string): string {
  return relativeUrl(LM.artifactFile(modelId), fileQuery(path));
}

export function fetchLoggedModelArtifactText(
  modelId: string,
  path: string,
  signal?: AbortSignal,
): Promise<string> {
  return requestText(LM.artifactFile(modelId), { query: fileQuery(path), signal });
}

export function fetchLoggedModelArtifactBlob(
  modelId: string,
  path: string,
  signal?: AbortSignal,
): Promise<Blob> {
  return requestBlob(LM.artifactFile(modelId), { query: fileQuery(path), signal });
}
