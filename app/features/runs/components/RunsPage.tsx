import { useQueries } from '@tanstack/react-query';
import type { Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Run } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { toast } from '../../../components/toast-store';
import { useUrlParams } from '../../../components/use-url-state';
import { userMessage } from '../../../api';
import type { ColumnSpec } from '../model/columns';
import { runsToCsv } from '../model/csv';
import { defaultColumns } from '../model/defaults';
import { collectKeys } from '../model/keys';
import { buildGroupRows, buildTreeRows, type TableRow } from '../model/rows';
import { pruneSelection, selectRange, toggleOne } from '../model/selection';
import {
  parseViewState,
  serverFilter,
  serverOrderBy,
  viewStatePatch,
  type RunsViewState,
} from '../model/view-state';
import { fetchAllRuns, runChildrenQueryOptions, type RunListParams } from '../queries';
import { useRunsUiStore } from '../store';
import { useAllRuns } from '../use-all-runs';
import { ColumnPicker } from './ColumnPicker';
import { RunsSearchBox } from './RunsSearchBox';
import { RunsTable } from './RunsTable';
import { SelectionBar } from './SelectionBar';
import { RunsTableContext, type RunsTableActions } from './table-columns';
import { useRunKeyboard } from './use-run-keyboard';
import { ViewControls } from './ViewControls';
import { formatInt } from '../../../lib/format';
import { runPath } from '../../../lib/paths';

export function runListParams(experimentIds: string[], view: RunsViewState): RunListParams {
  return {
    experimentIds,
    filter: serverFilter(view),
    viewType: view.viewType,
    orderBy: serverOrderBy(view.sort),
  };
}

