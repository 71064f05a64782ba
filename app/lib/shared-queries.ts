/**
 * queryOptions builders for reads that several features share (an experiment,
 * a run, a registered model). Hooks, loaders, prefetching and invalidation all
 * reuse these, so a key and its fetcher never drift apart.
 */
import { queryOptions } from '@tanstack/react-query';
import { getExperiment, getModelVersion, getRegisteredModel, getRun, getTraceData, getTraceInfo, listArtifacts } from '../api';
import { artifactKeys, experimentKeys, modelVersionKeys, registeredModelKeys, runKeys, traceKeys } from './query-keys';

export const experimentQueryOptions = (id: string) =>
  queryOptions({ queryKey: experimentKeys.detail(id), queryFn: ({ signal }) => getExperiment(id, signal) });

export const runQueryOptions = (runId: string) =>
  queryOptions({ queryKey: runKeys.detail(runId), queryFn: ({ signal }) => getRun(runId, signal) });

export const registeredModelQueryOptions = (name: string) =>
  queryOptions({ queryKey: registeredModelKeys.detail(name), queryFn: ({ signal }) => getRegisteredModel(name, signal) });

export const modelVersionQueryOptions = (name: string, version: string) =>
  queryOptions({
    queryKey: modelVersionKeys.detail(name, version),
    queryFn: ({ signal }) => getModelVersion(name, version, signal),
  });

export const traceInfoQueryOptions = (requestId: string) =>
  queryOptions({ queryKey: traceKeys.info(requestId), queryFn: ({ signal }) => getTraceInfo(requestId, signal) });

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
