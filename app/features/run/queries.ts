import { queryOptions } from '@tanstack/react-query';
import { getMetricHistoryBulkInterval, searchModelVersions, searchTraces } from '../../api';
import { metricKeys, modelVersionKeys, traceKeys } from '../../lib/query-keys';
import { quoteFilterValue } from '../../lib/filter-quote';

export {
  metricHistoryQueryOptions,
  runChildrenQueryOptions,
  runQueryOptions,
} from '../../lib/shared-queries';

/** The filter the real 2.17 server accepted (recorded in traces_search_filter_run.json). */
export const runTracesQueryOptions = (experimentId: string, runId: string) => {
  const params = {
    experimentIds: [experimentId],
    filter: `request_metadata.\`mlflow.sourceRun\` = ${quoteFilterValue(runId)}`,
    maxResults: 100,
  };
  return queryOptions({
    queryKey: traceKeys.ofRun(runId),
    queryFn: ({ signal }) => searchTraces(params, signal),
  });
};

export const runModelVersionsQueryOptions = (runId: string) => {
  const params = { filter: `run_id = ${quoteFilterValue(runId)}` };
  return queryOptions({
    queryKey: modelVersionKeys.ofRun(runId),
    queryFn: ({ signal }) => searchModelVersions(params, signal),
  });
};

/** Evenly sampled points (what the small charts draw). */
export const sampledMetricQueryOptions = (
  runId: string,
  key: string,
  range?: { startStep: number; endStep: number },
) => {
  const params = { runIds: [runId], key, maxResults: 320, ...range };
  return queryOptions({
    queryKey: metricKeys.sampledPoints(params),
    queryFn: ({ signal }) => getMetricHistoryBulkInterval(params, signal),
  });
};
