/**
 * Data of one line chart: server-sampled series first, then the full histories of
 * the runs in view (cached per run and key), reduced in the worker to min/max
 * buckets for the visible range. Re-runs the reduction when data, zoom or
 * settings change; lines keep showing the previous result meanwhile.
 */
import { useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { BucketEngine } from './engine';
import type { LoadTurn } from './load-order';
import type { BandKind } from './model/groups';
import type { LineSpec, PipelineResult } from './model/pipeline';
import { estimateTotal, type RawSeries } from './model/series';
import { singleValues } from './model/single-value';
import type { XMode } from './model/x-axis';
import {
  BULK_RUNS,
  chunk,
  fullSeriesQueryOptions,
  sampledMaxResults,
  sampledSeriesQueryOptions,
} from './queries';

interface SeriesSet {
  /** runId -> best series available and whether it is the full history. */
  series: Map<string, { s: RawSeries; full: boolean; skey: string }>;
  sampledDone: boolean;
  fullCount: number;
  error: unknown;
}

/** While full histories stream in, a chart reduces (and redraws) at most this often: hover keeps its frames. */
const REDUCE_EVERY_MS = 250;

/**
 * The full histories of a chart's runs, from the shared cache (fullSeriesQueryOptions):
 * asked for while `enabled`, and handed to React at most every REDUCE_EVERY_MS while
 * they stream in. One observer per run (useQueries) re-rendered the chart, and
 * re-ran 100 observers, for every history that landed: frames lost under the pointer.
 * Leaving (unmount, other runs or key) cancels the requests nobody else watches.
 */
function useFullSeries(
  qc: QueryClient,
  runIds: string[],
  key: string,
  enabled: boolean,
): (RawSeries | undefined)[] {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!enabled || !runIds.length) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = 0;
    const flush = () => {
      timer = undefined;
      if (!alive) return;
      last = performance.now();
      setVersion((v) => v + 1);
    };
    const landed = () => {
      if (alive && timer === undefined)
        timer = setTimeout(flush, Math.max(0, last + REDUCE_EVERY_MS - performance.now()));
    };
    const opts = runIds.map((id) => fullSeriesQueryOptions(id, key));
    for (const o of opts)
      if (qc.getQueryData(o.queryKey) === undefined) qc.fetchQuery(o).then(landed, () => undefined);
    return () => {
      alive = false;
      clearTimeout(timer);
      for (const o of opts) {
        const q = qc.getQueryCache().find({ queryKey: o.queryKey, exact: true });
        if (q && q.state.fetchStatus === 'fetching' && q.getObserversCount() === 0)
          void qc.cancelQueries({ queryKey: o.queryKey, exact: true });
      }
    };
  }, [qc, runIds, key, enabled]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` marks new data in the cache
  return useMemo(
    () => runIds.map((id) => qc.getQueryData<RawSeries>(fullSeriesQueryOptions(id, key).queryKey)),
    [qc, runIds, key, version],
  );
}

function useSeriesSet(
  runIds: string[],
  key: string,
  turn: LoadTurn,
  maxResults: number,
  stepRange: [number, number] | null,
): SeriesSet {
  const enabled = turn.sampled;
  const batches = useMemo(() => chunk(runIds, BULK_RUNS), [runIds]);
  const sampledParams = useMemo(
    () =>
      batches.map((ids) => ({
        runIds: ids,
        key,
        maxResults,
        ...(stepRange
          ? { startStep: Math.floor(stepRange[0]), endStep: Math.ceil(stepRange[1]) }
          : {}),
      })),
    [batches, key, maxResults, stepRange],
  );
  const sampled = useQueries({
    queries: sampledParams.map((p) => ({
      ...sampledSeriesQueryOptions(p),
      enabled,
      placeholderData: (prev: Record<string, RawSeries> | undefined) => prev,
    })),
  });
  const sampledDone = enabled && sampled.length > 0 && sampled.every((q) => q.data !== undefined);
  const qc = useQueryClient();
  const fullData = useFullSeries(qc, runIds, key, turn.full && sampledDone);
  const sampledData = sampled.map((q) => q.data);
  const error = sampled.find((q) => q.error)?.error ?? null;
  // Recompute only when a piece of data changed (arrays above are new every render).
  const sig = [...sampledData, ...fullData];
  const [memo, setMemo] = useState<{ sig: unknown[]; set: SeriesSet } | null>(null);
  let set = memo?.set;
  if (
    !memo ||
    memo.sig.length !== sig.length ||
    memo.sig.some((v, i) => v !== sig[i]) ||
    memo.set.error !== error
  ) {
    const series = new Map<string, { s: RawSeries; full: boolean; skey: string }>();
    let fullCount = 0;
    runIds.forEach((id, i) => {
      const f = fullData[i];
      if (f) {
        fullCount++;
        series.set(id, { s: f, full: true, skey: `f|${id}|${key}` });
        return;
      }
      const b = Math.floor(i / BULK_RUNS);
      const s = sampledData[b]?.[id];
      if (s)
        series.set(id, {
          s,
          full: false,
          skey: `s|${id}|${key}|${JSON.stringify(sampledParams[b])}`,
        });
    });
    set = { series, sampledDone, fullCount, error };
    setMemo({ sig, set });
  }
  return set!;
}

export interface ChartLinesOptions {
  engine: BucketEngine;
  runIds: string[];
  /** Runs drawn as lines (the others only feed their group's mean and band). */
  drawIds: string[];
  metricKey: string;
  xMode: XMode;
  zoom: [number, number] | null;
  buckets: number;
  smoothing: number;
  log: boolean;
  outliers: boolean;
  groups: { name: string; ids: string[] }[] | null;
  band: BandKind;
  /** Mounted near the viewport: reduce and draw what is loaded. */
  inView: boolean;
  /** In the viewport itself: out of it, a chart reduces only when its data is complete. */
  visible: boolean;
  /** What the chart may request now (load-order.ts). */
  turn: LoadTurn;
}

export interface ChartStatus {
  drawnPoints: number;
  /** Points available (full histories count fully). */
  have: number;
  total: number;
  allFull: boolean;
  fullResolution: boolean;
}

export function useChartLines(o: ChartLinesOptions) {
  const maxResults = sampledMaxResults(o.runIds.length, o.buckets);
  const stepRange = o.xMode.kind === 'step' ? o.zoom : null;
  const main = useSeriesSet(o.runIds, o.metricKey, o.turn, maxResults, stepRange);
  const xKey = o.xMode.kind === 'metric' ? o.xMode.key : '';
  const xTurn = useMemo(
    () => ({ sampled: o.turn.sampled && !!xKey, full: o.turn.full && !!xKey }),
    [o.turn.sampled, o.turn.full, xKey],
  );
  const xs = useSeriesSet(xKey ? o.runIds : [], xKey, xTurn, maxResults, null);
  const [computed, setComputed] = useState<{ r: PipelineResult; allFull: boolean } | null>(null);
  const result = computed?.r ?? null;
  const { engine } = o;

  const run = useCallback((): Promise<{ r: PipelineResult; allFull: boolean }> => {
    const lines: LineSpec[] = [];
    const draw = new Set(o.drawIds);
    let allFull = true;
    for (const id of o.runIds) {
      const m = main.series.get(id);
      if (!m || !m.full) allFull = false;
      if (!m) continue;
      engine.put(m.skey, m.s);
      const x = xs.series.get(id);
      if (x) engine.put(x.skey, x.s);
      lines.push({ id, seriesKey: m.skey, xKey: x?.skey, draw: draw.has(id) });
    }
    return engine
      .run({
        lines,
        xMode: o.xMode,
        range: o.zoom,
        buckets: o.buckets,
        smoothing: o.smoothing,
        log: o.log,
        clipOutliers: o.outliers,
        groups: o.groups,
        band: o.band,
      })
      .then((r) => ({ r, allFull }));
  }, [
    engine,
    main,
    xs,
    o.runIds,
    o.drawIds,
    o.xMode,
    o.zoom,
    o.buckets,
    o.smoothing,
    o.log,
    o.outliers,
    o.groups,
    o.band,
  ]);

  // One reduction in flight per chart; data that lands meanwhile is reduced right after it.
  // Results of a reduction are shown even when newer data has landed since (progress while
  // full histories stream in); they are never shown out of order.
  const runRef = useRef(run);
  useLayoutEffect(() => {
    runRef.current = run;
  });
  const flow = useRef({ busy: false, dirty: false, last: 0, streaming: false });
  const dispatch = useCallback(() => {
    const f = flow.current;
    if (f.busy) {
      f.dirty = true;
      return;
    }
    f.busy = true;
    f.dirty = false;
    f.last = performance.now();
    void runRef.current().then((c) => {
      f.busy = false;
      setComputed(c);
      if (f.dirty)
        setTimeout(
          dispatch,
          f.streaming ? Math.max(0, f.last + REDUCE_EVERY_MS - performance.now()) : 0,
        );
    });
  }, []);

  const streaming = main.fullCount > 0 && main.fullCount < o.runIds.length;
  useEffect(() => {
    flow.current.streaming = streaming;
    // Progress while streaming is for the eyes: a chart out of the viewport waits for all of it.
    if (!o.inView || main.series.size === 0 || (streaming && !o.visible)) return;
    const wait = streaming
      ? Math.max(0, flow.current.last + REDUCE_EVERY_MS - performance.now())
      : 0;
    const t = setTimeout(dispatch, wait);
    return () => clearTimeout(t);
  }, [run, dispatch, o.inView, o.visible, main, streaming]);

  const status = useMemo<ChartStatus>(() => {
    let have = 0;
    let total = 0;
    for (const { s, full } of main.series.values()) {
      have += s.steps.length;
      total += full ? s.steps.length : estimateTotal(s);
    }
    const allFull = !!computed?.allFull;
    return {
      drawnPoints: result?.drawnPoints ?? 0,
      have,
      total,
      allFull,
      fullResolution: allFull && !!result && result.full,
    };
  }, [main, result, computed]);

  // A metric logged once per run (best_val_accuracy) has no line to draw: the card shows bars instead.
  const single = useMemo(() => singleValues(o.drawIds, main.series), [o.drawIds, main.series]);

  return { result, status, single, error: main.error, loading: !result };
}
