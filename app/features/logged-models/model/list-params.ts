import type { LoggedModelOrder } from '../../../api';

/**
 * The Models tab's URL state, parsed in one place: `?q=` (the server's filter
 * language), `?sort=<field>` and `?dir=asc|desc`.
 */
export interface ModelListParams {
  filter: string;
  sort: string;
  ascending: boolean;
}

export function parseModelListParams(sp: URLSearchParams): ModelListParams {
  const sort = sp.get('sort') ?? '';
  return {
    filter: sp.get('q') ?? '',
    // Any `metrics.<key>` or `params.<key>` sort is the server's to judge; an empty one is the default.
    sort: sort.trim() || 'creation_time',
    ascending: sp.get('dir') === 'asc',
  };
}

/** `metrics.acc@eval_ds` sorts by a metric measured on one dataset. */
export function orderOf(p: ModelListParams): LoggedModelOrder[] {
  const at = p.sort.startsWith('metrics.') ? p.sort.lastIndexOf('@') : -1;
  if (at > 0)
    return [
      { fieldName: p.sort.slice(0, at), ascending: p.ascending, datasetName: p.sort.slice(at + 1) },
    ];
  return [{ fieldName: p.sort, ascending: p.ascending }];
}
