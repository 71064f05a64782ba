import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { Run } from '../../api';
import { useUrlParams } from '../../components/use-url-state';
import { withExperimentColumn } from './model/columns';
import { defaultColumns } from './model/defaults';
import { collectKeys } from './model/keys';
import { parseRunsListUrl, runListParams } from './model/list-params';
import { buildGroupRows, buildTreeRows, type TableRow } from './model/rows';
import { toggleOne } from './model/selection';
import { viewStatePatch, type RunsViewState } from './model/view-state';
import { runChildrenQueryOptions } from './queries';
import { useAllRuns } from './use-all-runs';

/**
 * The runs table's data: the view kept in the URL, every matching run (page by
 * page), the children of expanded parents, and the rows the table shows.
 */
export function useRunsView(experimentIds: string[]) {
  const [params, patchUrl] = useUrlParams();
  const view = useMemo(() => parseRunsListUrl(params), [params]);
  const change = useCallback(
    (p: Partial<RunsViewState>) => patchUrl(viewStatePatch(p)),
    [patchUrl],
  );
  const listParams = useMemo(() => runListParams(experimentIds, view), [experimentIds, view]);
  const all = useAllRuns(listParams);

  const runs = useMemo(
    () => (view.topLevelOnly ? all.runs.filter((r) => !r.parentRunId) : all.runs),
    [all.runs, view.topLevelOnly],
  );
  const keys = useMemo(() => collectKeys(all.runs), [all.runs]);
  const columns = useMemo(
    () => withExperimentColumn(view.columns ?? defaultColumns(keys), experimentIds.length > 1),
    [view.columns, keys, experimentIds.length],
  );

  // Children of expanded parents, fetched on demand (whatever the filter).
  const treeMode = !view.groupBy && !view.topLevelOnly;
  const childQueries = useQueries({
    queries: (treeMode ? view.expanded : []).map((id) =>
      runChildrenQueryOptions(id, experimentIds),
    ),
  });
  const fetchedChildren = useMemo(() => {
    const m = new Map<string, Run[]>();
    childQueries.forEach((q, i) => {
      const id = view.expanded[i]; // one query per expanded id
      if (q.data && id !== undefined) m.set(id, q.data);
    });
    return m;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rebuilt when any child list changes
  }, [childQueries.map((q) => q.dataUpdatedAt).join(','), view.expanded]);
  const loadingChildren = useMemo(
    () => new Set(view.expanded.filter((_, i) => childQueries[i]?.isPending)),
    [childQueries, view.expanded],
  );

  const [collapsedGroups, setCollapsedGroups] = useState<Set<string>>(new Set());
  const toggleGroup = useCallback(
    (value: string) => setCollapsedGroups((s) => toggleOne(s, value)),
    [],
  );
  const metricKeys = useMemo(
    () => columns.flatMap((c) => (c.kind === 'metric' && c.mode.kind === 'latest' ? [c.key] : [])),
    [columns],
  );
  const rows: TableRow[] = useMemo(() => {
    if (view.groupBy) return buildGroupRows(runs, view.groupBy, metricKeys, collapsedGroups);
    return buildTreeRows(runs, {
      expanded: new Set(view.expanded),
      fetchedChildren,
      topLevelOnly: view.topLevelOnly,
    });
  }, [
    runs,
    view.groupBy,
    view.expanded,
    view.topLevelOnly,
    metricKeys,
    collapsedGroups,
    fetchedChildren,
  ]);

  const toggleExpand = useCallback(
    (id: string) =>
      change({
        expanded: view.expanded.includes(id)
          ? view.expanded.filter((x) => x !== id)
          : [...view.expanded, id],
      }),
    [change, view.expanded],
  );
  const onSort = useCallback(
    (column: string) => {
      const same = view.sort.column === column;
      // a new column starts descending for metrics (best first for accuracy-like), ascending otherwise
      const desc = same ? !view.sort.desc : column.startsWith('m:') || column === 'created';
      change({ sort: { column, desc } });
    },
    [change, view.sort],
  );

  return {
    view,
    change,
    listParams,
    all,
    runs,
    keys,
    columns,
    fetchedChildren,
    loadingChildren,
    rows,
    toggleGroup,
    toggleExpand,
    onSort,
  };
}
