/**
 * The experiments list's URL: `q` (search text), `view` (ACTIVE_ONLY|DELETED_ONLY|ALL),
 * `sort` (updated|created|name), `dir` (asc|desc). Parsed and checked once here, for
 * the route's loader and the page alike.
 */
import type { ViewType } from '../../../api';
import { isDescending, oneOf } from '../../../lib/url-values';
import type { ExperimentListParams } from '../queries';
import { experimentOrderBy, experimentSearchFilter, type ExperimentSort } from './filter';

export const EXPERIMENT_VIEWS: readonly ViewType[] = ['ACTIVE_ONLY', 'DELETED_ONLY', 'ALL'];
export const EXPERIMENT_SORTS: readonly ExperimentSort[] = ['updated', 'created', 'name'];

export interface ExperimentListUrl {
  q: string;
  view: ViewType;
  sort: ExperimentSort;
  desc: boolean;
}

export function parseExperimentListUrl(p: URLSearchParams): ExperimentListUrl {
  const sort = oneOf(p.get('sort'), EXPERIMENT_SORTS, 'updated');
  return {
    q: p.get('q') ?? '',
    view: oneOf(p.get('view'), EXPERIMENT_VIEWS, 'ACTIVE_ONLY'),
    sort,
    desc: isDescending(p.get('dir'), sort !== 'name'),
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
