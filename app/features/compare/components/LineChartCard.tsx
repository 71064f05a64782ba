/**
 * One line chart: its figure, status and the three layers over each other. uPlot draws
 * lines, group bands and grid on one canvas; ChartAxes puts the tick labels; ChartOverlay
 * handles the pointer. Recharts drew 52,000 SVG points per chart at ~1.3 s a chart for
 * 100 runs (issue #5), so the line layer is canvas; bar and scatter stay recharts.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatDateTime, formatDuration, formatInt, formatNumber } from '../../../lib/format';
import type { BucketEngine } from '../engine';
import { useLoadTurn, useReportLoad } from '../load-order';
import type { BandKind } from '../model/groups';
import type { XMode } from '../model/x-axis';
import { useHighlight } from '../store';
import { useChartLines, type ChartStatus } from '../use-chart-lines';
import { ticksFor } from '../model/ticks';
import { CHART_HEIGHT, plotArea } from './chart-geometry';
import { ChartAxes } from './ChartAxes';
import { ChartOverlay, type MarkedLine, type TipSeries } from './ChartOverlay';
import { SingleValueBars } from './SingleValueBars';
import { useUPlot, type PlotSeries, type PlotSpec } from './use-uplot';

export interface ChartCommon {
  engine: BucketEngine;
  runIds: string[];
  names: Map<string, string>;
  colors: Map<string, string>;
  xMode: XMode;
  zoom: [number, number] | null;
  smoothing: number;
  log: boolean;
  outliers: boolean;
  groups: { name: string; ids: string[]; color: string }[] | null;
  expanded: Set<string>;
  band: BandKind;
  onZoom: (z: [number, number] | null) => void;
}

function xFormatter(m: XMode): (x: number) => string {
  if (m.kind === 'wall') return (x) => formatDateTime(x).slice(11);
  if (m.kind === 'relative') return (x) => formatDuration(x * 1000) || '0s';
  return (x) => formatNumber(x, 3);
}

function statusText(s: ChartStatus): string {
  if (!s.allFull) return `sampled: ${formatInt(s.have)} of ${formatInt(s.total)} points`;
  if (s.fullResolution) return 'full resolution';
  return `min/max of ${formatInt(s.total)} points`;
}

/**
 * Mounts its chart only while near the viewport: charts out of view are neither drawn nor
 * fetched. `visible`: in the viewport itself, where requests go first (load-order.ts).
 */
function useInView<T extends Element>(): [
  React.RefObject<T | null>,
  { near: boolean; visible: boolean; measured: boolean },
] {
  const ref = useRef<T>(null);
  const noIO = typeof IntersectionObserver === 'undefined';
  const [near, setNear] = useState(noIO);
  const [visible, setVisible] = useState<boolean | null>(noIO ? true : null);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((es) => setNear(es.some((e) => e.isIntersecting)), {
      rootMargin: '200px 0px',
    });
    const vo = new IntersectionObserver((es) => setVisible(es.some((e) => e.isIntersecting)));
    io.observe(el);
    vo.observe(el);
    return () => {
      io.disconnect();
      vo.disconnect();
    };
  }, []);
  return [ref, { near, visible: !!visible, measured: visible !== null }];
}

