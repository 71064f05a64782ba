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
  for (let i = root; i < tree.subtreeEnd[root]; i++) {
    const q = tree.parent[i];
    let s = tree.spans[i].startNs;
    let e = tree.endNs[i];
    if (i !== root && q >= 0) {
      if (dropped[q] || s > e0[q] || e < s0[q]) dropped[i] = 1;
      s = Math.max(s, s0[q]);
      e = Math.min(e, e0[q]);
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
      for (let c = i + 1; c < tree.subtreeEnd[i]; c = tree.subtreeEnd[c])
        if (!dropped[c]) kids.push(c);
      kids.sort((a, b) => e0[b] - e0[a] || s0[b] - s0[a] || a - b);
      entry = { kids, cur: 0 };
      byEnd.set(i, entry);
    }
    const { kids } = entry;
    if (before !== null) {
      // Jaeger asks for an end strictly before; we also accept back-to-back children (end == start),
      // except zero-length ones at that instant, which would send the walk round in a loop.
      while (entry.cur < kids.length) {
        const c = kids[entry.cur];
        if (e0[c] < before || (e0[c] === before && s0[c] < before)) break;
        entry.cur++;
      }
    }
    return entry.cur < kids.length ? kids[entry.cur] : -1;
  };

  const out: CriticalSection[] = [];
  let current = root;
  let returning: number | null = null;
  // Each step moves strictly back in time or up one level: bounded by 2n + 2 steps.
  for (let guard = 0; guard < 2 * n + 2; guard++) {
    const sectionEnd: number = returning ?? e0[current];
    const child = lastFinishingChild(current, returning);
    if (child >= 0 && e0[child] > s0[current]) {
      if (e0[child] < sectionEnd)
        out.push({ index: current, startNs: e0[child], endNs: sectionEnd });
      current = child;
      returning = null;
      continue;
    }
    if (s0[current] < sectionEnd)
      out.push({ index: current, startNs: s0[current], endNs: sectionEnd });
    if (current === root) break;
    const p = tree.parent[current];
    returning = s0[current];
    current = p;
  }
  return out.reverse();
}

/** The root that ends last: with orphans there are several. */
export function mainRoot(tree: SpanTree): number {
  let best = -1;
  for (let i = 0; i < tree.spans.length; i = tree.subtreeEnd[i]) {
    if (best < 0 || tree.endNs[i] > tree.endNs[best]) best = i;
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
