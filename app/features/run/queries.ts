import { queryOptions } from '@tanstack/react-query';
import { getMetricHistory, getMetricHistoryBulkInterval, searchModelVersions, searchRuns, searchTraces } from '../../api';
import { metricKeys, modelVersionKeys, runKeys, traceKeys } from '../../lib/query-keys';

export { runQueryOptions } from '../../lib/shared-queries';

export const childRunsQueryOptions = (experimentId: string, parentId: string) =>
  queryOptions({
    queryKey: runKeys.children(parentId),
    queryFn: ({ signal }) =>
      searchRuns({ experimentIds: [experimentId], filter: `tags.\`mlflow.parentRunId\` = '${parentId}'`, maxResults: 200 }, signal),
  });

/** The filter the real 2.17 server accepted (recorded in traces_search_filter_run.json). */
export const runTracesQueryOptions = (experimentId: string, runId: string) => {
  const params = { experimentIds: [experimentId], filter: `request_metadata.\`mlflow.sourceRun\` = '${runId}'`, maxResults: 100 };
  return queryOptions({ queryKey: traceKeys.list(params), queryFn: ({ signal }) => searchTraces(params, signal) });
};

export const runModelVersionsQueryOptions = (runId: string) => {
  const params = { filter: `run_id = '${runId}'` };
  return queryOptions({ queryKey: modelVersionKeys.list(params), queryFn: ({ signal }) => searchModelVersions(params, signal) });
};

/** Evenly sampled points (what the small charts draw). */
export const sampledMetricQueryOptions = (runId: string, key: string, range?: { startStep: number; endStep: number }) => {
  const params = { runIds: [runId], key, maxResults: 320, ...range };
  return queryOptions({
    queryKey: metricKeys.sampled(params),
    queryFn: ({ signal }) => getMetricHistoryBulkInterval(params, signal),
  });
};

export const metricHistoryQueryOptions = (runId: string, key: string) =>
  queryOptions({ queryKey: metricKeys.history(runId, key), queryFn: ({ signal }) => getMetricHistory(runId, key, signal) });