function useWidth(ref: React.RefObject<Element | null>): number {
  const [w, setW] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setW(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setW(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return w;
}

export const LineChartCard = memo(function LineChartCard({
  metricKey,
  c,
}: {
  metricKey: string;
  c: ChartCommon;
}) {
  const [ref, view] = useInView<HTMLElement>();
  const inView = view.near;
  const turn = useLoadTurn(view.measured, view.near, view.visible);
  const bodyRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const width = useWidth(bodyRef) || 480;
  const plot = plotArea(width);
  const highlighted = useHighlight((s) => s.highlighted);
  // Expanded groups draw their runs; the others only their mean and band.
  const visibleRuns = useMemo(() => {
    if (!c.groups) return c.runIds;
    return c.groups.filter((g) => c.expanded.has(g.name)).flatMap((g) => g.ids);
  }, [c.groups, c.expanded, c.runIds]);
  const groupsReq = useMemo(
    () => (c.groups ? c.groups.map((g) => ({ name: g.name, ids: g.ids })) : null),
    [c.groups],
  );
  const {
    result,
    status,
    single: singleAll,
    error,
  } = useChartLines({
    engine: c.engine,
    runIds: c.groups ? c.runIds : visibleRuns,
    drawIds: visibleRuns,
    metricKey,
    xMode: c.xMode,
    zoom: c.zoom,
    buckets: Math.max(50, Math.round(plot.width)),
    smoothing: c.smoothing,
    log: c.log,
    outliers: c.outliers,
    groups: groupsReq,
    band: c.band,
    inView,
    visible: view.visible,
    turn,
  });
  const single = c.groups ? null : singleAll;
  useReportLoad(metricKey, view.visible, !!result || !!error, status.allFull || !!error);

  const formatX = useMemo(() => xFormatter(c.xMode), [c.xMode]);
  const xDomain = result?.xDomain ?? null;
  const yDomain = result?.yDomain ?? null;
  const xTicks = useMemo(
    () => (xDomain ? ticksFor(xDomain, false, Math.max(2, Math.floor(plot.width / 90))) : []),
    [xDomain, plot.width],
  );
  const yTicks = useMemo(
    () => (yDomain ? ticksFor(yDomain, c.log, Math.max(2, Math.floor(plot.height / 40))) : []),
    [yDomain, c.log, plot.height],
  );

  // Data and domains only, never hover state: a new spec means one setData.
  const drawn = useMemo(() => {
    if (!result || !xDomain || !yDomain) return null;
    const series: PlotSeries[] = [];
    const tip: TipSeries[] = [];
    result.groups.forEach((g, i) => {
      const color = c.groups?.[i]?.color ?? '#888';
      series.push({ key: g.name, kind: 'mean', color, col: g.mean });
      series.push({ key: g.name, kind: 'lower', color, col: g.lower });
      series.push({ key: g.name, kind: 'upper', color, col: g.upper });
      tip.push({ name: `${g.name} (mean)`, color, col: g.mean });
    });
    const marked: MarkedLine[] = [];
    for (const l of result.lines) {
      const color = c.colors.get(l.id) ?? '#888';
      const name = c.names.get(l.id) ?? l.id;
      series.push({ key: l.id, kind: 'line', color, col: l.ys });
      tip.push({ name, color, col: l.ys });
      if (l.markers.length) marked.push({ id: l.id, name, color, markers: l.markers });
    }
    const spec: PlotSpec = {
      xs: result.xs,
      series,
      xDomain,
      yDomain,
      log: c.log,
      xTicks,
      yTicks,
      thin: !!c.groups,
    };
    return { spec, tip, marked };
  }, [result, xDomain, yDomain, c.log, c.groups, c.colors, c.names, xTicks, yTicks]);

  useUPlot(
    canvasRef,
    inView && drawn && !single ? drawn.spec : null,
    width,
    CHART_HEIGHT,
    view.visible,
  );

  const highlight = useMemo(() => {
    const l = highlighted ? result?.lines.find((x) => x.id === highlighted) : undefined;
    return l ? { color: c.colors.get(l.id) ?? '#888', col: l.ys } : null;
  }, [highlighted, result, c.colors]);
  const nonFinite = drawn ? drawn.marked.reduce((n, l) => n + l.markers.length, 0) : 0;

  return (
    <figure
      ref={ref}
      className={`chart-card card${highlight ? ' has-highlight' : ''}`}
      aria-label={`${metricKey} chart`}
      data-points={status.drawnPoints}
      data-lines={result?.lines.length ?? 0}
      data-bands={result?.groups.length ?? 0}
      data-state={result ? (status.allFull ? 'full' : 'sampled') : 'loading'}
    >
      <figcaption className="chart-head">
        <strong>{metricKey}</strong>
        <span className="muted chart-status">
          {single ? 'one value per run' : result ? statusText(status) : inView ? 'loading…' : ''}
        </span>
        {nonFinite ? (
          <span className="badge" title="NaN and ±inf are drawn as gaps with markers">
            {nonFinite} NaN/inf marked
          </span>
        ) : null}
        {c.zoom ? (
          <button type="button" className="button small" onClick={() => c.onZoom(null)}>
            Reset zoom
          </button>
        ) : null}
      </figcaption>
      <div ref={bodyRef} className="chart-body" style={{ height: CHART_HEIGHT }}>
        {error ? <ErrorNotice error={error} title={`Could not load ${metricKey}`} /> : null}
        {inView && !single ? (
          <div ref={canvasRef} className="chart-canvas" aria-hidden="true" />
        ) : null}
        {inView && single ? (
          <SingleValueBars
            metricKey={metricKey}
            values={single}
            names={c.names}
            colors={c.colors}
            height={CHART_HEIGHT}
          />
        ) : null}
        {inView && drawn && !single ? (
          <>
            <ChartAxes
              plot={plot}
              xDomain={drawn.spec.xDomain}
              yDomain={drawn.spec.yDomain}
              log={c.log}
              xTicks={xTicks}
              yTicks={yTicks}
              formatX={formatX}
            />
            <ChartOverlay
              plot={plot}
              xDomain={drawn.spec.xDomain}
              yDomain={drawn.spec.yDomain}
              log={c.log}
              xs={drawn.spec.xs}
              tip={drawn.tip}
              marked={drawn.marked}
              highlight={highlight}
              formatX={formatX}
              onZoom={c.onZoom}
              onReset={() => c.onZoom(null)}
            />
          </>
        ) : null}
        {result && !result.lines.length && !result.groups.length ? (
          <div className="empty">No data for these runs</div>
        ) : null}
      </div>
    </figure>
  );
});
