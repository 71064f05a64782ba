import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { filterErrorOf, ListBody } from '../../../components/ListBody';
import { ListToolbar } from '../../../components/ListToolbar';
import { useUrlParams } from '../../../components/use-url-state';
import { parseModelListParams } from '../model/list-params';
import { metricColumns } from '../model/metrics';
import { loggedModelListQueryOptions } from '../queries';
import { LoggedModelsTable } from './LoggedModelsTable';

const SEARCH = {
  label: 'Filter models',
  placeholder: "A filter such as metrics.accuracy > 0.9, params.C = '1.0', name LIKE '%clf%'",
};

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
  const query = useInfiniteQuery({
    ...loggedModelListQueryOptions(listParams),
    placeholderData: keepPreviousData,
  });
  const models = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);

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
  const sorting = {
    options: [
      { value: 'creation_time', label: 'Created' },
      { value: 'name', label: 'Name' },
      ...allMetricCols.map((c) => ({
        value: c.datasetName ? `metrics.${c.key}@${c.datasetName}` : `metrics.${c.key}`,
        label: c.label,
      })),
    ],
    defaultSort: 'creation_time',
    defaultDesc: () => true,
  };

  return (
    <div className="logged-models">
      <ListToolbar
        search={SEARCH}
        searchError={filterErrorOf(query)}
        sorting={sorting}
        actions={
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
        }
      />
      <ListBody
        query={query}
        count={models.length}
        loading="Loading models…"
        empty={
          listParams.filter
            ? 'No logged model matches this filter.'
            : 'This experiment has no logged models.'
        }
        errorTitle="Logged models"
        autoLoad={false}
      >
        <LoggedModelsTable
          models={models}
          metricCols={allMetricCols.filter((c) => !hidden.has(metricId(c.label)))}
          paramCols={allParamCols.filter((p) => !hidden.has(paramId(p)))}
        />
      </ListBody>
    </div>
  );
}
