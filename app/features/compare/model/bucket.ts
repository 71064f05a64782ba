/**
 * Min/max bucketing: one bucket per pixel keeps, for each bucket, the points that
 * hold its true minimum and maximum (in the order they occur), so a spike of a
 * single step survives any zoom level. Non-finite values become gaps (NaN in ys)
 * plus a marker, never zeros. When the range holds few enough points every point
 * is kept ("full resolution").
 */
export type MarkerKind = 'nan' | 'inf' | '-inf';
export interface Marker {
  x: number;
  kind: MarkerKind;
}
export interface Bucketed {
  xs: number[];
  /** NaN means "gap here". */
  ys: number[];
  markers: Marker[];
  /** Points of the input inside [x0, x1]. */
  inRange: number;
  /** True when every point in range is drawn. */
  full: boolean;
}

export function markerKind(v: number): MarkerKind | null {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return null;
}

/** First index with xs[i] >= x (xs ascending). */
export function lowerBound(xs: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) < x)
      lo = mid + 1; // 0 <= mid < xs.length
    else hi = mid;
  }
  return lo;
}

/** First index with xs[i] > x (xs ascending). */
export function upperBound(xs: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) <= x)
      lo = mid + 1; // 0 <= mid < xs.length
    else hi = mid;
  }
  return lo;
}

function emit(out: Bucketed, x: number, y: number): void {
  const k = markerKind(y);
  if (k) {
    out.markers.push({ x, kind: k });
    out.xs.push(x);
    out.ys.push(NaN);
    return;
  }
  out.xs.push(x);
  out.ys.push(y);
}

/**
 * `xs` ascending, `ys` as long as `xs`. Keeps one point either side of the range so lines reach
 * the edges. Every index read below lies in [from, to) within xs.length: reads are `as number`.
 */
export function minMaxBucket(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  x0: number,
  x1: number,
  buckets: number,
): Bucketed {
  const out: Bucketed = { xs: [], ys: [], markers: [], inRange: 0, full: true };
  const lo = lowerBound(xs, x0);
  const hi = upperBound(xs, x1); // exclusive
  out.inRange = Math.max(0, hi - lo);
  const from = Math.max(0, lo - 1);
  const to = Math.min(xs.length, hi + 1);
  const nb = Math.max(1, Math.floor(buckets));
  if (out.inRange <= 2 * nb || !(x1 > x0)) {
    for (let i = from; i < to; i++) emit(out, xs[i] as number, ys[i] as number);
    return out;
  }
  out.full = false;
  if (from < lo) emit(out, xs[from] as number, ys[from] as number);
  const width = (x1 - x0) / nb;
  let i = lo;
  const picked: number[] = [];
  while (i < hi) {
    const b = Math.min(nb - 1, Math.floor(((xs[i] as number) - x0) / width));
    const end = b === nb - 1 ? hi : Math.min(hi, lowerBound(xs, x0 + (b + 1) * width));
    let minI = -1;
    let maxI = -1;
    let minV = 0;
    let maxV = 0;
    picked.length = 0;
    let lastKind: MarkerKind | null = null;
    for (let j = i; j < Math.max(end, i + 1); j++) {
      const v = ys[j] as number;
      const k = markerKind(v);
      if (k) {
        // One gap per run of non-finite values of the same kind in the bucket.
        if (k !== lastKind) picked.push(j);
        lastKind = k;
        continue;
      }
      lastKind = null;
      if (minI < 0 || v < minV) {
        minI = j;
        minV = v;
      }
      if (maxI < 0 || v > maxV) {
        maxI = j;
        maxV = v;
      }
    }
    if (minI >= 0) picked.push(minI);
    if (maxI >= 0 && maxI !== minI) picked.push(maxI);
    picked.sort((a, c) => a - c);
    for (const j of picked) emit(out, xs[j] as number, ys[j] as number);
    i = Math.max(end, i + 1);
  }
  if (to > hi) emit(out, xs[hi] as number, ys[hi] as number);
  return out;
}
