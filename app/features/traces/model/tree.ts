import type { Span } from '../../../api';
import { at } from '../../../lib/at';

/**
 * A span tree laid out in depth-first pre-order, as parallel typed arrays.
 * Pre-order makes a subtree a contiguous range [i, subtreeEnd[i]), so hiding
 * a collapsed subtree is one jump and every pass over the tree is O(n) over
 * arrays: no recursion (a 50k-deep chain would overflow the stack) and no
 * per-node objects beyond the spans themselves.
 */
export interface SpanTree {
  /** Spans in pre-order; every other array is indexed the same way. */
  spans: Span[];
  /** Pre-order index of the parent, -1 for a root. */
  parent: Int32Array;
  depth: Int32Array;
  /** Exclusive end of the subtree in pre-order. */
  subtreeEnd: Int32Array;
  /** 1 when the span is ERROR or contains an ERROR span. */
  errorInSubtree: Uint8Array;
  /** End in ns, never before the start (an unfinished span ends where its last child ends). */
  endNs: Float64Array;
  /** The trace's extent in ns from its first start. */
  startNs: number;
  totalNs: number;
  maxDepth: number;
  /** Pre-order index of the (first) span with an id. */
  indexById: { get(spanId: string): number | undefined };
}

/** Start, then the exact ns again, then id: spans within one millisecond keep their order. */
function compareSpans(a: Span, b: Span): number {
  if (a.startNs !== b.startNs) return a.startNs - b.startNs;
  return a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0;
}

