import { decodeModelVersion, decodeRegisteredModel } from './decode';
import { endpoints } from './endpoints';
import { requestJson } from './http';
import type { ModelVersion, Page, RegisteredModel } from './types';
import type {
  WireDownloadUriResponse,
  WireModelVersionResponse,
  WireRegisteredModelResponse,
  WireSearchModelVersionsResponse,
  WireSearchRegisteredModelsResponse,
} from './wire';

const RM = endpoints.registeredModels;
const MV = endpoints.modelVersions;

const kv = (tags?: Record<string, string>) =>
  tags ? Object.entries(tags).map(([key, value]) => ({ key, value })) : undefined;

// ---- registered models ----

export async function searchRegisteredModels(
  p: { filter?: string; maxResults?: number; orderBy?: string[]; pageToken?: string } = {},
  signal?: AbortSignal,
): Promise<Page<RegisteredModel>> {
  const w = await requestJson<WireSearchRegisteredModelsResponse>(RM.search, {
    query: {
      filter: p.filter || undefined,
      max_results: p.maxResults ?? 100,
      order_by: p.orderBy,
      page_token: p.pageToken,
    },
    signal,
  });
  return { items: (w.registered_models ?? []).map(decodeRegisteredModel), nextPageToken: w.next_page_token ?? null };
}

export async function getRegisteredModel(name: string, signal?: AbortSignal): Promise<RegisteredModel> {
  const w = await requestJson<WireRegisteredModelResponse>(RM.get, { query: { name }, signal });
  return decodeRegisteredModel(w.registered_model);
}

export async function createRegisteredModel(input: { name: string; description?: string; tags?: Record<string, string> }): Promise<RegisteredModel> {
  const w = await requestJson<WireRegisteredModelResponse>(RM.create, {
    method: 'POST',
    body: { name: input.name, description: input.description || undefined, tags: kv(input.tags) },
  });
  return decodeRegisteredModel(w.registered_model);
}

export async function updateRegisteredModel(name: string, description: string): Promise<RegisteredModel> {
  const w = await requestJson<WireRegisteredModelResponse>(RM.update, { method: 'PATCH', body: { name, description } });
  return decodeRegisteredModel(w.registered_model);
}

export async function renameRegisteredModel(name: string, newName: string): Promise<RegisteredModel> {
  const w = await requestJson<WireRegisteredModelResponse>(RM.rename, { method: 'POST', body: { name, new_name: newName } });
  return decodeRegisteredModel(w.registered_model);
}

export async function deleteRegisteredModel(name: string): Promise<void> {
  await requestJson(RM.delete, { method: 'DELETE', body: { name } });
}

export async function setRegisteredModelTag(name: string, key: string, value: string): Promise<void> {
  await requestJson(RM.setTag, { method: 'POST', body: { name, key, value } });
}

export async function deleteRegisteredModelTag(name: string, key: string): Promise<void> {
  await requestJson(RM.deleteTag, { method: 'DELETE', body: { name, key } });
}

export async function setRegisteredModelAlias(name: string, alias: string, version: string): Promise<void> {
  await requestJson(RM.alias, { method: 'POST', body: { name, alias, version } });
}

export async function deleteRegisteredModelAlias(name: string, alias: string): Promise<void> {
  await requestJson(RM.alias, { method: 'DELETE', body: { name, alias } });
}

/** A missing alias is a 400 INVALID_PARAMETER_VALUE in 2.17, not a 404. */
export async function getModelVersionByAlias(name: string, alias: string, signal?: AbortSignal): Promise<ModelVersion> {
  const w = await requestJson<WireModelVersionResponse>(RM.alias, { query: { name, alias }, signal });
  return decodeModelVersion(w.model_version);
}

// ---- model versions ----

export async function searchModelVersions(
  p: { filter?: string; maxResults?: number; orderBy?: string[]; pageToken?: string } = {},
  signal?: AbortSignal,
): Promise<Page<ModelVersion>> {
  const w = await requestJson<WireSearchModelVersionsResponse>(MV.search, {
    query: {
      filter: p.filter || undefined,
      max_results: p.maxResults ?? 10000,
      order_by: p.orderBy,
      page_token: p.pageToken,
    },
    signal,
  });
  return { items: (w.model_versions ?? []).map(decodeModelVersion), nextPageToken: w.next_page_token ?? null };
}

export async function getModelVersion(name: string, version: string, signal?: AbortSignal): Promise<ModelVersion> {
  const w = await requestJson<WireModelVersionResponse>(MV.get, { query: { name, version }, signal });
  return decodeModelVersion(w.model_version);
}

export async function createModelVersion(input: { name: string; source: string; runId?: string; description?: string; tags?: Record<string, string> }): Promise<ModelVersion> {
  const w = await requestJson<WireModelVersionResponse>(MV.create, {
    method: 'POST',
    body: {
      name: input.name,
      source: input.source,
      run_id: input.runId || undefined,
      description: input.description || undefined,
      tags: kv(input.tags),
    },
  });
  return decodeModelVersion(w.model_version);
}

export async function updateModelVersion(name: string, version: string, description: string): Promise<ModelVersion> {
  const w = await requestJson<WireModelVersionResponse>(MV.update, { method: 'PATCH', body: { name, version, description } });
  return decodeModelVersion(w.model_version);
}

export async function deleteModelVersion(name: string, version: string): Promise<void> {
  await requestJson(MV.delete, { method: 'DELETE', body: { name, version } });
}

export async function transitionModelVersionStage(
  name: string,
  version: string,
  stage: string,
  archiveExistingVersions: boolean,
): Promise<ModelVersion> {
  const w = await requestJson<WireModelVersionResponse>(MV.transitionStage, {
    method: 'POST',
    body: { name, version, stage, archive_existing_versions: archiveExistingVersions },
  });
  return decodeModelVersion(w.model_version);
}

export async function setModelVersionTag(name: string, version: string, key: string, value: string): Promise<void> {
  await requestJson(MV.setTag, { method: 'POST', body: { name, version, key, value } });
}

export async function deleteModelVersionTag(name: string, version: string, key: string): Promise<void> {
  await requestJson(MV.deleteTag, { method: 'DELETE', body: { name, version, key } });
}

export async function getModelVersionDownloadUri(name: string, version: string, signal?: AbortSignal): Promise<string> {
  const w = await requestJson<WireDownloadUriResponse>(MV.getDownloadUri, { query: { name, version }, signal });
  return w.artifact_uri;
}
