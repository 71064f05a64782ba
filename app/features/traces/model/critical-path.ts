import type { Span } from '../../../api';
import type { SpanTree } from './tree';

/** A stretch of time during which span `index` is what the trace waits on. */
export interface CriticalSection {
  index: number;
  startNs: number;
  endNs: number;
}

/**
 * Jaeger's critical path: start at the end of the root and walk backwards.
 * At each span, the last-finishing child (that ended before the point we came
 * back from) is what we waited on; with no such child the span itself was
 * working, and we return to its parent at the span's start. Children are first
 * clipped to their parent's time range, as Jaeger does. Iterative, so a very
 * deep trace cannot overflow the stack.
 */
export function criticalPath(tree: SpanTree, root = mainRoot(tree)): CriticalSection[] {
  const n = tree.spans.length;
  if (root < 0 || root >= n) return [];
  const s0 = new Float64Array(n);
  const e0 = new Float64Array(n);
  const dropped = new Uint8Array(n);
  // Typed-array reads are `as number`: every index is a span index in [0, n), checked for root above.
  for (let i = root, end = tree.subtreeEnd[root] as number; i < end; i++) {
    const q = tree.parent[i] as number;
    let s = (tree.spans[i] as Span).startNs;
    let e = tree.endNs[i] as number;
    if (i !== root && q >= 0) {
      const qs = s0[q] as number;
      const qe = e0[q] as number;
      if (dropped[q] || s > qe || e < qs) dropped[i] = 1;
      s = Math.max(s, qs);
      e = Math.min(e, qe);
    }
    s0[i] = s;
    e0[i] = e;
  }
  // Children by end, latest first, with a cursor per span. Each return to a span asks for a child
  // ending before an earlier time than the last, so the cursor only moves forward: O(n log n) overall
  // instead of rescanning a 10k-child root on every return.
  const byEnd = new Map<number, { kids: number[]; cur: number }>();
  const lastFinishingChild = (i: number, before: number | null): number => {
    let entry = byEnd.get(i);
    if (!entry) {
      const kids: number[] = [];
      for (
        let c = i + 1, end = tree.subtreeEnd[i] as number;
        c < end;
        c = tree.subtreeEnd[c] as number
      )
        if (!dropped[c]) kids.push(c);
      kids.sort(
        (a, b) =>
          (e0[b] as number) - (e0[a] as number) || (s0[b] as number) - (s0[a] as number) || a - b,
      );
      entry = { kids, cur: 0 };
      byEnd.set(i, entry);
    }
    const { kids } = entry;
    if (before !== null) {
      // Jaeger asks for an end strictly before; we also accept back-to-back children (end == start),
      // except zero-length ones at that instant, which would send the walk round in a loop.
      for (let c = kids[entry.cur]; c !== undefined; c = kids[++entry.cur]) {
        const e = e0[c] as number;
        if (e < before || (e === before && (s0[c] as number) < before)) break;
      }
    }
    return kids[entry.cur] ?? -1;
  };

  const out: CriticalSection[] = [];
  let current = root;
  let returning: number | null = null;
  // Each step moves strictly back in time or up one level: bounded by 2n + 2 steps.
  for (let guard = 0; guard < 2 * n + 2; guard++) {
    const start = s0[current] as number;
    const sectionEnd: number = returning ?? (e0[current] as number);
    const child = lastFinishingChild(current, returning);
    const childEnd = child >= 0 ? (e0[child] as number) : -Infinity;
    if (childEnd > start) {
      if (childEnd < sectionEnd) out.push({ index: current, startNs: childEnd, endNs: sectionEnd });
      current = child;
      returning = null;
      continue;
    }
    if (start < sectionEnd) out.push({ index: current, startNs: start, endNs: sectionEnd });
    if (current === root) break;
    returning = start;
    current = tree.parent[current] as number;
  }
  return out.reverse();
}

/** The root that ends last: with orphans there are several. */
export function mainRoot(tree: SpanTree): number {
  let best = -1;
  let bestEnd = -Infinity;
  for (let i = 0; i < tree.spans.length; i = tree.subtreeEnd[i] as number) {
    const e = tree.endNs[i] as number;
    if (best < 0 || e > bestEnd) {
      best = i;
      bestEnd = e;
    }
  }
  return best;
}

export function criticalMask(tree: SpanTree, sections: readonly CriticalSection[]): Uint8Array {
  const m = new Uint8Array(tree.spans.length);
  for (const s of sections) m[s.index] = 1;
  return m;
}

/** A stretch of a row's bar drawn as critical, in ns like the sections. */
export interface CriticalBar {
  startNs: number;
  endNs: number;
}

/**
 * The critical sections of one span as bars to draw for the window [t0, t1]
 * in a cell `px` wide. Every bar is at least 1 px wide, and sections less
 * than half a pixel apart become one bar: the picture is the same, but a root
 * waiting between thousands of children is a handful of elements instead of
 * thousands. Sections outside the window are dropped.
 */
export function criticalBars(
  sections: readonly CriticalSection[],
  t0: number,
  t1: number,
  px: number,
): CriticalBar[] {
  const nsPerPx = Math.max(t1 - t0, 1) / Math.max(px, 1);
  const out: CriticalBar[] = [];
  let cur: CriticalBar | null = null;
  for (const s of sections) {
    const end = Math.max(s.endNs, s.startNs + nsPerPx);
    if (s.startNs > t1 || end < t0) continue;
    if (cur && s.startNs >= cur.startNs && s.startNs - cur.endNs < nsPerPx / 2) {
      if (end > cur.endNs) cur.endNs = end;
    } else {
      cur = { startNs: s.startNs, endNs: end };
      out.push(cur);
    }
  }
  return out;
}
