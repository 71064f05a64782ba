import type { SpanTree } from './tree';

/**
 * What the timeline list shows, one entry per visible row. A `span` row is a
 * span that passes the filters; a `context` row is an ancestor kept only so a
 * match below it keeps its place in the tree.
 */
export type Row =
  | {
      kind: 'span';
      index: number;
      depth: number;
      expandable: boolean;
      expanded: boolean;
      highlighted: boolean;
    }
  | { kind: 'context'; index: number; depth: number; expandable: boolean; expanded: boolean };

export interface RowFilter {
  /** 1 where the span passes every filter; null = no filter. */
  match: Uint8Array | null;
  /** 1 where the search highlights the span (highlight mode); null = none. */
  highlight: Uint8Array | null;
}

export const NO_FILTER: RowFilter = { match: null, highlight: null };

/** 1 where the span matches or has a matching descendant: what a filter keeps. */
export function keepWithAncestors(tree: SpanTree, match: Uint8Array): Uint8Array {
  const keep = Uint8Array.from(match);
  for (let p = keep.length - 1; p >= 0; p--) {
    const q = tree.parent[p] as number; // p < keep.length = tree size
    if (keep[p] && q >= 0) keep[q] = 1;
  }
  return keep;
}

/**
 * Flatten the tree into visible rows: O(visible rows + skipped subtrees).
 * A collapsed span's subtree is skipped by one jump to its subtree end; so is
 * a subtree without a single kept span.
 */
export function visibleRows(
  tree: SpanTree,
  collapsed: Uint8Array,
  filter: RowFilter = NO_FILTER,
): Row[] {
  const n = tree.spans.length;
  const keep = filter.match ? keepWithAncestors(tree, filter.match) : null;
  const rows: Row[] = [];
  let i = 0;
  // Reads are `as number`: i < n, and subtreeEnd values are in (i, n].
  while (i < n) {
    const end = tree.subtreeEnd[i] as number;
    if (keep && !keep[i]) {
      i = end;
      continue;
    }
    let expandable = end > i + 1;
    if (expandable && keep) {
      expandable = false;
      for (let c = i + 1; c < end; c = tree.subtreeEnd[c] as number) {
        if (keep[c]) {
          expandable = true;
          break;
        }
      }
    }
    const expanded = expandable && !collapsed[i];
    const depth = tree.depth[i] as number;
    if (filter.match && !filter.match[i])
      rows.push({ kind: 'context', index: i, depth, expandable, expanded });
    else
      rows.push({
        kind: 'span',
        index: i,
        depth,
        expandable,
        expanded,
        highlighted: !!filter.highlight?.[i],
      });
    i = expandable && !expanded ? end : i + 1;
  }
  return rows;
}

export function noneCollapsed(tree: SpanTree): Uint8Array {
  return new Uint8Array(tree.spans.length);
}

/** Collapse every span at depth >= `depth` that has children (0 = collapse all). */
export function collapseFromDepth(tree: SpanTree, depth: number): Uint8Array {
  const n = tree.spans.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++)
    if ((tree.depth[i] as number) >= depth && (tree.subtreeEnd[i] as number) > i + 1) out[i] = 1;
  return out;
}

export function toggleCollapsed(collapsed: Uint8Array, i: number, value?: boolean): Uint8Array {
  const next = Uint8Array.from(collapsed);
  next[i] = (value ?? !collapsed[i]) ? 1 : 0;
  return next;
}

/** Expand every ancestor of i so that it becomes visible. */
export function revealSpan(tree: SpanTree, collapsed: Uint8Array, i: number): Uint8Array {
  let next: Uint8Array | null = null;
  // An index outside the tree has no ancestors; parent[q] of an ancestor is in range.
  for (let q = tree.parent[i] ?? -1; q >= 0; q = tree.parent[q] as number) {
    if (collapsed[q]) {
      next ??= Uint8Array.from(collapsed);
      next[q] = 0;
    }
  }
  return next ?? collapsed;
}
