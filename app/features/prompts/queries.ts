import { queryOptions } from '@tanstack/react-query';
import {
  fetchAllPages,
  getRegisteredModel,
  searchModelVersions,
  searchRegisteredModels,
  searchRuns,
} from '../../api';
import { runsByVersion } from './model/linked';
import { containsPattern, quoteFilterValue } from '../../lib/filter-quote';
import { promptKeys } from '../../lib/query-keys';

/*
 * MLflow 3 keeps prompts in the model registry: registered models and versions
 * tagged `mlflow.prompt.is_prompt = 'true'`, which the plain searches leave
 * out. The template is the version's `mlflow.prompt.text` tag, its commit
 * message the version's description (3.18's own UI asks the same way).
 */
const IS_PROMPT = "tags.`mlflow.prompt.is_prompt` = 'true'";

export const promptListQueryOptions = (search: string) =>
  queryOptions({
    queryKey: promptKeys.list({ search }),
    queryFn: ({ signal }) =>
      fetchAllPages(
        (pageToken) =>
          searchRegisteredModels(
            {
              filter: search.trim()
                ? `name ILIKE ${containsPattern(search.trim())} AND ${IS_PROMPT}`
                : IS_PROMPT,
              orderBy: ['name ASC'],
              maxResults: 100,
              pageToken,
            },
            signal,
          ),
        { limit: 1000, signal },
      ),
  });

export const promptQueryOptions = (name: string) =>
  queryOptions({
    queryKey: promptKeys.detail(name),
    queryFn: ({ signal }) => getRegisteredModel(name, signal),
  });

/** Every version of a prompt, newest first. */
export const promptVersionsQueryOptions = (name: string) =>
  queryOptions({
    queryKey: promptKeys.versions(name),
    queryFn: ({ signal }) =>
      searchModelVersions(
        { filter: `name = ${quoteFilterValue(name)} AND ${IS_PROMPT}`, maxResults: 1000 },
        signal,
      ).then((p) => [...p.items].sort((a, b) => Number(b.version) - Number(a.version))),
  });

/**
 * Runs that loaded a version of the prompt: `load_prompt` in a run tags it
 * `mlflow.linkedPrompts` = `[{"name", "version"}]` (3.18). Searched in the
 * experiments the prompt records (`_mlflow_experiment_ids`), then read exactly.
 */
export const promptRunsQueryOptions = (name: string, experimentIds: string[]) =>
  queryOptions({
    queryKey: promptKeys.runs(name),
    queryFn: async ({ signal }) => {
      if (!experimentIds.length)
        return new Map<string, { runId: string; experimentId: string; name: string }[]>();
      const page = await searchRuns(
        {
          experimentIds,
          filter: `tags.\`mlflow.linkedPrompts\` LIKE ${containsPattern(JSON.stringify(name))}`,
          maxResults: 500,
          orderBy: ['attributes.start_time DESC'],
        },
        signal,
      );
      return runsByVersion(page.items, name);
    },
  });
