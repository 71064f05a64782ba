import { decodeExperiment } from './decode';
import { endpoints } from './endpoints';
import { requestJson } from './http';
import type { Experiment, Page, ViewType } from './types';
import type {
  WireCreateExperimentResponse,
  WireGetExperimentResponse,
  WireSearchExperimentsResponse,
} from './wire';

const E = endpoints.experiments;

export interface SearchExperimentsParams {
  filter?: string;
  viewType?: ViewType;
  maxResults?: number;
  orderBy?: string[];
  pageToken?: string;
}

export async function searchExperiments(p: SearchExperimentsParams = {}, signal?: AbortSignal): Promise<Page<Experiment>> {
  const w = await requestJson<WireSearchExperimentsResponse>(E.search, {
    method: 'POST',
    body: {
      filter: p.filter || undefined,
      view_type: p.viewType,
      max_results: p.maxResults ?? 1000,
      order_by: p.orderBy && p.orderBy.length ? p.orderBy : undefined,
      page_token: p.pageToken,
    },
    signal,
  });
  return { items: (w.experiments ?? []).map(decodeExperiment), nextPageToken: w.next_page_token ?? null };
}

export async function getExperiment(id: string, signal?: AbortSignal): Promise<Experiment> {
  const w = await requestJson<WireGetExperimentResponse>(E.get, { query: { experiment_id: id }, signal });
  return decodeExperiment(w.experiment);
}

export async function getExperimentByName(name: string, signal?: AbortSignal): Promise<Experiment> {
  const w = await requestJson<WireGetExperimentResponse>(E.getByName, { query: { experiment_name: name }, signal });
  return decodeExperiment(w.experiment);
}

export async function createExperiment(input: { name: string; artifactLocation?: string; tags?: Record<string, string> }): Promise<string> {
  const w = await requestJson<WireCreateExperimentResponse>(E.create, {
    method: 'POST',
    body: {
      name: input.name,
      artifact_location: input.artifactLocation || undefined,
      tags: input.tags ? Object.entries(input.tags).map(([key, value]) => ({ key, value })) : undefined,
    },
  });
  return w.experiment_id;
}

export async function renameExperiment(id: string, newName: string): Promise<void> {
  await requestJson(E.update, { method: 'POST', body: { experiment_id: id, new_name: newName } });
}

export async function deleteExperiment(id: string): Promise<void> {
  await requestJson(E.delete, { method: 'POST', body: { experiment_id: id } });
}

export async function restoreExperiment(id: string): Promise<void> {
  await requestJson(E.restore, { method: 'POST', body: { experiment_id: id } });
}

export async function setExperimentTag(id: string, key: string, value: string): Promise<void> {
  await requestJson(E.setTag, { method: 'POST', body: { experiment_id: id, key, value } });
}
