/**
 * The models list's URL: `q` (search text), `sort` (updated|name), `dir` (asc|desc).
 * Parsed and checked once here, for the route's loader and the page alike.
 */
import { isDescending, oneOf } from '../../../lib/url-values';
import type { ModelListParams } from '../queries';
import { modelOrderBy, modelSearchFilter, type ModelSort } from './filter';

export const MODEL_SORTS: readonly ModelSort[] = ['updated', 'name'];

export interface ModelListUrl {
  q: string;
  sort: ModelSort;
  desc: boolean;
}

export function parseModelListUrl(p: URLSearchParams): ModelListUrl {
  const sort = oneOf(p.get('sort'), MODEL_SORTS, 'updated');
  return { q: p.get('q') ?? '', sort, desc: isDescending(p.get('dir'), sort !== 'name') };
}

export function modelListParams(u: ModelListUrl): ModelListParams {
  return { filter: modelSearchFilter(u.q), orderBy: modelOrderBy(u.sort, u.desc) };
}
