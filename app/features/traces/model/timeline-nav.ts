/**
 * The span timeline's keyboard tree navigation and search state, as pure
 * functions (the component only applies what they return).
 */
import type { Row } from './rows';
import type { SearchMode } from './search';
import { countMatches } from './search';

/** What a key does in the tree: select a span, open or close one, or nothing. */
export type TreeKeyAction =
  { kind: 'select'; index: number } | { kind: 'toggle'; index: number } | null;

/**
 * The WAI-ARIA tree keys over the visible rows. `pos` is the selected span's row
 * (-1 when none is visible); `parent[i]` is span i's parent (-1 for a root).
 * Down/Up move (starting at the first row), Home/End jump, Left closes an open
 * span or goes to its parent, Right opens a closed span or goes to its first child.
 */
export function treeKeyAction(
  key: string,
  rows: readonly Row[],
  pos: number,
  parent: ArrayLike<number>,
): TreeKeyAction {
  const at = (k: number): TreeKeyAction => {
    const r = rows[Math.min(Math.max(k, 0), rows.length - 1)];
    return r ? { kind: 'select', index: r.index } : null;
  };
  const row = pos >= 0 ? rows[pos] : undefined;
  switch (key) {
    case 'ArrowDown':
      return at(pos < 0 ? 0 : pos + 1);
    case 'ArrowUp':
      return at(pos < 0 ? 0 : pos - 1);
    case 'Home':
      return at(0);
    case 'End':
      return at(rows.length - 1);
    case 'ArrowLeft':
      if (!row) return null;
      if (row.expanded) return { kind: 'toggle', index: row.index };
      return (parent[row.index] ?? -1) >= 0 ? { kind: 'select', index: parent[row.index]! } : null;
    case 'ArrowRight':
      if (!row) return null;
      if (row.expandable && !row.expanded) return { kind: 'toggle', index: row.index };
      return row.expanded ? at(pos + 1) : null;
    default:
      return null;
  }
}

/** The keys treeKeyAction handles (the component prevents their default). */
export const TREE_KEYS = new Set([
  'ArrowDown',
  'ArrowUp',
  'Home',
  'End',
  'ArrowLeft',
  'ArrowRight',
]);

/**
 * The next span (in pre-order, wrapping) whose mask is set, after `selected`
 * (or before it, `back`); from the start when nothing is selected. -1 when none.
 */
export function nextMatch(mask: Uint8Array, selected: number, back: boolean): number {
  const n = mask.length;
  const from = selected < 0 ? (back ? 0 : -1) : selected;
  for (let step = 1; step <= n; step++) {
    const i = (((from + (back ? -step : step)) % n) + n) % n;
    if (mask[i]) return i;
  }
  return -1;
}

/**
 * Which spans the search text marks, and how many: in filter mode the matches
 * (null while the text is empty: everything shows), in highlight mode the highlighted.
 */
export function searchMarks(
  mode: SearchMode,
  query: string,
  filter: { match: Uint8Array | null; highlight: Uint8Array | null },
): { mask: Uint8Array | null; count: number | null } {
  const active = query.trim() !== '';
  const mask = mode === 'filter' ? (active ? filter.match : null) : filter.highlight;
  return { mask, count: active ? countMatches(mask) : null };
}
