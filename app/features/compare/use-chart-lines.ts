/**
 * Data of one line chart: server-sampled series first, then the full histories of
 * the runs in view (cached per run and key), reduced in the worker to min/max
 * buckets for the visible range. Re-runs the reduction when data, zoom or
 * settings change; lines keep showing the previous result meanwhile.
 */
import { useQueries } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BucketEngine } from './engine';
import type { BandKind } from './model/groups';
import type { LineSpec, PipelineResult } from './model/pipeline';
import { estimateTotal, type RawSeries } from './model/series';
import type { XMode } from './model/x-axis';
import { BULK_RUNS, chunk, fullSeriesQueryOptions, sampledMaxResults, sampledSeriesQueryOptions } from './queries';

interface SeriesSet {
  /** runId -> best series available and whether it is the full history. */
  series: Map<string, { s: RawSeries; full: boolean; skey: string }>;
  sampledDone: boolean;
  fullCount: number;
  error: unknown;
}

function useSeriesSet(runIds: string[], key: string, enabled: boolean, maxResults: number, stepRange: [number, number] | null): SeriesSet {
  const batches = useMemo(() => chunk(runIds, BULK_RUNS), [runIds]);
  const sampledParams = useMemo(
    () =>
      batches.map((ids) => ({
        runIds: ids,
        key,
        maxResults,
        ...(stepRange ? { startStep: Math.floor(stepRange[0]), endStep: Math.ceil(stepRange[1]) } : {}),
      })),
    [batches, key, maxResults, stepRange],
  );
  const sampled = useQueries({
    queries: sampledParams.map((p) => ({ ...sampledSeriesQueryOptions(p), enabled, placeholderData: (prev: Record<string, RawSeries> | undefined) => prev })),
  });
  const sampledDone = enabled && sampled.length > 0 && sampled.every((q) => q.data !== undefined);
  const full = useQueries({
    queries: runIds.map((id) => ({ ...fullSeriesQueryOptions(id, key), enabled: enabled && sampledDone })),
  });
  const sampledData = sampled.map((q) => q.data);
  const fullData = full.map((q) => q.data);
  const error = sampled.find((q) => q.error)?.error ?? null;
  // Recompute only when a piece of data changed (arrays above are new every render).
  const sig = [...sampledData, ...fullData];
  const [memo, setMemo] = useState<{ sig: unknown[]; set: SeriesSet } | null>(null);
  let set = memo?.set;
  if (!memo || memo.sig.length !== sig.length || memo.sig.some((v, i) => v !== sig[i]) || memo.set.error !== error) {
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
      if (s) series.set(id, { s, full: false, skey: `s|${id}|${key}|${JSON.stringify(sampledParams[b])}` });
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
  inView: boolean;
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
  const main = useSeriesSet(o.runIds, o.metricKey, o.inView, maxResults, stepRange);
  const xKey = o.xMode.kind === 'metric' ? o.xMode.key : '';
  const xs = useSeriesSet(xKey ? o.runIds : [], xKey, o.inView && !!xKey, maxResults, null);
  const [computed, setComputed] = useState<{ r: PipelineResult; allFull: boolean } | null>(null);
  const result = computed?.r ?? null;
  const { engine } = o;

  const run = useCallback(
    (signal: { stale: boolean }) => {
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
      void engine
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
        .then((r) => {
          if (!signal.stale) setComputed({ r, allFull });
        });
    },
    [engine, main, xs, o.runIds, o.drawIds, o.xMode, o.zoom, o.buckets, o.smoothing, o.log, o.outliers, o.groups, o.band],
  );

  useEffect(() => {
    if (!o.inView || main.series.size === 0) return;
    const signal = { stale: false };
    // Full histories land one by one: reduce at most every 120 ms while they stream in.
    const t = setTimeout(() => run(signal), main.fullCount > 0 && main.fullCount < o.runIds.length ? 120 : 0);
    return () => {
      signal.stale = true;
      clearTimeout(t);
    };
  }, [run, o.inView, main, o.runIds.length]);

  const status = useMemo<ChartStatus>(() => {
    let have = 0;
    let total = 0;
    for (const { s, full } of main.series.values()) {
      have += s.steps.length;
      total += full ? s.steps.length : estimateTotal(s);
    }
    const allFull = !!computed?.allFull;
    return { drawnPoints: result?.drawnPoints ?? 0, have, total, allFull, fullResolution: allFull && !!result && result.full };
  }, [main, result, computed]);

  return { result, status, error: main.error, loading: !result };
}
