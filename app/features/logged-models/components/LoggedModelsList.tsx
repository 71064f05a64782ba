import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { isApiError } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { FilterSearchBox } from '../../../components/FilterSearchBox';
import { Spinner } from '../../../components/Spinner';
import { useDebounced } from '../../../components/use-debounced';
import { useUrlParams } from '../../../components/use-url-state';
import { parseModelListParams } from '../model/list-params';
import { metricColumns } from '../model/metrics';
import { loggedModelListQueryOptions } from '../queries';
import { LoggedModelsTable } from './LoggedModelsTable';
import { LoadMoreButton } from '../../../components/LoadMoreButton';

/**
 * An experiment's logged models: the server searches, filters (its own filter
 * language: `metrics.acc > 0.9`, `params.C = '1.0'`, `name LIKE '%clf%'`) and
 * sorts; pages load on demand. Columns for every metric (per dataset) and
 * param of the loaded models, each one hideable (`?hide=` in the URL).
 */
export function LoggedModelsList({ experimentId }: { experimentId: string }) {
  const [params, patch] = useUrlParams();
  const listParams = useMemo(
    () => ({ experimentId, ...parseModelListParams(params) }),
    [experimentId, params],
  );
  const [text, setText] = useState(listParams.filter);
  const debounced = useDebounced(text, 300);
  useEffect(() => {
    if (debounced !== listParams.filter) patch({ q: debounced });
  }, [debounced, listParams.filter, patch]);

  const query = useInfiniteQuery({
    ...loggedModelListQueryOptions(listParams),
    placeholderData: keepPreviousData,
  });
  const models = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const filterError =
    query.isError && isApiError(query.error) && query.error.status === 400 ? query.error : null;

  const allMetricCols = useMemo(() => metricColumns(models), [models]);
  const allParamCols = useMemo(
    () => [...new Set(models.flatMap((m) => Object.keys(m.params)))].sort(),
    [models],
  );
  const hidden = useMemo(
    () => new Set((params.get('hide') ?? '').split(',').filter(Boolean)),
    [params],
  );
  const toggle = (id: string) => {
    const next = new Set(hidden);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    patch({ hide: [...next].join(',') });
  };
  const metricId = (label: string) => `m:${label}`;
  const paramId = (p: string) => `p:${p}`;
  const sortOptions = [
    ['creation_time', 'Created'],
    ['name', 'Name'],
    ...allMetricCols.map((c) => [
      c.datasetName ? `metrics.${c.key}@${c.datasetName}` : `metrics.${c.key}`,
      c.label,
    ]),
  ];

  return (
    <div className="logged-models">
      <div className="toolbar">
        <FilterSearchBox
          label="Filter models"
          placeholder="A filter such as metrics.accuracy > 0.9, params.C = '1.0', name LIKE '%clf%'"
          value={text}
          onChange={setText}
          error={filterError}
        />
        <label htmlFor="models-sort">Sort by</label>
        <select
          id="models-sort"
          value={listParams.sort}
          onChange={(e) =>
            patch({ sort: e.target.value === 'creation_time' ? null : e.target.value })
          }
        >
          {sortOptions.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button small"
          onClick={() => patch({ dir: listParams.ascending ? null : 'asc' })}
        >
          {listParams.ascending ? 'Ascending' : 'Descending'}
        </button>
        <details className="column-picker">
          <summary className="button small">Columns</summary>
          <fieldset className="column-picker-body">
            <legend>Shown columns</legend>
            {[...allMetricCols.map((c) => metricId(c.label)), ...allParamCols.map(paramId)].map(
              (id) => (
                <label key={id} className="inline-check">
                  <input type="checkbox" checked={!hidden.has(id)} onChange={() => toggle(id)} />
                  {id.startsWith('m:') ? `metric ${id.slice(2)}` : `param ${id.slice(2)}`}
                </label>
              ),
            )}
          </fieldset>
        </details>
      </div>
      {query.isPending ? (
        <Spinner label="Loading models…" />
      ) : query.isError && !filterError ? (
        <ErrorNotice
          title="Logged models"
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : models.length === 0 ? (
        <p className="empty">
          {listParams.filter
            ? 'No logged model matches this filter.'
            : 'This experiment has no logged models.'}
        </p>
      ) : (
        <LoggedModelsTable
          models={models}
          metricCols={allMetricCols.filter((c) => !hidden.has(metricId(c.label)))}
          paramCols={allParamCols.filter((p) => !hidden.has(paramId(p)))}
        />
      )}
      <LoadMoreButton pager={query} label="Load more" />
    </div>
  );
}