export function buildSpanTree(input: readonly Span[]): SpanTree {
  const n = input.length;
  // Span id -> input index of its first span (later ones with the same id are duplicates).
  const byId = new Map<string, number>();
  const duplicate = new Uint8Array(n);
  // Indexed loops with `as` reads throughout: every index is a span index < n (or <= n for
  // kidStart), and a for-of would allocate iterator results while this runs cold, once per trace.
  for (let i = 0; i < n; i++) {
    const id = (input[i] as Span).spanId;
    if (byId.has(id)) duplicate[i] = 1;
    else byId.set(id, i);
  }
  // Children in input indices, as one flat array sliced per parent (CSR: no array per span).
  // A span whose parent is absent (or itself), or a later duplicate of an id, is an orphan: a root.
  const inputParentOf = new Int32Array(n).fill(-1);
  const kidStart = new Int32Array(n + 1);
  const roots: number[] = [];
  for (let i = 0; i < n; i++) {
    const { parentId } = input[i] as Span;
    const p = parentId === null ? undefined : byId.get(parentId);
    if (p === undefined || p === i || duplicate[i]) roots.push(i);
    else {
      inputParentOf[i] = p;
      kidStart[p + 1] = (kidStart[p + 1] as number) + 1;
    }
  }
  for (let i = 0, sum = 0; i <= n; i++) kidStart[i] = sum += kidStart[i] as number;
  const kidList = new Int32Array(kidStart[n] as number);
  const fill = kidStart.slice(0, n);
  for (let i = 0; i < n; i++) {
    const p = inputParentOf[i] as number;
    if (p >= 0) {
      const f = fill[p] as number;
      kidList[f] = i;
      fill[p] = f + 1;
    }
  }
  const cmp = (a: number, b: number) => compareSpans(input[a] as Span, input[b] as Span);
  roots.sort(cmp);
  // Children usually arrive in start order: sort (stably, as before) only the lists that are not.
  for (let p = 0; p < n; p++) {
    const a = kidStart[p] as number;
    const b = kidStart[p + 1] as number;
    for (let j = a + 1; j < b; j++) {
      if (cmp(kidList[j - 1] as number, kidList[j] as number) > 0) {
        kidList.set(Array.from(kidList.subarray(a, b)).sort(cmp), a);
        break;
      }
    }
  }

  // Pre-order walk with an explicit stack (plain loops: this runs once per trace, before the JIT warms up).
  const order = new Int32Array(n);
  let placed = 0;
  const visited = new Uint8Array(n);
  const inputParent = new Int32Array(n).fill(-1);
  const inputDepth = new Int32Array(n);
  const stack = new Int32Array(n);
  const walk = (root: number) => {
    let top = 0;
    stack[top++] = root;
    while (top > 0) {
      const i = stack[--top] as number;
      if (visited[i]) continue;
      visited[i] = 1;
      order[placed++] = i;
      const childDepth = (inputDepth[i] as number) + 1;
      for (
        let j = (kidStart[i + 1] as number) - 1, first = kidStart[i] as number;
        j >= first;
        j--
      ) {
        const c = kidList[j] as number;
        if (visited[c]) continue;
        inputParent[c] = i;
        inputDepth[c] = childDepth;
        stack[top++] = c;
      }
    }
  };
  for (let r = 0; r < roots.length; r++) walk(roots[r] as number);
  // Spans in a parent cycle are never reached from a root: show them as roots rather than lose them.
  for (let i = 0; i < n; i++) {
    if (!visited[i]) {
      inputDepth[i] = 0;
      inputParent[i] = -1;
      walk(i);
    }
  }

  const pos = new Int32Array(n);
  for (let p = 0; p < n; p++) pos[order[p] as number] = p;
  const spans = new Array<Span>(n);
  const parent = new Int32Array(n);
  const depth = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const i = order[p] as number;
    spans[p] = input[i] as Span;
    const ip = inputParent[i] as number;
    parent[p] = ip < 0 ? -1 : (pos[ip] as number);
    depth[p] = inputDepth[i] as number;
  }

  const subtreeEnd = new Int32Array(n);
  const errorInSubtree = new Uint8Array(n);
  const endNs = new Float64Array(n);
  let maxDepth = 0;
  let start = Infinity;
  let end = -Infinity;
  for (let p = 0; p < n; p++) {
    const s = spans[p] as Span;
    endNs[p] = s.endNs === null ? s.startNs : Math.max(s.endNs, s.startNs);
    subtreeEnd[p] = p + 1;
    if (s.status === 'ERROR') errorInSubtree[p] = 1;
    const d = depth[p] as number;
    if (d > maxDepth) maxDepth = d;
    if (s.startNs < start) start = s.startNs;
  }
  // Reverse pre-order visits children before parents: one pass rolls everything up.
  for (let p = n - 1; p >= 0; p--) {
    const q = parent[p] as number;
    if (q < 0) continue;
    const endP = subtreeEnd[p] as number;
    if (endP > (subtreeEnd[q] as number)) subtreeEnd[q] = endP;
    if (errorInSubtree[p]) errorInSubtree[q] = 1;
    const nsP = endNs[p] as number;
    if ((spans[q] as Span).endNs === null && nsP > (endNs[q] as number)) endNs[q] = nsP;
  }
  for (let p = 0; p < n; p++) {
    const e = endNs[p] as number;
    if (e > end) end = e;
  }
  // The first span of each id, at its pre-order place: looked up through byId (no second map to build).
  const indexById = {
    get(spanId: string): number | undefined {
      const i = byId.get(spanId);
      return i === undefined ? undefined : pos[i];
    },
  };
  return {
    spans,
    parent,
    depth,
    subtreeEnd,
    errorInSubtree,
    endNs,
    startNs: n ? start : 0,
    totalNs: n ? Math.max(end - start, 0) : 0,
    maxDepth,
    indexById,
  };
}

/** False for an index outside the tree too. */
export function hasChildren(tree: SpanTree, i: number): boolean {
  return (tree.subtreeEnd[i] ?? 0) > i + 1;
}

/** Pre-order indices of the direct children of i. */
export function childIndices(tree: SpanTree, i: number): number[] {
  const out: number[] = [];
  // subtreeEnd[c] > c for every span, so the walk ends; ?? 0 makes an index outside the tree give [].
  for (let c = i + 1, end = tree.subtreeEnd[i] ?? 0; c < end; c = tree.subtreeEnd[c] as number)
    out.push(c);
  return out;
}

export function durationNs(tree: SpanTree, i: number): number {
  return at(tree.endNs, i, 'span') - at(tree.spans, i, 'span').startNs;
}
