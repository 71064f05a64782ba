/**
 * Series with x values of their own -> one shared ascending x array with one column
 * per series: the table uPlot draws. Exact x values are kept when their union is
 * small; otherwise each point is snapped to one of SLOTS positions inside its pixel
 * bucket (a third of a pixel off at most, so the drawing does not change) and the
 * table stays about 3 × buckets wide however many runs there are.
 *
 * Cells: a number is drawn; null is a gap (NaN/±inf, or ≤ 0 on a log axis); undefined
 * means "no point of this series here" and uPlot draws straight across it.
 * x0 and x1 get each series' value interpolated from its neighbours either side, so
 * lines reach the plot edges without drawing outside the range.
 */
import { lowerBound, upperBound } from './bucket';

export type Cell = number | null | undefined;

export interface AlignInput {
  xs: ArrayLike<number>;
  /** NaN and ±inf are gaps. */
  ys: ArrayLike<number>;
}

export interface Aligned {
  xs: number[];
  cols: Cell[][];
  /** Numeric cells, i.e. points drawn. */
  points: number;
}

/** Snap positions per bucket: min, max and one gap fit without colliding. */
export const SLOTS = 3;

function drawable(v: number, log: boolean): boolean {
  return Number.isFinite(v) && (!log || v > 0);
}

function lerp(xa: number, ya: number, xb: number, yb: number, x: number, log: boolean): number {
  const t = xb === xa ? 0 : (x - xa) / (xb - xa);
  if (log) return 10 ** (Math.log10(ya) + (Math.log10(yb) - Math.log10(ya)) * t);
  return ya + (yb - ya) * t;
}

/** Value at `x` on the segment between points i-1 and i; null when either end is a gap. */
function edgeCell(s: AlignInput, i: number, x: number, log: boolean): Cell {
  if (i <= 0 || i >= s.xs.length) return undefined;
  // 0 < i < length, and ys is as long as xs.
  const ya = s.ys[i - 1] as number;
  const yb = s.ys[i] as number;
  if (!drawable(ya, log) || !drawable(yb, log)) return null;
  return lerp(s.xs[i - 1] as number, ya, s.xs[i] as number, yb, x, log);
}

/** Union of the in-range x values, or null once it grows past `limit`. */
function unionOf(series: AlignInput[], x0: number, x1: number, limit: number): number[] | null {
  const seen = new Set<number>();
  for (const s of series) {
    const hi = upperBound(s.xs, x1);
    for (let i = lowerBound(s.xs, x0); i < hi; i++) {
      seen.add(s.xs[i] as number); // i < hi <= xs.length
      if (seen.size > limit) return null;
    }
  }
  return Array.from(seen).sort((a, b) => a - b);
}

export function alignSeries(
  series: AlignInput[],
  x0: number,
  x1: number,
  buckets: number,
  log = false,
): Aligned {
  const nb = Math.max(1, Math.floor(buckets));
  const union = x1 > x0 ? unionOf(series, x0, x1, SLOTS * nb) : [];
  let xs: number[];
  let slotOf: (x: number, prev: number) => number;
  if (union) {
    // Exact: slot 0 is x0, then the union, then x1 (an edge coinciding with a point is that point).
    const head = union.length && union[0] === x0 ? 0 : 1;
    xs = head ? [x0, ...union] : [...union];
    if (!union.length || union[union.length - 1] !== x1) xs.push(x1);
    slotOf = (x) => lowerBound(xs, x);
  } else {
    const w = (x1 - x0) / nb;
    xs = new Array<number>(2 + SLOTS * nb);
    xs[0] = x0;
    xs[xs.length - 1] = x1;
    for (let b = 0; b < nb; b++)
      for (let k = 0; k < SLOTS; k++) xs[1 + b * SLOTS + k] = x0 + (b + (k + 0.5) / SLOTS) * w;
    slotOf = (x, prev) => {
      const f = (x - x0) / w;
      const b = Math.min(nb - 1, Math.max(0, Math.floor(f)));
      const base = 1 + b * SLOTS;
      const want = base + Math.min(SLOTS - 1, Math.max(0, Math.floor((f - b) * SLOTS)));
      // Keep the order of occurrence; a bucket that overflows reuses its last slot.
      if (prev < want) return want;
      return Math.min(prev + 1, base + SLOTS - 1);
    };
  }
  const n = xs.length;
  const last = n - 1;
  const cols: Cell[][] = series.map((s) => {
    const col = new Array<Cell>(n).fill(undefined);
    const lo = lowerBound(s.xs, x0);
    const hi = upperBound(s.xs, x1);
    let prev = -1;
    for (let i = lo; i < hi; i++) {
      // lo <= i < hi <= xs.length = ys.length.
      const x = s.xs[i] as number;
      const y = s.ys[i] as number;
      const j = slotOf(x, prev);
      const cell = drawable(y, log) ? y : null;
      // On a collision a gap wins, so a NaN is never hidden by a neighbour.
      if (col[j] !== null || j !== prev) col[j] = cell;
      prev = j;
    }
    if (col[0] === undefined) col[0] = edgeCell(s, lo, x0, log);
    if (col[last] === undefined) col[last] = edgeCell(s, hi, x1, log);
    return col;
  });
  // Drop x positions no series uses.
  const keep: number[] = [];
  for (let j = 0; j < n; j++) if (cols.some((c) => c[j] !== undefined)) keep.push(j);
  let points = 0;
  const outCols = cols.map((c) => {
    const out = new Array<Cell>(keep.length);
    for (let k = 0; k < keep.length; k++) {
      const v = c[keep[k] as number]; // k < keep.length
      out[k] = v;
      if (typeof v === 'number') points++;
    }
    return out;
  });
  return { xs: keep.map((j) => xs[j] as number), cols: outCols, points }; // keep holds indices < n
}

/**
 * Value of column `col` nearest to index `idx` of `xs` (undefined cells skipped), searching
 * no further than the column's own extent [first, last]; undefined when idx is outside it.
 */
export function nearestCell(
  xs: ArrayLike<number>,
  col: Cell[],
  idx: number,
  first: number,
  last: number,
): Cell {
  if (idx < first || idx > last) return undefined;
  if (col[idx] !== undefined) return col[idx];
  let l = idx - 1;
  while (l >= first && col[l] === undefined) l--;
  let r = idx + 1;
  while (r <= last && col[r] === undefined) r++;
  if (l < first) return r <= last ? col[r] : undefined;
  if (r > last) return col[l];
  // first <= l < idx < r <= last, all within xs.
  const x = xs[idx] as number;
  return x - (xs[l] as number) <= (xs[r] as number) - x ? col[l] : col[r];
}

/** First and last defined index of a column ([0, -1] when empty). */
export function extentOf(col: Cell[]): [number, number] {
  let first = 0;
  while (first < col.length && col[first] === undefined) first++;
  let last = col.length - 1;
  while (last >= first && col[last] === undefined) last--;
  return first > last ? [0, -1] : [first, last];
}
