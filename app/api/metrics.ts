import { decodeMetric, decodeMetricPoint } from './decode';
import { page } from './answers';
import { endpoints } from './endpoints';
import { requestJson } from './http';
import type { Metric, MetricPoint } from './types';

const M = endpoints.metrics;

/** Full history of one metric of one run. An unknown run answers 200 {} (no points). */
export async function getMetricHistory(
  runId: string,
  key: string,
  signal?: AbortSignal,
): Promise<Metric[]> {
  const out: Metric[] = [];
  let token: string | undefined;
  for (;;) {
    const w = await requestJson(M.getHistory, page('metrics', decodeMetric), {
      query: { run_id: runId, metric_key: key, page_token: token },
      signal,
    });
    for (const m of w.items) out.push(m);
    if (!w.nextPageToken) break;
    token = w.nextPageToken;
  }
  return out;
}

/** Server-sampled history (evenly spaced steps) of one key for up to 100 runs. */
export async function getMetricHistoryBulkInterval(
  p: { runIds: string[]; key: string; maxResults?: number; startStep?: number; endStep?: number },
  signal?: AbortSignal,
): Promise<MetricPoint[]> {
  const w = await requestJson(M.getHistoryBulkInterval, page('metrics', decodeMetricPoint), {
    query: {
      run_ids: p.runIds,
      metric_key: p.key,
      max_results: p.maxResults ?? 320,
      start_step: p.startStep,
      end_step: p.endStep,
    },
    signal,
  });
  return w.items;
}

/**
 * `get-history-bulk` is served by Flask's jsonify, which writes NaN and
 * Infinity as bare tokens (not JSON). Quote them as values before parsing;
 * decodeMetricValue turns the strings back into numbers.
 */
export function parseLenientJson(text: string): unknown {
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    return JSON.parse(text.replace(/(:\s*)(-?Infinity|NaN)(\s*[,}\]])/g, '$1"$2"$3'));
  }
}
