/**
 * The shareable view of the runs table, kept in the URL with short names so a
 * link reproduces it in a few hundred characters:
 *   q  filter text            st  status quick filter     v  lifecycle (deleted|all)
 *   top  only parent runs     s   sort (`-` prefix = descending)
 *   c  shown columns          g   grouping                x  expanded parent run ids
 */
import type { RunStatus, ViewType } from '../../../api';
import { decodeColumns, encodeColumns, type ColumnSpec } from './columns';
import { quoteFilterValue } from '../../../lib/filter-quote';

export type StatusFilter = Extract<RunStatus, 'RUNNING' | 'FINISHED' | 'FAILED' | 'KILLED'>;
export const STATUS_FILTERS: StatusFilter[] = ['RUNNING', 'FINISHED', 'FAILED', 'KILLED'];

export type GroupBy = { kind: 'param' | 'tag'; key: string } | { kind: 'dataset' };

export interface SortState {
  /** A column id: `name`, `created`, `m:<key>`, `p:<key>`, `t:<key>`. */
  column: string;
  desc: boolean;
}

export interface RunsViewState {
  filter: string;
  status: StatusFilter | null;
  viewType: ViewType;
  topLevelOnly: boolean;
  sort: SortState;
  /** null: the default columns (decided once keys are known). */
  columns: ColumnSpec[] | null;
  groupBy: GroupBy | null;
  expanded: string[];
}

export const DEFAULT_SORT: SortState = { column: 'created', desc: true };

export function parseViewState(p: URLSearchParams): RunsViewState {
  const st = p.get('st')?.toUpperCase();
  const v = p.get('v');
  const s = p.get('s');
  const c = p.get('c');
  return {
    filter: p.get('q') ?? '',
    status: STATUS_FILTERS.includes(st as StatusFilter) ? (st as StatusFilter) : null,
    viewType: v === 'deleted' ? 'DELETED_ONLY' : v === 'all' ? 'ALL' : 'ACTIVE_ONLY',
    topLevelOnly: p.get('top') === '1',
    sort: s ? { column: s.replace(/^-/, ''), desc: s.startsWith('-') } : DEFAULT_SORT,
    columns: c === null ? null : decodeColumns(c),
    groupBy: parseGroupBy(p.get('g')),
    expanded: (p.get('x') ?? '').split(',').filter(Boolean),
  };
}

function parseGroupBy(g: string | null): GroupBy | null {
  if (!g) return null;
  if (g === 'd') return { kind: 'dataset' };
  if (g.startsWith('p:') && g.length > 2) return { kind: 'param', key: g.slice(2) };
  if (g.startsWith('t:') && g.length > 2) return { kind: 'tag', key: g.slice(2) };
  return null;
}

export function encodeGroupBy(g: GroupBy | null): string | null {
  if (!g) return null;
  return g.kind === 'dataset' ? 'd' : `${g.kind === 'param' ? 'p' : 't'}:${g.key}`;
}

/** URL patch for a partial change; defaults are removed so links stay short. */
export function viewStatePatch(s: Partial<RunsViewState>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (s.filter !== undefined) out.q = s.filter.trim() || null;
  if (s.status !== undefined) out.st = s.status ? s.status.toLowerCase() : null;
  if (s.viewType !== undefined)
    out.v = s.viewType === 'DELETED_ONLY' ? 'deleted' : s.viewType === 'ALL' ? 'all' : null;
  if (s.topLevelOnly !== undefined) out.top = s.topLevelOnly ? '1' : null;
  if (s.sort !== undefined) {
    const isDefault = s.sort.column === DEFAULT_SORT.column && s.sort.desc === DEFAULT_SORT.desc;
    out.s = isDefault ? null : `${s.sort.desc ? '-' : ''}${s.sort.column}`;
  }
  if (s.columns !== undefined) out.c = s.columns === null ? null : encodeColumns(s.columns);
  if (s.groupBy !== undefined) out.g = encodeGroupBy(s.groupBy);
  if (s.expanded !== undefined) out.x = s.expanded.length ? s.expanded.join(',') : null;
  return out;
}

/** The server filter: the user's text AND-ed with the status quick filter (MLflow has no parentheses). */
export function serverFilter(s: Pick<RunsViewState, 'filter' | 'status'>): string | undefined {
  const parts = [
    s.filter.trim(),
    s.status ? `attributes.status = ${quoteFilterValue(s.status)}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' and ') : undefined;
}

/** order_by for the sort column; null when the column cannot be sorted on the server. */
export function orderByFor(column: string): string | null {
  if (column === 'name') return 'attributes.run_name';
  if (column === 'created') return 'attributes.start_time';
  if (column.includes('~')) return null; // computed from history
  const entity = { 'm:': 'metrics', 'p:': 'params', 't:': 'tags' }[column.slice(0, 2)];
  const key = column.slice(2);
  if (!entity || !key) return null;
  // Always back-quote: keys like `val/loss` need it and plain keys accept it.
  return `${entity}.\`${key.replace(/`/g, '')}\``;
}

export function serverOrderBy(sort: SortState): string[] {
  const o = orderByFor(sort.column) ?? orderByFor(DEFAULT_SORT.column)!;
  return [`${o} ${sort.desc ? 'DESC' : 'ASC'}`];
}
