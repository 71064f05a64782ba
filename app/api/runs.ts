import { decodeRun, decodeRunInfo } from './decode';
import { one, page } from './answers';
import { endpoints } from './endpoints';
import { ignoreBody, requestJson } from './http';
import type { Page, Run, RunInfo, RunStatus, SearchRunsParams } from './types';

const R = endpoints.runs;

/** The server refuses max_results above 50000; 1000 per page keeps pages quick to decode. */
export const RUNS_PAGE_SIZE = 1000;

export async function searchRuns(p: SearchRunsParams, signal?: AbortSignal): Promise<Page<Run>> {
  return requestJson(R.search, page('runs', decodeRun), {
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
}

export async function getRun(runId: string, signal?: AbortSignal): Promise<Run> {
  return requestJson(R.get, one('run', decodeRun), { query: { run_id: runId }, signal });
}

export async function updateRun(
  runId: string,
  patch: { name?: string; status?: RunStatus; endTime?: number },
): Promise<RunInfo> {
  return requestJson(
    R.update,
    one('run_info', (v, at) => decodeRunInfo(v, {}, at)),
    {
      method: 'POST',
      body: { run_id: runId, run_name: patch.name, status: patch.status, end_time: patch.endTime },
    },
  );
}

export async function deleteRun(runId: string): Promise<void> {
  await requestJson(R.delete, ignoreBody, { method: 'POST', body: { run_id: runId } });
}

export async function restoreRun(runId: string): Promise<void> {
  await requestJson(R.restore, ignoreBody, { method: 'POST', body: { run_id: runId } });
}

export async function setRunTag(runId: string, key: string, value: string): Promise<void> {
  await requestJson(R.setTag, ignoreBody, { method: 'POST', body: { run_id: runId, key, value } });
}

export async function deleteRunTag(runId: string, key: string): Promise<void> {
  await requestJson(R.deleteTag, ignoreBody, { method: 'POST', body: { run_id: runId, key } });
}
