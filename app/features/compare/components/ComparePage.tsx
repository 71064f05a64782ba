import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Spinner } from '../../../components/Spinner';
import { useDebounced } from '../../../components/use-debounced';
import { useUrlParams } from '../../../components/use-url-state';
import { BucketEngine } from '../engine';
import { groupRuns } from '../model/groups';
import {
  comparePatch,
  parseCompareState,
  TABS,
  type CompareState,
  type CompareTab,
} from '../model/url-state';
import { formatXMode, parseXMode } from '../model/x-axis';
import { compareRunsQueryOptions } from '../queries';
import { runColor } from './chart-geometry';
import { ChartsPanel } from './ChartsPanel';
import { ImageGrid } from './ImageGrid';
import type { ChartCommon } from './LineChartCard';
import { ParallelCoords } from './ParallelCoords';
import { RunDiffTable } from './RunDiffTable';
import { useDocumentTitle } from '../../../components/use-document-title';

// recharts (~400 kB) is only for these two tabs: out of the chunk the line charts wait for.
const BarPanel = lazy(() => import('./BarPanel').then((m) => ({ default: m.BarPanel })));
const ScatterPanel = lazy(() =>
  import('./ScatterPanel').then((m) => ({ default: m.ScatterPanel })),
);

const TAB_LABEL: Record<CompareTab, string> = {
  charts: 'Line charts',
  bar: 'Bar chart',
  scatter: 'Scatter',
  parallel: 'Parallel coordinates',
  images: 'Images',
  diff: 'Run diff',
};

