/**
 * The runs list's URL, for the route's loader and the page alike: the experiment
 * ids of the path (`/experiments/1,3`) and the view in the query (see view-state.ts
 * for its short names; every value is checked there, unknown ones fall back).
 */
import type { RunListParams } from '../queries';
import { parseViewState, serverFilter, serverOrderBy, type RunsViewState } from './view-state';

/** The view kept in the URL's query. */
export const parseRunsListUrl = (p: URLSearchParams): RunsViewState => parseViewState(p);

/** `1,3` from the route's `:experimentIds`. */
export function experimentIdsOf(param: string | undefined): string[] {
  return (param ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** What the list query asks the server for. */
export function runListParams(experimentIds: string[], view: RunsViewState): RunListParams {
  return {
    experimentIds,
    filter: serverFilter(view),
    viewType: view.viewType,
    orderBy: serverOrderBy(view.sort),
  };
}
