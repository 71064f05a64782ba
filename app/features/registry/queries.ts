import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import {
  fetchAllPages,
  fetchModelVersionArtifactText,
  getModelVersionByAlias,
  searchModelVersions,
  searchRegisteredModels,
} from '../../api';
import { artifactKeys, modelVersionKeys, registeredModelKeys } from '../../lib/query-keys';
import { versionsOfModelFilter } from './model/filter';

export interface ModelListParams {
  filter?: string;
  orderBy: string[];
}

// 50 rows fill a screen twice over; a smaller first page answers and renders sooner.
export const MODELS_PAGE_SIZE = 50;

export const modelListQueryOptions = (params: ModelListParams) =>
  infiniteQueryOptions({
    queryKey: registeredModelKeys.list(params),
    queryFn: ({ pageParam, signal }) =>
      searchRegisteredModels(
        {
          filter: params.filter,
          orderBy: params.orderBy,
          maxResults: MODELS_PAGE_SIZE,
          pageToken: pageParam,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextPageToken ?? undefined,
  });

const VERSIONS_PAGE_SIZE = 1000;

/** Every version of one model, through all pages. Aliases are merged from the model (search omits them). */
export const modelVersionsQueryOptions = (name: string) =>
  queryOptions({
    queryKey: modelVersionKeys.list({ name }),
    queryFn: ({ signal }) =>
      fetchAllPages(
        (pageToken) =>
          searchModelVersions(
            { filter: versionsOfModelFilter(name), maxResults: VERSIONS_PAGE_SIZE, pageToken },
            signal,
          ),
        { signal },
      ),
  });

/** A text file of a model version (MLmodel, requirements.txt, input_example.json). Immutable once registered. */
export const modelVersionFileQueryOptions = (name: string, version: string, path: string) =>
  queryOptions({
    queryKey: artifactKeys.modelVersionFile(name, version, path),
    queryFn: ({ signal }) => fetchModelVersionArtifactText(name, version, path, signal),
    staleTime: Infinity,
    retry: false,
  });

/** `name@alias` resolved to its version; alias writes invalidate it. A missing alias is an answer, not a retry. */
export const modelVersionByAliasQueryOptions = (name: string, alias: string) =>
  queryOptions({
    queryKey: modelVersionKeys.alias(name, alias),
    queryFn: ({ signal }) => getModelVersionByAlias(name, alias, signal),
    retry: false,
  });
