import type { TraceStatus } from '../../../api';
import { containsPattern, quoteFilterValue } from '../../../lib/filter-quote';

export interface TraceListFilter {
  /** What the user typed: a filter expression, or plain text matched against the trace name. */
  text: string;
  status: TraceStatus | '';
  minMs: number | null;
  maxMs: number | null;
  runId: string;
}

/** Plain words are a name search; anything with a comparator is passed through as MLflow's filter DSL. */
export function looksLikeFilter(text: string): boolean {
  return /(=|<|>|\bLIKE\b|\bILIKE\b|\bIN\b)/i.test(text);
}

/** The server-side filter string for traces/search, AND-ing quick filters with the typed filter. */
export function traceSearchFilter(f: TraceListFilter): string {
  const clauses: string[] = [];
  const text = f.text.trim();
  if (text)
    clauses.push(
      looksLikeFilter(text) ? text : `tags.\`mlflow.traceName\` ILIKE ${containsPattern(text)}`,
    );
  if (f.status) clauses.push(`attributes.status = ${quoteFilterValue(f.status)}`);
  if (f.minMs !== null && Number.isFinite(f.minMs))
    clauses.push(`attributes.execution_time_ms >= ${Math.floor(f.minMs)}`);
  if (f.maxMs !== null && Number.isFinite(f.maxMs))
    clauses.push(`attributes.execution_time_ms <= ${Math.ceil(f.maxMs)}`);
  // The exact form MLflow 2.17 accepted (traces_search_filter_run.json).
  if (f.runId) clauses.push(`request_metadata.\`mlflow.sourceRun\` = ${quoteFilterValue(f.runId)}`);
  return clauses.join(' AND ');
}

export type TraceSort = 'time' | 'latency' | 'status' | 'name';

/** The server's default (newest first) is sent as no order_by at all: the request stays the plain one. */
export function traceOrderBy(sort: TraceSort, desc: boolean): string[] {
  if (sort === 'time' && desc) return [];
  const key = {
    time: 'timestamp_ms',
    latency: 'execution_time_ms',
    status: 'status',
    name: 'name',
  }[sort];
  return [`${key} ${desc ? 'DESC' : 'ASC'}`];
}
