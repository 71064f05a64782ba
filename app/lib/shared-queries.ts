/**
 * queryOptions builders for reads that several features share (an experiment,
 * a run, a registered model). Hooks, loaders, prefetching and invalidation all
 * reuse these, so a key and its fetcher never drift apart.
 */
import { queryOptions } from '@tanstack/react-query';
import {
  fetchAllPages,
  getExperiment,
  getMetricHistory,
  getModelVersion,
  getRegisteredModel,
  getLoggedModel,
  getRun,
  getTraceData,
  getTraceInfo,
  listArtifacts,
  searchRuns,
  serverLine,
  type Run,
} from '../api';
import {
  artifactKeys,
  experimentKeys,
  loggedModelKeys,
  metricKeys,
  modelVersionKeys,
  registeredModelKeys,
  runKeys,
  serverLineKey,
  traceKeys,
} from './query-keys';
import { quoteFilterValue } from './filter-quote';

export const experimentQueryOptions = (id: string) =>
  queryOptions({
    queryKey: experimentKeys.detail(id),
    queryFn: ({ signal }) => getExperiment(id, signal),
  });

export const runQueryOptions = (runId: string) =>
  queryOptions({ queryKey: runKeys.detail(runId), queryFn: ({ signal }) => getRun(runId, signal) });

/**
 * Every active child of a parent run, through all pages, whatever a table's filter: the
 * runs table (expanding a parent) and the run page (its "Child runs") share this entry.
 */
export const runChildrenQueryOptions = (parentId: string, experimentIds: readonly string[]) =>
  queryOptions({
    queryKey: runKeys.children(parentId, experimentIds),
    queryFn: ({ signal }): Promise<Run[]> =>
      fetchAllPages(
        (pageToken) =>
          searchRuns(
            {
              experimentIds: [...experimentIds],
              filter: `tags.\`mlflow.parentRunId\` = ${quoteFilterValue(parentId)}`,
              viewType: 'ACTIVE_ONLY',
              pageToken,
            },
            signal,
          ),
        { signal },
      ),
  });

/** Full history of one metric of one run (run page charts and table, computed cells of the runs table). */
export const metricHistoryQueryOptions = (runId: string, key: string) =>
  queryOptions({
    queryKey: metricKeys.history(runId, key),
    queryFn: ({ signal }) => getMetricHistory(runId, key, signal),
    staleTime: 60_000,
  });

export const registeredModelQueryOptions = (name: string) =>
  queryOptions({
    queryKey: registeredModelKeys.detail(name),
    queryFn: ({ signal }) => getRegisteredModel(name, signal),
  });

export const modelVersionQueryOptions = (name: string, version: string) =>
  queryOptions({
    queryKey: modelVersionKeys.detail(name, version),
    queryFn: ({ signal }) => getModelVersion(name, version, signal),
  });

export const traceInfoQueryOptions = (requestId: string) =>
  queryOptions({
    queryKey: traceKeys.info(requestId),
    queryFn: ({ signal }) => getTraceInfo(requestId, signal),
  });

export const traceDataQueryOptions = (requestId: string) =>
  queryOptions({
    queryKey: traceKeys.data(requestId),
    queryFn: ({ signal }) => getTraceData(requestId, signal),
    staleTime: Infinity,
  });

/** One folder level of a run's artifacts ('' is the root). */
export const artifactListQueryOptions = (runId: string, path: string) =>
  queryOptions({
    queryKey: artifactKeys.list(runId, path),
    queryFn: ({ signal }) => listArtifacts(runId, path, signal),
    staleTime: 60_000,
  });

/** A logged model (MLflow 3): its own page, the run page's model links, a version's source. */
export const loggedModelQueryOptions = (modelId: string) =>
  queryOptions({
    queryKey: loggedModelKeys.detail(modelId),
    queryFn: ({ signal }) => getLoggedModel(modelId, signal),
  });

/** The server's line: MLflow 3 pages (logged models, sessions, prompts) hide on 2.x. */
export const serverLineQueryOptions = () =>
  queryOptions({ queryKey: serverLineKey, queryFn: () => serverLine(), staleTime: Infinity });
