import type { Span } from '../../../api';

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
  for (let i = 0; i < n; i++) {
    const id = input[i].spanId;
    if (byId.has(id)) duplicate[i] = 1;
    else byId.set(id, i);
  }
  // Children in input indices, as one flat array sliced per parent (CSR: no array per span).
  // A span whose parent is absent (or itself), or a later duplicate of an id, is an orphan: a root.
  const inputParentOf = new Int32Array(n).fill(-1);
  const kidStart = new Int32Array(n + 1);
  const roots: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = input[i];
    const p = s.parentId === null ? undefined : byId.get(s.parentId);
    if (p === undefined || p === i || duplicate[i]) roots.push(i);
    else {
      inputParentOf[i] = p;
      kidStart[p + 1]++;
    }
  }
  for (let i = 0; i < n; i++) kidStart[i + 1] += kidStart[i];
  const kidList = new Int32Array(kidStart[n]);
  const fill = kidStart.slice(0, n);
  for (let i = 0; i < n; i++) {
    const p = inputParentOf[i];
    if (p >= 0) kidList[fill[p]++] = i;
  }
  const cmp = (a: number, b: number) => compareSpans(input[a], input[b]);
  roots.sort(cmp);
  // Children usually arrive in start order: sort (stably, as before) only the lists that are not.
  for (let p = 0; p < n; p++) {
    const a = kidStart[p];
    const b = kidStart[p + 1];
    for (let j = a + 1; j < b; j++) {
      if (cmp(kidList[j - 1], kidList[j]) > 0) {
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
      const i = stack[--top];
      if (visited[i]) continue;
      visited[i] = 1;
      order[placed++] = i;
      for (let j = kidStart[i + 1] - 1; j >= kidStart[i]; j--) {
        const c = kidList[j];
        if (visited[c]) continue;
        inputParent[c] = i;
        inputDepth[c] = inputDepth[i] + 1;
        stack[top++] = c;
      }
    }
  };
  for (let r = 0; r < roots.length; r++) walk(roots[r]);
  // Spans in a parent cycle are never reached from a root: show them as roots rather than lose them.
  for (let i = 0; i < n; i++) {
    if (!visited[i]) {
      inputDepth[i] = 0;
      inputParent[i] = -1;
      walk(i);
    }
  }

  const pos = new Int32Array(n);
  for (let p = 0; p < n; p++) pos[order[p]] = p;
  const spans = new Array<Span>(n);
  const parent = new Int32Array(n);
  const depth = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const i = order[p];
    spans[p] = input[i];
    const ip = inputParent[i];
    parent[p] = ip < 0 ? -1 : pos[ip];
    depth[p] = inputDepth[i];
  }

  const subtreeEnd = new Int32Array(n);
  const errorInSubtree = new Uint8Array(n);
  const endNs = new Float64Array(n);
  let maxDepth = 0;
  for (let p = 0; p < n; p++) {
    const s = spans[p];
    endNs[p] = s.endNs === null ? s.startNs : Math.max(s.endNs, s.startNs);
    subtreeEnd[p] = p + 1;
    if (s.status === 'ERROR') errorInSubtree[p] = 1;
    if (depth[p] > maxDepth) maxDepth = depth[p];
  }
  // Reverse pre-order visits children before parents: one pass rolls everything up.
  for (let p = n - 1; p >= 0; p--) {
    const q = parent[p];
    if (q < 0) continue;
    if (subtreeEnd[p] > subtreeEnd[q]) subtreeEnd[q] = subtreeEnd[p];
    if (errorInSubtree[p]) errorInSubtree[q] = 1;
    if (spans[q].endNs === null && endNs[p] > endNs[q]) endNs[q] = endNs[p];
  }
  let start = Infinity;
  let end = -Infinity;
  for (let p = 0; p < n; p++) {
    if (spans[p].startNs < start) start = spans[p].startNs;
    if (endNs[p] > end) end = endNs[p];
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

export function hasChildren(tree: SpanTree, i: number): boolean {
  return tree.subtreeEnd[i] > i + 1;
}

/** Pre-order indices of the direct children of i. */
export function childIndices(tree: SpanTree, i: number): number[] {
  const out: number[] = [];
  for (let c = i + 1; c < tree.subtreeEnd[i]; c = tree.subtreeEnd[c]) out.push(c);
  return out;
}

export function durationNs(tree: SpanTree, i: number): number {
  return tree.endNs[i] - tree.spans[i].startNs;
}
