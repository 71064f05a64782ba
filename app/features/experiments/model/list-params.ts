/**
 * The experiments list's URL: `q` (search text), `view` (ACTIVE_ONLY|DELETED_ONLY|ALL),
 * `sort` (updated|created|name), `dir` (asc|desc). Parsed and checked once here, for
 * the route's loader and the page alike.
 */
import type { ViewType } from '../../../api';
import { oneOf, parseSort, type SortSpec } from '../../../lib/url-values';
import type { ExperimentListParams } from '../queries';
import { experimentOrderBy, experimentSearchFilter, type ExperimentSort } from './filter';

export const EXPERIMENT_VIEWS: readonly ViewType[] = ['ACTIVE_ONLY', 'DELETED_ONLY', 'ALL'];
export const EXPERIMENT_SORTING: SortSpec<ExperimentSort> = {
  options: [
    { value: 'updated', label: 'Last updated' },
    { value: 'created', label: 'Created' },
    { value: 'name', label: 'Name' },
  ],
  defaultSort: 'updated',
  defaultDesc: (s) => s !== 'name',
};

export interface ExperimentListUrl {
  q: string;
  view: ViewType;
  sort: ExperimentSort;
  desc: boolean;
}

export function parseExperimentListUrl(p: URLSearchParams): ExperimentListUrl {
  return {
    q: p.get('q') ?? '',
    view: oneOf(p.get('view'), EXPERIMENT_VIEWS, 'ACTIVE_ONLY'),
    ...parseSort(p, EXPERIMENT_SORTING),
  };
}

/** What the list query asks the server for. */
export function experimentListParams(u: ExperimentListUrl): ExperimentListParams {
  return {
    filter: experimentSearchFilter(u.q),
    viewType: u.view,
    orderBy: experimentOrderBy(u.sort, u.desc),
  };
}
