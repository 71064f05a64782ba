import { decodeRun, decodeRunInfo } from './decode';
import { endpoints } from './endpoints';
import { requestJson } from './http';
import type { Page, Run, RunInfo, RunStatus, SearchRunsParams } from './types';
import type { WireGetRunResponse, WireSearchRunsResponse, WireUpdateRunResponse } from './wire';

const R = endpoints.runs;

/** The server refuses max_results above 50000; 1000 per page keeps pages quick to decode. */
export const RUNS_PAGE_SIZE = 1000;

export async function searchRuns(p: SearchRunsParams, signal?: AbortSignal): Promise<Page<Run>> {
  const w = await requestJson<WireSearchRunsResponse>(R.search, {
    method: 'POST',
    body: {
      experiment_ids: p.experimentIds,
      filter: p.filter?.trim() || undefined,
      run_view_type: p.viewType ?? 'ACTIVE_ONLY',
      max_results: p.maxResults ?? RUNS_PAGE_SIZE,
      order_by: p.orderBy && p.orderBy.length ? p.orderBy : undefined,
      page_token: p.pageToken || undefined,
    },
    signal,
  });
  return { items: (w.runs ?? []).map(decodeRun), nextPageToken: w.next_page_token ?? null };
}

export async function getRun(runId: string, signal?: AbortSignal): Promise<Run> {
  const w = await requestJson<WireGetRunResponse>(R.get, { query: { run_id: runId }, signal });
  return decodeRun(w.run);
}

export async function updateRun(runId: string, patch: { name?: string; status?: RunStatus; endTime?: number }): Promise<RunInfo> {
  const w = await requestJson<WireUpdateRunResponse>(R.update, {
    method: 'POST',
    body: { run_id: runId, run_name: patch.name, status: patch.status, end_time: patch.endTime },
  });
  return decodeRunInfo(w.run_info);
}

export async function deleteRun(runId: string): Promise<void> {
  await requestJson(R.delete, { method: 'POST', body: { run_id: runId } });
}

export async function restoreRun(runId: string): Promise<void> {
  await requestJson(R.restore, { method: 'POST', body: { run_id: runId } });
}

export async function setRunTag(runId: string, key: string, value: string): Promise<void> {
  await requestJson(R.setTag, { method: 'POST', body: { run_id: runId, key, value } });
}

export async function deleteRunTag(runId: string, key: string): Promise<void> {
  await requestJson(R.deleteTag, { method: 'POST', body: { run_id: runId, key } });
}
