import type { TraceInfo } from '../../../api';
import { formatDateTime, formatDuration, formatRelative, truncate } from '../../../lib/format';
import { runPath, tracePath } from '../../../lib/paths';
import { cellValue, type ShownValue } from './assessments';
import { isSystemTag } from '../../../lib/tags';

/** What one row of the traces list shows: every string worked out once per trace and column set. */
export interface TraceRowModel {
  id: string;
  href: string;
  shortId: string;
  name: string;
  timeIso: string;
  timeTitle: string;
  timeText: string;
  duration: string;
  status: string;
  request: string;
  requestTitle: string;
  response: string;
  responseTitle: string;
  assessments: (ShownValue | null)[];
  tags: { key: string; title: string; k: string; v: string }[];
  moreTags: number;
  runHref: string | null;
  runText: string;
}

const MAX_TAGS = 4;

/** The row model of one trace for the given assessment columns. */
export function traceRowModel(
  t: TraceInfo,
  assessmentNames: readonly string[],
  now: number,
): TraceRowModel {
  const tags = Object.entries(t.tags).filter(([k]) => !isSystemTag(k));
  const time = new Date(t.timestampMs);
  return {
    id: t.requestId,
    href: tracePath({ experimentId: t.experimentId, requestId: t.requestId }),
    shortId: `${t.requestId.slice(0, 12)}…`,
    name: truncate(t.name || '(unnamed)', 80),
    timeIso: Number.isNaN(time.getTime()) ? '' : time.toISOString(),
    timeTitle: formatDateTime(t.timestampMs),
    timeText: formatRelative(t.timestampMs, now),
    duration: formatDuration(t.executionTimeMs),
    status: t.status,
    request: truncate(t.requestPreview, 80),
    requestTitle: truncate(t.requestPreview, 500),
    response: truncate(t.responsePreview, 80),
    responseTitle: truncate(t.responsePreview, 500),
    assessments: assessmentNames.map((n) => {
      const v = cellValue(t, n);
      return v ? { ...v, text: truncate(v.text, 40) } : null;
    }),
    tags: tags.slice(0, MAX_TAGS).map(([k, v]) => ({
      key: k,
      title: `${k}: ${v}`,
      k: truncate(k, 40),
      v: truncate(v, 60),
    })),
    moreTags: Math.max(0, tags.length - MAX_TAGS),
    runHref: t.sourceRunId ? runPath({ experimentId: t.experimentId, runId: t.sourceRunId }) : null,
    runText: t.sourceRunId ? t.sourceRunId.slice(0, 8) : '',
  };
}

/**
 * Row models made on first use and kept per trace object: a scroll that
 * brings a row back reads its model, and a new page of traces (new objects
 * only for the new traces) costs nothing for the rows already seen.
 */
export function rowModelCache(assessmentNames: readonly string[]) {
  const cache = new WeakMap<TraceInfo, TraceRowModel>();
  const now = Date.now();
  return (t: TraceInfo): TraceRowModel => {
    let m = cache.get(t);
    if (!m) cache.set(t, (m = traceRowModel(t, assessmentNames, now)));
    return m;
  };
}
