import type { Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { userMessage } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { toast } from '../../../components/toast-store';
import { downloadText } from '../../../lib/download';
import { formatInt } from '../../../lib/format';
import { runPath } from '../../../lib/paths';
import type { ColumnSpec } from '../model/columns';
import { allColumns, runsCsvFileName, runsToCsv, type ExportScope } from '../model/csv';
import { collectKeys } from '../model/keys';
import { valuesFor } from '../model/filter-help';
import type { TableRow } from '../model/rows';
import { fetchAllRuns } from '../queries';
import { useRunsUiStore } from '../store';
import { useRunSelection } from '../use-run-selection';
import { useRunsView } from '../use-runs-view';
import { ColumnPicker } from './ColumnPicker';
import { RunsSearchBox } from './RunsSearchBox';
import { RunsTable } from './RunsTable';
import { SelectionBar } from './SelectionBar';
import { RunsTableContext, type RunsTableActions } from './table-columns';
import { useRunKeyboard } from './use-run-keyboard';
import { ViewControls } from './ViewControls';

/** The runs of one or more experiments: filter, table, selection and actions. */
export function RunsPage({ experimentIds }: { experimentIds: string[] }) {
  const v = useRunsView(experimentIds);
  const { view, change, listParams, all, runs, keys, columns, rows } = v;
  const sel = useRunSelection({
    runs,
    rows,
    fetchedChildren: v.fetchedChildren,
    complete: all.complete,
  });
  const remember = useRunsUiStore((s) => s.remember);

  const valuesOf = useCallback(
    (entity: string, key: string) => valuesFor(all.runs, entity, key),
    [all.runs],
  );
  const actions: RunsTableActions = useMemo(
    () => ({
      isSelected: sel.isSelected,
      onCheck: sel.onCheck,
      allSelected: sel.allSelected,
      someSelected: sel.selected.size > 0,
      onCheckAll: () => (sel.allSelected ? sel.clear() : sel.selectAll()),
      onToggleExpand: v.toggleExpand,
      onToggleGroup: v.toggleGroup,
      loadingChildren: (id) => v.loadingChildren.has(id),
    }),
    [sel, v.toggleExpand, v.toggleGroup, v.loadingChildren],
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
      if (r?.kind === 'run') sel.onCheck(r.run.info.id, false);
      else if (r?.kind === 'group') v.toggleGroup(r.value);
    },
  });

  const [picking, setPicking] = useState(false);
  const setColumns = useCallback((c: ColumnSpec[]) => change({ columns: c }), [change]);
  const [exporting, setExporting] = useState(false);
  const exportCsv = async (scope: ExportScope) => {
    setExporting(true);
    try {
      const source = all.complete ? all.runs : await fetchAllRuns(listParams);
      const list = view.topLevelOnly ? source.filter((r) => !r.parentRunId) : source;
      downloadText(
        runsToCsv(list, scope === 'all' ? allColumns(collectKeys(list)) : columns),
        runsCsvFileName(experimentIds),
      );
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
  const topIds = useMemo(() => sel.orderedIds.slice(0, 10), [sel.orderedIds]);
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
          valuesOf={valuesOf}
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
        selectedIds={sel.selectedIds}
        topIds={topIds}
        experimentIds={experimentIds}
        viewType={view.viewType}
        matching={runs.length}
        complete={all.complete}
        onSelectAll={sel.selectAll}
        onClear={sel.clear}
        onExport={(scope) => void exportCsv(scope)}
        exporting={exporting}
      />
      <p className="muted runs-progress" role="status" aria-live="polite">
        {all.pending
          ? null
          : all.filterError
            ? `Showing the ${formatInt(all.runs.length)} runs of the last filter that worked: this one has an error (see above)`
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
            onSort={v.onSort}
            activeIndex={activeIndex}
            onRowOpen={onRowOpen}
            onRowActivate={setActiveIndex}
            virtualizerRef={virtualizerRef}
          />
        </RunsTableContext.Provider>
      ) : null}
    </div>
  );
}
