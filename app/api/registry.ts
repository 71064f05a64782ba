import { decodeModelVersion, decodeRegisteredModel } from './decode';
import { one, page } from './answers';
import { endpoints } from './endpoints';
import { ignoreBody, requestJson } from './http';
import type { ModelVersion, Page, RegisteredModel } from './types';

const RM = endpoints.registeredModels;
const MV = endpoints.modelVersions;

const kv = (tags?: Record<string, string>) =>
  tags ? Object.entries(tags).map(([key, value]) => ({ key, value })) : undefined;

// ---- registered models ----

export async function searchRegisteredModels(
  p: { filter?: string; maxResults?: number; orderBy?: string[]; pageToken?: string } = {},
  signal?: AbortSignal,
): Promise<Page<RegisteredModel>> {
  return requestJson(RM.search, page('registered_models', decodeRegisteredModel), {
    query: {
      filter: p.filter || undefined,
      max_results: p.maxResults ?? 100,
      order_by: p.orderBy,
      page_token: p.pageToken,
    },
    signal,
  });
}

export async function getRegisteredModel(
  name: string,
  signal?: AbortSignal,
): Promise<RegisteredModel> {
  return requestJson(RM.get, one('registered_model', decodeRegisteredModel), {
    query: { name },
    signal,
  });
}

export async function createRegisteredModel(input: {
  name: string;
  description?: string;
  tags?: Record<string, string>;
}): Promise<RegisteredModel> {
  return requestJson(RM.create, one('registered_model', decodeRegisteredModel), {
    method: 'POST',
    body: { name: input.name, description: input.description || undefined, tags: kv(input.tags) },
  });
}

export async function updateRegisteredModel(
  name: string,
  description: string,
): Promise<RegisteredModel> {
  return requestJson(RM.update, one('registered_model', decodeRegisteredModel), {
    method: 'PATCH',
    body: { name, description },
  });
}

export async function renameRegisteredModel(
  name: string,
  newName: string,
): Promise<RegisteredModel> {
  return requestJson(RM.rename, one('registered_model', decodeRegisteredModel), {
    method: 'POST',
    body: { name, new_name: newName },
  });
}

export async function deleteRegisteredModel(name: string): Promise<void> {
  await requestJson(RM.delete, ignoreBody, { method: 'DELETE', body: { name } });
}

export async function setRegisteredModelTag(
  name: string,
  key: string,
  value: string,
): Promise<void> {
  await requestJson(RM.setTag, ignoreBody, { method: 'POST', body: { name, key, value } });
}

export async function deleteRegisteredModelTag(name: string, key: string): Promise<void> {
  await requestJson(RM.deleteTag, ignoreBody, { method: 'DELETE', body: { name, key } });
}

export async function setRegisteredModelAlias(
  name: string,
  alias: string,
  version: string,
): Promise<void> {
  await requestJson(RM.alias, ignoreBody, { method: 'POST', body: { name, alias, version } });
}

export async function deleteRegisteredModelAlias(name: string, alias: string): Promise<void> {
  await requestJson(RM.alias, ignoreBody, { method: 'DELETE', body: { name, alias } });
}

/** A missing alias is a 400 INVALID_PARAMETER_VALUE in 2.17, not a 404. */
export async function getModelVersionByAlias(
  name: string,
  alias: string,
  signal?: AbortSignal,
): Promise<ModelVersion> {
  return requestJson(RM.alias, one('model_version', decodeModelVersion), {
    query: { name, alias },
    signal,
  });
}

// ---- model versions ----

export async function searchModelVersions(
  p: { filter?: string; maxResults?: number; orderBy?: string[]; pageToken?: string } = {},
  signal?: AbortSignal,
): Promise<Page<ModelVersion>> {
  return requestJson(MV.search, page('model_versions', decodeModelVersion), {
    query: {
      filter: p.filter || undefined,
      max_results: p.maxResults ?? 10000,
      order_by: p.orderBy,
      page_token: p.pageToken,
    },
    signal,
  });
}

export async function getModelVersion(
  name: string,
  version: string,
  signal?: AbortSignal,
): Promise<ModelVersion> {
  return requestJson(MV.get, one('model_version', decodeModelVersion), {
    query: { name, version },
    signal,
  });
}

export async function createModelVersion(input: {
  name: string;
  source: string;
  runId?: string;
  description?: string;
  tags?: Record<string, string>;
}): Promise<ModelVersion> {
  return requestJson(MV.create, one('model_version', decodeModelVersion), {
    method: 'POST',
    body: {
      name: input.name,
      source: input.source,
      run_id: input.runId || undefined,
      description: input.description || undefined,
      tags: kv(input.tags),
    },
  });
}

export async function updateModelVersion(
  name: string,
  version: string,
  description: string,
): Promise<ModelVersion> {
  return requestJson(MV.update, one('model_version', decodeModelVersion), {
    method: 'PATCH',
    body: { name, version, description },
  });
}

export async function deleteModelVersion(name: string, version: string): Promise<void> {
  await requestJson(MV.delete, ignoreBody, { method: 'DELETE', body: { name, version } });
}

export async function transitionModelVersionStage(
  name: string,
  version: string,
  stage: string,
  archiveExistingVersions: boolean,
): Promise<ModelVersion> {
  return requestJson(MV.transitionStage, one('model_version', decodeModelVersion), {
    method: 'POST',
    body: { name, version, stage, archive_existing_versions: archiveExistingVersions },
  });
}

export async function setModelVersionTag(
  name: string,
  version: string,
  key: string,
  value: string,
): Promise<void> {
  await requestJson(MV.setTag, ignoreBody, { method: 'POST', body: { name, version, key, value } });
}

export async function deleteModelVersionTag(
  name: string,
  version: string,
  key: string,
): Promise<void> {
  await requestJson(MV.deleteTag, ignoreBody, { method: 'DELETE', body: { name, version, key } });
}
