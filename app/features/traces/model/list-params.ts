/**
 * The traces list's URL: `q` (name or filter), `status`, `minMs`/`maxMs` (latency),
 * `run` (one run's traces), `sort` (time|latency|status|name), `dir` (asc|desc), `fb`
 * (`<name>=<value>`: one assessment column's value, MLflow 3's `feedback.<name>` filter).
 * Parsed and checked once here, for the route's loader and the page alike.
 */
import type { TraceStatus } from '../../../api';
import { finiteOrNull, oneOf, parseSort, type SortSpec } from '../../../lib/url-values';
import type { TraceListParams } from '../queries';
import { feedbackFilter } from './assessments';
import {
  traceOrderBy,
  traceSearchFilter,
  type TraceListFilter,
  type TraceSort,
} from './list-filter';

export const TRACE_STATUSES: readonly (TraceStatus | '')[] = ['', 'OK', 'ERROR', 'IN_PROGRESS'];
export const TRACE_SORTING: SortSpec<TraceSort> = {
  options: [
    { value: 'time', label: 'Time' },
    { value: 'latency', label: 'Latency' },
    { value: 'name', label: 'Name' },
    { value: 'status', label: 'Status' },
  ],
  defaultSort: 'time',
  defaultDesc: () => true,
};

export interface TraceListUrl extends TraceListFilter {
  sort: TraceSort;
  desc: boolean;
  /** `<name>=<value>` of an assessment column, or ''. */
  feedback: string;
}

export function parseTraceListUrl(p: URLSearchParams): TraceListUrl {
  return {
    text: p.get('q') ?? '',
    status: oneOf(p.get('status'), TRACE_STATUSES, ''),
    minMs: finiteOrNull(p.get('minMs')),
    maxMs: finiteOrNull(p.get('maxMs')),
    runId: p.get('run') ?? '',
    ...parseSort(p, TRACE_SORTING),
    feedback: p.get('fb') ?? '',
  };
}

export function traceListParams(experimentId: string, u: TraceListUrl): TraceListParams {
  const eq = u.feedback.indexOf('=');
  const feedback = eq > 0 ? feedbackFilter(u.feedback.slice(0, eq), u.feedback.slice(eq + 1)) : '';
  const filter = [traceSearchFilter(u), feedback].filter(Boolean).join(' AND ');
  return { experimentId, filter, orderBy: traceOrderBy(u.sort, u.desc) };
}
