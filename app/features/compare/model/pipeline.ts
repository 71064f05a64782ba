/**
 * The whole reduction of one chart, as one pure function the worker wraps:
 * series -> x transform -> smoothing -> min/max buckets in the visible range
 * (or group mean + band), plus the y domain (extent or 5–95th percentile clip),
 * then everything drawn aligned on one shared x array (the table uPlot takes).
 */
import { alignSeries, type AlignInput, type Cell } from './align';
import { at } from '../../../lib/at';
import { minMaxBucket, type Bucketed, type Marker } from './bucket';
import { alignToGrid, groupStats, makeGrid, type BandKind } from './groups';
import { clipDomain, extentDomain } from './percentile';
import type { RawSeries } from './series';
import { emaDebiased } from './smoothing';
import { toXY, type XMode, type XY } from './x-axis';

export interface LineSpec {
  id: string;
  seriesKey: string;
  /** Series of the x metric when the x axis is another metric. */
  xKey?: string;
  /** False for runs that only feed a collapsed group's mean and band. Default true. */
  draw?: boolean;
}

export interface PipelineRequest {
  lines: LineSpec[];
  xMode: XMode;
  range: [number, number] | null;
  buckets: number;
  smoothing: number;
  log: boolean;
  clipOutliers: boolean;
  groups: { name: string; ids: string[] }[] | null;
  band: BandKind;
}

/** Columns are aligned on `PipelineResult.xs`. */
export interface LineOut {
  id: string;
  ys: Cell[];
  markers: Marker[];
  inRange: number;
  full: boolean;
}

export interface GroupOut {
  name: string;
  mean: Cell[];
  lower: Cell[];
  upper: Cell[];
}

export interface PipelineResult {
  /** Shared, ascending x of every column. */
  xs: number[];
  /** Drawn runs only. */
  lines: LineOut[];
  groups: GroupOut[];
  xDomain: [number, number] | null;
  yDomain: [number, number] | null;
  /** Every run's range is drawn point for point (hidden group members included). */
  full: boolean;
  /** Numeric cells drawn. */
  drawnPoints: number;
}

export function runPipeline(
  get: (key: string) => RawSeries | undefined,
  req: PipelineRequest,
): PipelineResult {
  const xy = new Map<string, XY>();
  let xmin = Infinity;
  let xmax = -Infinity;
  for (const l of req.lines) {
    const s = get(l.seriesKey);
    if (!s) continue;
    const t = toXY(s, req.xMode, l.xKey ? get(l.xKey) : undefined);
    const ys = req.smoothing > 0 ? emaDebiased(t.ys, req.smoothing) : t.ys;
    xy.set(l.id, { xs: t.xs, ys });
    const first = t.xs[0];
    if (first !== undefined) {
      xmin = Math.min(xmin, first);
      xmax = Math.max(xmax, t.xs[t.xs.length - 1] as number); // non-empty
    }
  }
  const full: [number, number] | null =
    xmin <= xmax ? [xmin, xmax === xmin ? xmin + 1 : xmax] : null;
  const [x0, x1] = req.range ?? full ?? [0, 1];
  const bucketed: { id: string; b: Bucketed }[] = [];
  let allFull = true;
  for (const l of req.lines) {
    const t = xy.get(l.id);
    if (!t) continue;
    const b = minMaxBucket(t.xs, t.ys, x0, x1, req.buckets);
    allFull &&= b.full;
    if (l.draw !== false) bucketed.push({ id: l.id, b });
  }
  const groupStatsOut: {
    name: string;
    grid: Float64Array;
    mean: number[];
    lower: number[];
    upper: number[];
  }[] = [];
  const drawn: number[] = [];
  if (req.groups) {
    const grid = makeGrid(x0, x1, Math.max(2, Math.floor(req.buckets / 2)));
    for (const g of req.groups) {
      const members = g.ids.map((id) => xy.get(id)).filter((t): t is XY => !!t);
      const st = groupStats(
        members.map((t) => alignToGrid(t.xs, t.ys, grid)),
        req.band,
      );
      groupStatsOut.push({ name: g.name, grid, mean: st.mean, lower: st.lower, upper: st.upper });
      for (const v of st.lower) drawn.push(v);
      for (const v of st.upper) drawn.push(v);
    }
  }
  for (const { b } of bucketed)
    for (let i = 0; i < b.xs.length; i++) {
      const x = b.xs[i] as number; // i < xs.length = ys.length
      if (x >= x0 && x <= x1) drawn.push(b.ys[i] as number);
    }
  const positive = req.log ? drawn.filter((v) => v > 0) : drawn;
  const yDomain = req.clipOutliers ? clipDomain(positive) : extentDomain(positive, req.log);

  // One table: per group mean, lower, upper; then the drawn runs.
  const inputs: AlignInput[] = [];
  for (const g of groupStatsOut)
    inputs.push(
      { xs: g.grid, ys: g.mean },
      { xs: g.grid, ys: g.lower },
      { xs: g.grid, ys: g.upper },
    );
  for (const { b } of bucketed) inputs.push({ xs: b.xs, ys: b.ys });
  const table = alignSeries(inputs, x0, x1, req.buckets, req.log);
  // alignSeries answers one column per input, in the order of `inputs`.
  const groups: GroupOut[] = groupStatsOut.map((g, i) => ({
    name: g.name,
    mean: at(table.cols, 3 * i, 'group mean column'),
    lower: at(table.cols, 3 * i + 1, 'group lower column'),
    upper: at(table.cols, 3 * i + 2, 'group upper column'),
  }));
  const off = 3 * groupStatsOut.length;
  const lines: LineOut[] = bucketed.map(({ id, b }, i) => ({
    id,
    ys: at(table.cols, off + i, 'line column'),
    markers: b.markers,
    inRange: b.inRange,
    full: b.full,
  }));
  return {
    xs: table.xs,
    lines,
    groups,
    xDomain: req.range ?? full,
    yDomain,
    full: allFull,
    drawnPoints: table.points,
  };
}
