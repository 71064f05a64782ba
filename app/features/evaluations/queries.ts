import { queryOptions } from '@tanstack/react-query';
import { fetchAllPages, searchRuns, searchTraces, TRACES_PAGE_SIZE } from '../../api';
import { quoteFilterValue } from '../../lib/filter-quote';
import { runKeys, traceKeys } from '../../lib/query-keys';
import { evalRows } from './model/eval';

export { runQueryOptions } from '../../lib/shared-queries';

/** The most rows an evaluation page reads. */
export const EVAL_ROW_LIMIT = 5000;

/** An evaluation run's traces (their `mlflow.sourceRun` metadata), as rows. */
export const evaluationTracesQueryOptions = (experimentId: string, runId: string) =>
  queryOptions({
    queryKey: traceKeys.evaluation(runId),
    queryFn: async ({ signal }) =>
      evalRows(
        await fetchAllPages(
          (pageToken) =>
            searchTraces(
              {
                experimentIds: [experimentId],
                filter: `metadata.\`mlflow.sourceRun\` = ${quoteFilterValue(runId)}`,
                orderBy: ['timestamp_ms ASC'],
                maxResults: TRACES_PAGE_SIZE,
                pageToken,
              },
              signal,
            ),
          { limit: EVAL_ROW_LIMIT, signal },
        ),
      ),
  });

/** The experiment's evaluation runs (tag `mlflow.runType` = `genai_evaluate`), newest first. */
export const evaluationRunsQueryOptions = (experimentId: string) =>
  queryOptions({
    queryKey: runKeys.evaluations(experimentId),
    queryFn: ({ signal }) =>
      searchRuns(
        {
          experimentIds: [experimentId],
          filter: "tags.`mlflow.runType` = 'genai_evaluate'",
          orderBy: ['attributes.start_time DESC'],
          maxResults: 200,
        },
        signal,
      ).then((p) => p.items),
  });
