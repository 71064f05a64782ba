import { decodeExperiment } from './decode';
import { one, oneString, page } from './answers';
import { endpoints } from './endpoints';
import { ignoreBody, requestJson } from './http';
import type { Experiment, Page, ViewType } from './types';

const E = endpoints.experiments;

export interface SearchExperimentsParams {
  filter?: string;
  viewType?: ViewType;
  maxResults?: number;
  orderBy?: string[];
  pageToken?: string;
}

export async function searchExperiments(
  p: SearchExperimentsParams = {},
  signal?: AbortSignal,
): Promise<Page<Experiment>> {
  // GET, as MLflow's own UI asks (both lines answer it, see the recordings): a GET can be
  // started by index.html before the app's code runs (app/route-preloads.ts).
  return requestJson(E.search, page('experiments', decodeExperiment), {
    query: {
      filter: p.filter || undefined,
      view_type: p.viewType,
      max_results: String(p.maxResults ?? 1000),
      order_by: p.orderBy && p.orderBy.length ? p.orderBy : undefined,
      page_token: p.pageToken,
    },
    signal,
  });
}

export async function getExperiment(id: string, signal?: AbortSignal): Promise<Experiment> {
  return requestJson(E.get, one('experiment', decodeExperiment), {
    query: { experiment_id: id },
    signal,
  });
}

export async function createExperiment(input: {
  name: string;
  artifactLocation?: string;
  tags?: Record<string, string>;
}): Promise<string> {
  return requestJson(E.create, oneString('experiment_id'), {
    method: 'POST',
    body: {
      name: input.name,
      artifact_location: input.artifactLocation || undefined,
      tags: input.tags
        ? Object.entries(input.tags).map(([key, value]) => ({ key, value }))
        : undefined,
    },
  });
}

export async function renameExperiment(id: string, newName: string): Promise<void> {
  await requestJson(E.update, ignoreBody, {
    method: 'POST',
    body: { experiment_id: id, new_name: newName },
  });
}

export async function deleteExperiment(id: string): Promise<void> {
  await requestJson(E.delete, ignoreBody, { method: 'POST', body: { experiment_id: id } });
}

export async function restoreExperiment(id: string): Promise<void> {
  await requestJson(E.restore, ignoreBody, { method: 'POST', body: { experiment_id: id } });
}

export async function setExperimentTag(id: string, key: string, value: string): Promise<void> {
  await requestJson(E.setTag, ignoreBody, {
    method: 'POST',
    body: { experiment_id: id, key, value },
  });
}
