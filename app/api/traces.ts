import { obj, optNum } from './check';
import { decodeTraceInfo } from './decode';
import { one, page } from './answers';
import { decodeTraceData, parseTraceDataText } from './trace-decode';
import { endpoints } from './endpoints';
import { decodeJsonText, ignoreBody, requestJson, requestText } from './http';
import { serverLine } from './server-line';
import type { Page, TraceData, TraceInfo } from './types';

export { spanAttribute, wireAttributesOf } from './trace-decode';

const T = endpoints.traces;
const T3 = endpoints.tracesV3;

/** The server caps max_results at 500 for traces. */
export const TRACES_PAGE_SIZE = 500;

export interface SearchTracesParams {
  experimentIds: string[];
  filter?: string;
  orderBy?: string[];
  maxResults?: number;
  pageToken?: string;
}

/**
 * One page of traces. On MLflow 3 through the v3 search, which carries what the
 * 2.x one lacks (state, request and response previews, assessments); the
 * filter language and order_by keys are the same on both.
 */
export async function searchTraces(
  p: SearchTracesParams,
  signal?: AbortSignal,
): Promise<Page<TraceInfo>> {
  const filter = p.filter?.trim() || undefined;
  const maxResults = p.maxResults ?? 100;
  if ((await serverLine()) === 3) {
    return requestJson(T3.search, page('traces', decodeTraceInfo), {
      method: 'POST',
      body: {
        locations: p.experimentIds.map((experiment_id) => ({
          type: 'MLFLOW_EXPERIMENT',
          mlflow_experiment: { experiment_id },
        })),
        filter,
        order_by: p.orderBy && p.orderBy.length ? p.orderBy : undefined,
        max_results: maxResults,
        page_token: p.pageToken || undefined,
      },
      signal,
    });
  }
  return requestJson(T.search, page('traces', decodeTraceInfo), {
    query: {
      experiment_ids: p.experimentIds,
      filter,
      order_by: p.orderBy,
      max_results: maxResults,
      page_token: p.pageToken,
    },
    signal,
  });
}

/** `{trace: {trace_info}}` (v3 get) -> the info. */
const v3TraceInfo = (body: unknown) =>
  decodeTraceInfo(obj(obj(body, '').trace, 'trace').trace_info, 'trace.trace_info');

export async function getTraceInfo(requestId: string, signal?: AbortSignal): Promise<TraceInfo> {
  if ((await serverLine()) === 3) return requestJson(T3.info(requestId), v3TraceInfo, { signal });
  return requestJson(T.info(requestId), one('trace_info', decodeTraceInfo), { signal });
}

/**
 * Span data, on both lines from get-trace-artifact (3.x answers it from the
 * tracking store too, in the v3 span schema). Read as text so nanosecond times
 * keep every digit.
 */
export async function getTraceData(requestId: string, signal?: AbortSignal): Promise<TraceData> {
  const text = await requestText(T.artifact, { query: { request_id: requestId }, signal });
  return decodeJsonText(T.artifact, 'GET', 200, text, decodeTraceData, parseTraceDataText);
}

export async function setTraceTag(requestId: string, key: string, value: string): Promise<void> {
  await requestJson(T.tags(requestId), ignoreBody, { method: 'PATCH', body: { key, value } });
}

/** DELETE takes its arguments as a JSON body: `?key=` is a 400 in 2.17. */
export async function deleteTraceTag(requestId: string, key: string): Promise<void> {
  await requestJson(T.tags(requestId), ignoreBody, { method: 'DELETE', body: { key } });
}

export async function deleteTraces(experimentId: string, requestIds: string[]): Promise<number> {
  return requestJson(T.deleteTraces, (body) => optNum(obj(body, ''), 'traces_deleted', '') ?? 0, {
    method: 'POST',
    body: { experiment_id: experimentId, request_ids: requestIds },
  });
}