export function ComparePage() {
  const [params, patch] = useUrlParams();
  const state = useMemo(() => parseCompareState(params), [params]);
  const set = useCallback((s: Partial<CompareState>) => patch(comparePatch(s)), [patch]);
  const runsQuery = useQuery(compareRunsQueryOptions(state.runIds, state.experimentIds, state.top));
  const runs = useMemo(() => runsQuery.data ?? [], [runsQuery.data]);
  const [engine] = useState(() => new BucketEngine());
  useEffect(() => () => engine.dispose(), [engine]);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());

  // The slider moves faster than charts should re-reduce: the URL follows it, debounced.
  const [smooth, setSmooth] = useState(state.smoothing);
  const smoothDebounced = useDebounced(smooth, 150);
  useEffect(() => {
    if (smoothDebounced !== state.smoothing) set({ smoothing: smoothDebounced });
  }, [smoothDebounced, state.smoothing, set]);

  const layoutKey = state.experimentIds.join(',') || (runs[0]?.info.experimentId ?? 'none');
  const metricKeys = useMemo(
    () => [...new Set(runs.flatMap((r) => Object.keys(r.metrics)))].sort(),
    [runs],
  );
  const paramKeys = useMemo(
    () => [...new Set(runs.flatMap((r) => Object.keys(r.params)))].sort(),
    [runs],
  );
  const tagKeys = useMemo(
    () =>
      [...new Set(runs.flatMap((r) => Object.keys(r.tags)))]
        .filter((k) => !k.startsWith('mlflow.'))
        .sort(),
    [runs],
  );
  const runIds = useMemo(() => runs.map((r) => r.info.id), [runs]);
  const names = useMemo(
    () => new Map(runs.map((r) => [r.info.id, r.info.name || r.info.id])),
    [runs],
  );
  const colors = useMemo(() => new Map(runs.map((r, i) => [r.info.id, runColor(i)])), [runs]);
  const groups = useMemo(() => {
    if (!state.groupBy) return null;
    const simple = runs.map((r) => ({ id: r.info.id, params: r.params, tags: r.tags }));
    return groupRuns(simple, state.groupBy).map((g, i) => ({
      name: g.name,
      ids: g.runIds,
      color: runColor(i),
    }));
  }, [runs, state.groupBy]);
  useDocumentTitle(
    state.runIds.length || runs.length
      ? `Compare ${state.runIds.length || runs.length} runs`
      : 'Compare runs',
  );
  const onZoom = useCallback((zoom: [number, number] | null) => set({ zoom }), [set]);

  const common = useMemo<ChartCommon>(
    () => ({
      engine,
      runIds,
      names,
      colors,
      xMode: state.xMode,
      zoom: state.zoom,
      smoothing: state.smoothing,
      log: state.log,
      outliers: state.outliers,
      groups,
      expanded,
      band: state.band,
      onZoom,
    }),
    [
      engine,
      runIds,
      names,
      colors,
      state.xMode,
      state.zoom,
      state.smoothing,
      state.log,
      state.outliers,
      groups,
      expanded,
      state.band,
      onZoom,
    ],
  );

  if (state.runIds.length === 0 && !(state.top > 0 && state.experimentIds.length))
    return (
      <section className="page">
        <h1>Compare runs</h1>
        <div className="empty">
          No runs selected. Pick runs in an experiment's runs table and press Compare.
        </div>
      </section>
    );

  return (
    <section className="page page-wide compare-page">
      <div className="toolbar">
        <h1 style={{ margin: 0 }}>Compare {state.runIds.length || runs.length} runs</h1>
        {runsQuery.isPending ? <Spinner label="Loading runs…" /> : null}
      </div>
      {runsQuery.error ? (
        <ErrorNotice
          error={runsQuery.error}
          title="Could not load runs"
          onRetry={() => void runsQuery.refetch()}
        />
      ) : null}
      {runsQuery.isSuccess && state.runIds.length > 0 && runs.length < state.runIds.length ? (
        <div className="muted">
          {state.runIds.length - runs.length} of the requested runs were not found.
        </div>
      ) : null}
      <div className="tabs" role="tablist" aria-label="Compare views">
        {TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={state.tab === t}
            onClick={() => set({ tab: t })}
          >
            {TAB_LABEL[t]}
          </button>
        ))}
      </div>
      {state.tab === 'charts' ? (
        <div role="tabpanel" aria-label={TAB_LABEL.charts}>
          <div className="toolbar compare-controls">
            <label className="field-inline">
              X axis
              <select
                value={formatXMode(state.xMode)}
                onChange={(e) => set({ xMode: parseXMode(e.target.value), zoom: null })}
              >
                <option value="step">Step</option>
                <option value="wall">Wall time</option>
                <option value="relative">Relative time</option>
                {metricKeys.map((k) => (
                  <option key={k} value={`metric:${k}`}>
                    Metric: {k}
                  </option>
                ))}
              </select>
            </label>
            <label className="field-inline">
              Smoothing
              <input
                type="range"
                min={0}
                max={0.99}
                step={0.01}
                value={smooth}
                onChange={(e) => setSmooth(Number(e.target.value))}
              />
              <output className="num">{smooth.toFixed(2)}</output>
            </label>
            <label className="field-inline">
              <input
                type="checkbox"
                checked={state.log}
                onChange={(e) => set({ log: e.target.checked })}
              />
              Log scale
            </label>
            <label className="field-inline">
              <input
                type="checkbox"
                checked={state.outliers}
                onChange={(e) => set({ outliers: e.target.checked })}
              />
              Ignore outliers
            </label>
            <label className="field-inline">
              Group by
              <select
                value={state.groupBy ? `${state.groupBy.kind}:${state.groupBy.key}` : ''}
                onChange={(e) => {
                  const v = e.target.value;
                  const i = v.indexOf(':');
                  set({
                    groupBy: v
                      ? { kind: v.slice(0, i) === 'tag' ? 'tag' : 'param', key: v.slice(i + 1) }
                      : null,
                  });
                  setExpanded(new Set());
                }}
              >
                <option value="">None</option>
                {paramKeys.map((k) => (
                  <option key={`p-${k}`} value={`param:${k}`}>
                    Param: {k}
                  </option>
                ))}
                {tagKeys.map((k) => (
                  <option key={`t-${k}`} value={`tag:${k}`}>
                    Tag: {k}
                  </option>
                ))}
              </select>
            </label>
            {state.groupBy ? (
              <label className="field-inline">
                Band
                <select
                  value={state.band}
                  onChange={(e) => set({ band: e.target.value as CompareState['band'] })}
                >
                  <option value="minmax">Min–max</option>
                  <option value="std">Std dev</option>
                  <option value="stderr">Std error</option>
                </select>
              </label>
            ) : null}
            {state.zoom ? (
              <button type="button" className="button small" onClick={() => set({ zoom: null })}>
                Reset zoom
              </button>
            ) : null}
          </div>
          {runs.length ? (
            <ChartsPanel
              layoutKey={layoutKey}
              runs={runs}
              metricKeys={metricKeys}
              common={common}
              filter={state.filter}
              onFilter={(filter) => set({ filter })}
              onToggleGroup={(name) =>
                setExpanded((prev) => {
                  const next = new Set(prev);
                  if (!next.delete(name)) next.add(name);
                  return next;
                })
              }
            />
          ) : null}
        </div>
      ) : (
        <div role="tabpanel" aria-label={TAB_LABEL[state.tab]}>
          <Suspense fallback={<Spinner label="Loading chart…" />}>
            {state.tab === 'bar' ? (
              <BarPanel layoutKey={layoutKey} runs={runs} metricKeys={metricKeys} colors={colors} />
            ) : null}
            {state.tab === 'scatter' ? (
              <ScatterPanel
                layoutKey={layoutKey}
                runs={runs}
                metricKeys={metricKeys}
                paramKeys={paramKeys}
              />
            ) : null}
          </Suspense>
          {state.tab === 'parallel' ? (
            <ParallelCoords
              layoutKey={layoutKey}
              runs={runs}
              metricKeys={metricKeys}
              paramKeys={paramKeys}
              colors={colors}
            />
          ) : null}
          {state.tab === 'images' ? <ImageGrid runs={runs} /> : null}
          {state.tab === 'diff' ? <RunDiffTable runs={runs} /> : null}
        </div>
      )}
    </section>
  );
}
