import { decodeTraceInfo } from './decode';
import { decodeTraceData, parseTraceDataText } from './trace-decode';
import { endpoints } from './endpoints';
import { requestJson, requestText } from './http';
import type { Page, TraceData, TraceInfo } from './types';
import type { WireDeleteTracesResponse, WireSearchTracesResponse, WireTraceInfoResponse } from './wire';

export { spanAttribute, wireAttributesOf } from './trace-decode';

const T = endpoints.traces;

/** The server caps max_results at 500 for traces. */
export const TRACES_PAGE_SIZE = 500;

export async function searchTraces(
  p: { experimentIds: string[]; filter?: string; orderBy?: string[]; maxResults?: number; pageToken?: string },
  signal?: AbortSignal,
): Promise<Page<TraceInfo>> {
  const w = await requestJson<WireSearchTracesResponse>(T.search, {
    query: {
      experiment_ids: p.experimentIds,
      filter: p.filter?.trim() || undefined,
      order_by: p.orderBy,
      max_results: p.maxResults ?? 100,
      page_token: p.pageToken,
    },
    signal,
  });
  return { items: (w.traces ?? []).map(decodeTraceInfo), nextPageToken: w.next_page_token ?? null };
}

export async function getTraceInfo(requestId: string, signal?: AbortSignal): Promise<TraceInfo> {
  const w = await requestJson<WireTraceInfoResponse>(T.info(requestId), { signal });
  return decodeTraceInfo(w.trace_info);
}

/** Span data. Read as text so nanosecond times keep every digit. */
export async function getTraceData(requestId: string, signal?: AbortSignal): Promise<TraceData> {
  const text = await requestText(T.artifact, { query: { request_id: requestId }, signal });
  return decodeTraceData(parseTraceDataText(text));
}

export async function setTraceTag(requestId: string, key: string, value: string): Promise<void> {
  await requestJson(T.tags(requestId), { method: 'PATCH', body: { key, value } });
}

/** DELETE takes its arguments as a JSON body: `?key=` is a 400 in 2.17. */
export async function deleteTraceTag(requestId: string, key: string): Promise<void> {
  await requestJson(T.tags(requestId), { method: 'DELETE', body: { key } });
}

export async function deleteTraces(experimentId: string, requestIds: string[]): Promise<number> {
  const w = await requestJson<WireDeleteTracesResponse>(T.deleteTraces, {
    method: 'POST',
    body: { experiment_id: experimentId, request_ids: requestIds },
  });
  return w.traces_deleted ?? 0;
}