/** The runs of one or more experiments: filter, table, selection and actions. */
export function RunsPage({ experimentIds }: { experimentIds: string[] }) {
  const [params, patchUrl] = useUrlParams();
  const view = useMemo(() => parseViewState(params), [params]);
  const change = useCallback(
    (p: Partial<RunsViewState>) => patchUrl(viewStatePatch(p)),
    [patchUrl],
  );
  const listParams = useMemo(() => runListParams(experimentIds, view), [experimentIds, view]);
  const all = useAllRuns(listParams);
  const remember = useRunsUiStore((s) => s.remember);

  const runs = useMemo(
    () => (view.topLevelOnly ? all.runs.filter((r) => !r.parentRunId) : all.runs),
    [all.runs, view.topLevelOnly],
  );
  const keys = useMemo(() => collectKeys(all.runs), [all.runs]);
  const columns = useMemo(() => view.columns ?? defaultColumns(keys), [view.columns, keys]);

  // Children of expanded parents, fetched on demand (whatever the filter).
  const treeMode = !view.groupBy && !view.topLevelOnly;
  const childQueries = useQueries({
    queries: (treeMode ? view.expanded : []).map((id) =>
      runChildrenQueryOptions(id, experimentIds),
    ),
  });
  const fetchedChildren = useMemo(() => {
    const m = new Map<string, Run[]>();
    childQueries.forEach((q, i) => q.data && m.set(view.expanded[i], q.data));
    return m;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rebuilt when any child list changes
  }, [childQueries.map((q) => q.dataUpdatedAt).join(','), view.expanded]);
  const loadingChildren = useMemo(
    () => new Set(view.expanded.filter((_, i) => childQueries[i]?.isPending)),
    [childQueries, view.expanded],
  );

  const [collapsedGroups, setCollapsedGroups] = useState<Set<string>>(new Set());
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

  // Selection, by run id: survives refreshes, re-sorts and paging.
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const anchor = useRef<string | null>(null);
  useEffect(() => {
    if (!all.complete) return;
    setSelected((s) => {
      if (!s.size) return s;
      const present = new Set(runs.map((r) => r.info.id));
      for (const c of fetchedChildren.values()) for (const r of c) present.add(r.info.id);
      const next = pruneSelection(s, present);
      return next.size === s.size ? s : next;
    });
  }, [all.complete, runs, fetchedChildren]);
  const orderedIds = useMemo(
    () => rows.flatMap((r) => (r.kind === 'run' ? [r.run.info.id] : [])),
    [rows],
  );
  const onCheck = useCallback(
    (id: string, shift: boolean) => {
      const from = anchor.current; // read now: the updater runs later
      setSelected((s) => (shift ? selectRange(s, orderedIds, from, id) : toggleOne(s, id)));
      anchor.current = id;
    },
    [orderedIds],
  );
  const allSelected =
    runs.length > 0 && selected.size >= runs.length && runs.every((r) => selected.has(r.info.id));
  const selectAll = useCallback(() => setSelected(new Set(runs.map((r) => r.info.id))), [runs]);
  const clear = useCallback(() => setSelected(new Set()), []);

  const toggleExpand = useCallback(
    (id: string) =>
      change({
        expanded: view.expanded.includes(id)
          ? view.expanded.filter((x) => x !== id)
          : [...view.expanded, id],
      }),
    [change, view.expanded],
  );
  const actions: RunsTableActions = useMemo(
    () => ({
      isSelected: (id) => selected.has(id),
      onCheck,
      allSelected,
      someSelected: selected.size > 0,
      onCheckAll: () => (allSelected ? clear() : selectAll()),
      onToggleExpand: toggleExpand,
      onToggleGroup: (v) => setCollapsedGroups((s) => toggleOne(s, v)),
      loadingChildren: (id) => loadingChildren.has(id),
    }),
    [selected, onCheck, allSelected, clear, selectAll, toggleExpand, loadingChildren],
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

  const navigate = useNavigate();
  const onRowOpen = useCallback(
    (r: TableRow) =>
      r.kind === 'run' &&
      navigate(runPath({ experimentId: r.run.info.experimentId, runId: r.run.info.id })),
    [navigate],
  );
  const [activeIndex, setActiveIndex] = useState(-1);
  const virtualizerRef = useRef<Virtualizer<HTMLDivElement, Element> | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useRunKeyboard({
    focusSearch: () => searchRef.current?.focus(),
    move: (d) => {
      const next = Math.max(0, Math.min(rows.length - 1, activeIndex + d));
      setActiveIndex(next);
      virtualizerRef.current?.scrollToIndex(next, { align: 'auto' });
    },
    open: () => {
      const r = rows[activeIndex];
      if (r) onRowOpen(r);
    },
    toggle: () => {
      const r = rows[activeIndex];
      if (r?.kind === 'run') onCheck(r.run.info.id, false);
      else if (r?.kind === 'group') setCollapsedGroups((s) => toggleOne(s, r.value));
    },
  });

  const [picking, setPicking] = useState(false);
  const setColumns = useCallback((c: ColumnSpec[]) => change({ columns: c }), [change]);
  const [exporting, setExporting] = useState(false);
  const exportCsv = async () => {
    setExporting(true);
    try {
      const source = all.complete ? all.runs : await fetchAllRuns(listParams);
      const list = view.topLevelOnly ? source.filter((r) => !r.parentRunId) : source;
      downloadText(runsToCsv(list, columns), `runs-${experimentIds.join('-')}.csv`);
    } catch (e) {
      toast.error(`Could not export: ${userMessage(e)}`);
    } finally {
      setExporting(false);
    }
  };

  const submitFilter = (f: string) => {
    change({ filter: f });
    if (f) remember(f);
  };
  const topIds = useMemo(() => orderedIds.slice(0, 10), [orderedIds]);
  const selectedIds = useMemo(() => [...selected], [selected]);
  const anyRunning = all.runs.some((r) => r.info.status === 'RUNNING');

  return (
    <div className="runs-page">
      <div className="toolbar">
        <RunsSearchBox
          value={view.filter}
          keys={keys}
          error={all.filterError}
          onSubmit={submitFilter}
          inputRef={searchRef}
        />
        <div className="popover-anchor">
          <button
            type="button"
            className="button"
            aria-expanded={picking}
            onClick={() => setPicking((p) => !p)}
          >
            Columns
          </button>
          {picking ? (
            <ColumnPicker
              columns={columns}
              keys={keys}
              onChange={setColumns}
              onClose={() => setPicking(false)}
            />
          ) : null}
        </div>
      </div>
      <ViewControls view={view} keys={keys} onChange={change} />
      <SelectionBar
        selectedIds={selectedIds}
        topIds={topIds}
        experimentIds={experimentIds}
        viewType={view.viewType}
        matching={runs.length}
        complete={all.complete}
        onSelectAll={selectAll}
        onClear={clear}
        onExport={() => void exportCsv()}
        exporting={exporting}
      />
      <p className="muted runs-progress" role="status" aria-live="polite">
        {all.pending
          ? null
          : all.complete
            ? `${formatInt(runs.length)} run${runs.length === 1 ? '' : 's'}`
            : `${formatInt(all.runs.length)} of more runs loaded…`}
        {anyRunning ? ' · auto-refreshing while runs are in progress' : ''}
      </p>
      {all.pending ? <Spinner label="Loading runs…" /> : null}
      {all.error ? <ErrorNotice error={all.error} onRetry={all.refetch} /> : null}
      {!all.pending && !rows.length && !all.error ? (
        <p className="empty">
          {view.filter || view.status ? 'No run matches this filter.' : 'No runs here yet.'}
        </p>
      ) : null}
      {rows.length ? (
        <RunsTableContext.Provider value={actions}>
          <RunsTable
            rows={rows}
            specs={columns}
            sort={view.sort}
            onSort={onSort}
            activeIndex={activeIndex}
            onRowOpen={onRowOpen}
            onRowActivate={setActiveIndex}
            virtualizerRef={virtualizerRef}
            isSelected={actions.isSelected}
          />
        </RunsTableContext.Provider>
      ) : null}
    </div>
  );
}

function downloadText(text: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
