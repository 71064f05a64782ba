/**
 * Runs -> the flat list of rows the virtualized table shows: a tree of nested
 * runs (by `mlflow.parentRunId`), or groups with per-group metric summaries.
 * A discriminated union keeps the row kinds apart.
 */
import type { Run } from '../../../api';
import type { GroupBy } from './view-state';

export interface RunRow {
  kind: 'run';
  /** Unique per row (a run may sit in several dataset groups). */
  id: string;
  run: Run;
  depth: number;
  /** Children known so far (loaded with the page or fetched on expand). */
  childCount: number;
  expanded: boolean;
}

export interface Summary {
  min: number;
  mean: number;
  max: number;
  /** Runs with a number (NaN excluded). */
  n: number;
}

export interface GroupRow {
  kind: 'group';
  id: string;
  label: string;
  value: string;
  count: number;
  collapsed: boolean;
  /** metric key -> summary of the latest values in the group. */
  summaries: Record<string, Summary>;
}

export type TableRow = RunRow | GroupRow;

export interface TreeOptions {
  expanded: ReadonlySet<string>;
  /** Children fetched on demand (all children of a parent, whatever the filter). */
  fetchedChildren?: ReadonlyMap<string, readonly Run[]>;
  /** Show only runs without a parent. */
  topLevelOnly?: boolean;
}

/** Roots keep the server's order; children follow their parent in the same order. */
export function buildTreeRows(runs: readonly Run[], opts: TreeOptions): RunRow[] {
  const byId = new Map<string, Run>();
  for (const r of runs) byId.set(r.info.id, r);
  const children = new Map<string, Run[]>();
  const addChild = (parent: string, r: Run, seen: Set<string>) => {
    if (seen.has(r.info.id)) return;
    seen.add(r.info.id);
    let list = children.get(parent);
    if (!list) children.set(parent, (list = []));
    list.push(r);
  };
  const placed = new Map<string, Set<string>>();
  const seenFor = (p: string) => {
    let s = placed.get(p);
    if (!s) placed.set(p, (s = new Set()));
    return s;
  };
  for (const r of runs) {
    const p = r.parentRunId;
    if (p && p !== r.info.id && byId.has(p)) addChild(p, r, seenFor(p));
  }
  for (const [p, list] of opts.fetchedChildren ?? []) {
    for (const r of list) addChild(p, r, seenFor(p));
  }

  const rows: RunRow[] = [];
  const visiting = new Set<string>();
  const visit = (r: Run, depth: number) => {
    if (visiting.has(r.info.id)) return; // a parent cycle must not loop forever
    visiting.add(r.info.id);
    const kids = children.get(r.info.id) ?? [];
    const expanded = kids.length > 0 && opts.expanded.has(r.info.id);
    rows.push({ kind: 'run', id: r.info.id, run: r, depth, childCount: kids.length, expanded });
    if (expanded) for (const k of kids) visit(k, depth + 1);
    visiting.delete(r.info.id);
  };
  for (const r of runs) {
    const p = r.parentRunId;
    const isRoot = opts.topLevelOnly ? !p : !p || p === r.info.id || !byId.has(p);
    if (isRoot) visit(r, 0);
  }
  return rows;
}

export function groupValues(run: Run, g: GroupBy): string[] {
  if (g.kind === 'dataset') {
    const names = [...new Set(run.datasets.map((d) => d.dataset.name))];
    return names.length ? names : [''];
  }
  const v = g.kind === 'param' ? run.params[g.key] : run.tags[g.key];
  return [v ?? ''];
}

export function groupLabel(g: GroupBy): string {
  return g.kind === 'dataset' ? 'dataset' : g.key;
}

/** min / mean / max of the numbers, NaN ignored; null when there is none. */
export function summarize(values: Iterable<number | undefined>): Summary | null {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v === undefined || Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    n++;
  }
  return n ? { min, max, mean: sum / n, n } : null;
}

/**
 * Groups in order of first appearance (so the server's sort orders them), each
 * followed by its runs unless collapsed. Runs without the key go to '(none)', last.
 */
export function buildGroupRows(
  runs: readonly Run[],
  g: GroupBy,
  metricKeys: readonly string[],
  collapsed: ReadonlySet<string>,
): TableRow[] {
  const groups = new Map<string, Run[]>();
  for (const r of runs) {
    for (const v of groupValues(r, g)) {
      let list = groups.get(v);
      if (!list) groups.set(v, (list = []));
      list.push(r);
    }
  }
  const values = [...groups.keys()].sort((a, b) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0));
  const label = groupLabel(g);
  const rows: TableRow[] = [];
  for (const value of values) {
    const list = groups.get(value)!;
    const summaries: Record<string, Summary> = {};
    for (const k of metricKeys) {
      const s = summarize(list.map((r) => r.metrics[k]?.value));
      if (s) summaries[k] = s;
    }
    const id = `group:${value}`;
    const isCollapsed = collapsed.has(value);
    rows.push({
      kind: 'group',
      id,
      label,
      value,
      count: list.length,
      collapsed: isCollapsed,
      summaries,
    });
    if (!isCollapsed) {
      for (const r of list)
        rows.push({
          kind: 'run',
          id: `${id}/${r.info.id}`,
          run: r,
          depth: 1,
          childCount: 0,
          expanded: false,
        });
    }
  }
  return rows;
}
