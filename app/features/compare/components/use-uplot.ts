/**
 * One uPlot instance per chart: created when the set of series (or the y scale kind)
 * changes, fed with `setData` when only the data changes, resized with `setSize`,
 * destroyed on unmount. uPlot draws lines, bands and grid on canvas; pointer
 * handling and labels are ChartOverlay's and ChartAxes' (cursor and legend off).
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Cell } from '../model/align';
import { MARGIN, X_AXIS_HEIGHT, Y_AXIS_WIDTH, withAlpha } from './chart-geometry';

export type SeriesKind = 'line' | 'mean' | 'lower' | 'upper';

export interface PlotSeries {
  key: string;
  kind: SeriesKind;
  color: string;
  col: Cell[];
}

export interface PlotSpec {
  xs: number[];
  /** uPlot order: per group mean, lower, upper; then the run lines. */
  series: PlotSeries[];
  xDomain: [number, number];
  yDomain: [number, number];
  log: boolean;
  xTicks: number[];
  yTicks: number[];
  /** Thinner run lines under group means. */
  thin: boolean;
}

/**
 * Charts waiting for new data: one redraws per animation frame (100 lines of ~1,000 points
 * cost a frame's budget), so full histories landing in several charts never stack their
 * redraws into one long frame under a moving pointer.
 */
const redraws = new Map<uPlot, () => void>();
let frame = 0;
function flushOne(): void {
  frame = 0;
  const next = redraws.entries().next();
  if (next.done) return;
  redraws.delete(next.value[0]);
  next.value[1]();
  if (redraws.size) frame = requestAnimationFrame(flushOne);
}
function scheduleRedraw(u: uPlot, draw: () => void): void {
  redraws.set(u, draw);
  if (!frame) frame = requestAnimationFrame(flushOne);
}

function structureKey(s: PlotSpec): string {
  return `${s.log}|${s.thin}|${s.series.map((x) => `${x.kind}:${x.key}:${x.color}`).join(',')}`;
}

function toData(s: PlotSpec): uPlot.AlignedData {
  return [s.xs, ...s.series.map((x) => x.col)];
}

/** `get` returns the latest spec: uPlot calls the range and split functions on every redraw. */
function makeOptions(
  get: () => PlotSpec,
  width: number,
  height: number,
  grid: string,
): uPlot.Options {
  const s = get();
  const noLabels = (_u: uPlot, splits: number[]) => splits.map(() => '');
  const axis = (scale: 'x' | 'y', size: number, ticks: () => number[]): uPlot.Axis => ({
    scale,
    size,
    stroke: 'transparent',
    splits: ticks,
    values: noLabels,
    grid: { stroke: grid, width: 1, dash: [3, 3] },
    ticks: { stroke: grid, width: 1, size: 4 },
  });
  const bands: uPlot.Band[] = [];
  const series: uPlot.Series[] = [{}];
  s.series.forEach((x, i) => {
    // 1 px, not 1.2: a 1 px stroke takes the rasterizer's hairline path, ~3-5x faster for
    // 100 lines of ~1,000 points on a software canvas (120-170 ms -> 25-60 ms a redraw).
    if (x.kind === 'line')
      series.push({ stroke: x.color, width: s.thin ? 0.8 : 1, points: { show: false } });
    else if (x.kind === 'mean') series.push({ stroke: x.color, width: 2, points: { show: false } });
    else series.push({ stroke: 'transparent', width: 1, points: { show: false } });
    // Series index i + 1 (0 is x): a group is mean, lower, upper.
    if (x.kind === 'upper') bands.push({ series: [i + 1, i], fill: withAlpha(x.color, 0.2) });
  });
  return {
    width,
    height,
    padding: [MARGIN.top, MARGIN.right, 0, 0],
    legend: { show: false },
    cursor: { show: false },
    select: { show: false, left: 0, top: 0, width: 0, height: 0 },
    scales: {
      // Domains come from the pipeline (zoom, outlier clipping), never from uPlot's autoscale.
      x: { time: false, range: () => get().xDomain },
      y: { distr: s.log ? 3 : 1, range: () => get().yDomain },
    },
    axes: [
      axis('x', X_AXIS_HEIGHT, () => get().xTicks),
      axis('y', Y_AXIS_WIDTH, () => get().yTicks),
    ],
    series,
    bands,
  };
}

/** `visible`: in the viewport. New data for a chart out of it is drawn when it scrolls in. */
export function useUPlot(
  target: React.RefObject<HTMLDivElement | null>,
  spec: PlotSpec | null,
  width: number,
  height: number,
  visible = true,
): void {
  const live = useRef<PlotSpec | null>(spec);
  const plot = useRef<{ u: uPlot; spec: PlotSpec } | null>(null);
  const size = useRef({ width, height });
  const structure = spec ? structureKey(spec) : '';

  useLayoutEffect(() => {
    live.current = spec;
    size.current = { width, height };
  });

  useLayoutEffect(() => {
    const el = target.current;
    const s = live.current;
    if (!el || !s) return;
    const grid = getComputedStyle(el).getPropertyValue('--border').trim() || '#d0d7de';
    const u = new uPlot(
      makeOptions(() => live.current ?? s, size.current.width, size.current.height, grid),
      toData(s),
      el,
    );
    plot.current = { u, spec: s };
    return () => {
      redraws.delete(u);
      u.destroy();
      plot.current = null;
    };
  }, [structure, target]);

  useLayoutEffect(() => {
    const p = plot.current;
    if (!p || !spec || p.spec === spec || !visible) return;
    p.spec = spec;
    scheduleRedraw(p.u, () => p.u.setData(toData(spec)));
  }, [spec, visible]);

  useEffect(() => {
    const p = plot.current;
    if (p && (p.u.width !== width || p.u.height !== height)) p.u.setSize({ width, height });
  }, [width, height]);
}
