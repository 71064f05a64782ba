/**
 * The models list's URL: `q` (search text), `sort` (updated|name), `dir` (asc|desc).
 * Parsed and checked once here, for the route's loader and the page alike.
 */
import { parseSort, type SortSpec } from '../../../lib/url-values';
import type { ModelListParams } from '../queries';
import { modelOrderBy, modelSearchFilter, type ModelSort } from './filter';

export const MODEL_SORTING: SortSpec<ModelSort> = {
  options: [
    { value: 'updated', label: 'Last updated' },
    { value: 'name', label: 'Name' },
  ],
  defaultSort: 'updated',
  defaultDesc: (s) => s !== 'name',
};

export interface ModelListUrl {
  q: string;
  sort: ModelSort;
  desc: boolean;
}

export function parseModelListUrl(p: URLSearchParams): ModelListUrl {
  return { q: p.get('q') ?? '', ...parseSort(p, MODEL_SORTING) };
}

export function modelListParams(u: ModelListUrl): ModelListParams {
  return { filter: modelSearchFilter(u.q), orderBy: modelOrderBy(u.sort, u.desc) };
}
