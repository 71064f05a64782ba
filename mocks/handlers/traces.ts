/** Traces (2.17 API): search, info, span data (only under /ajax-api), tags, delete-traces. */
import type { WireTraceInfo } from '../../app/api/wire';
import { force, isLine3 } from '../db';
import { paginate } from '../search/page-token';
import { compileTraceFilter, compileTraceOrder } from '../search/traces';
import {
  invalidParameter,
  invalidValue,
  json,
  missingParam,
  MlflowError,
  notFound,
  notImplemented,
  storedBody,
  type Ctx,
} from './http';
import { ajaxOnly, both, type RouteDef } from './router';
import { upsertKv } from './serialize';

export function traceInfoToWire(t: WireTraceInfo): WireTraceInfo {
  return {
    request_id: t.request_id,
    experiment_id: t.experiment_id,
    timestamp_ms: t.timestamp_ms,
    ...(t.execution_time_ms !== undefined ? { execution_time_ms: t.execution_time_ms } : {}),
    status: t.status,
    ...(t.request_metadata && t.request_metadata.length
      ? { request_metadata: t.request_metadata.map((kv) => ({ ...kv })) }
      : {}),
    ...(t.tags && t.tags.length ? { tags: t.tags.map((kv) => ({ ...kv })) } : {}),
  };
}

function search({ db, args }: Ctx): Response {
  const experimentIds = new Set(args.list('experiment_ids'));
  if (experimentIds.size === 0) throw missingParam('experiment_ids');
  const max = args.int('max_results') ?? 100;
  if (max > 500) throw invalidValue('max_results', args.raw('max_results'));
  if (max < 1) {
    throw invalidParameter(
      `Invalid value ${max} for parameter 'max_results' supplied. It must be a positive integer`,
    );
  }
  const filter = compileTraceFilter(args.str('filter'));
  const order = compileTraceOrder(args.list('order_by'));
  const hits: WireTraceInfo[] = [];
  for (const t of db.traces.values()) {
    if (experimentIds.has(t.info.experiment_id) && (!filter || filter(t.info))) hits.push(t.info);
  }
  const { page, next } = paginate(order(hits), args.str('page_token'), max, {
    fullPageToken: true,
  });
  return json({
    ...(page.length ? { traces: page.map(traceInfoToWire) } : {}),
    ...(next ? { next_page_token: next } : {}),
  });
}

function traceOr404({ db }: Ctx, requestId: string): WireTraceInfo {
  const t = db.traces.get(requestId);
  if (!t)
    throw notFound(
      isLine3(db)
        ? `Trace with ID '${requestId}' not found.`
        : `Trace with request_id '${requestId}' not found.`,
    );
  return t.info;
}

function info(ctx: Ctx): Response {
  return json({ trace_info: traceInfoToWire(traceOr404(ctx, ctx.params.requestId ?? '')) });
}

function setTag(ctx: Ctx): Response {
  const { db, args, params } = ctx;
  const key = args.reqStr('key');
  const value = args.str('value') ?? '';
  const trace = db.traces.get(params.requestId ?? '');
  if (!trace) {
    throw new MlflowError(
      400,
      'BAD_REQUEST',
      `(sqlite3.IntegrityError) FOREIGN KEY constraint failed\n[SQL: INSERT INTO trace_tags ("key", value, request_id) VALUES (?, ?, ?)]\n` +
        `[parameters: ('${key}', '${value}', '${params.requestId}')]\n(Background on this error at: https://sqlalche.me/e/14/gkpj)`,
    );
  }
  upsertKv(trace.info.tags ?? (trace.info.tags = []), key, value);
  return json({});
}

function deleteTag(ctx: Ctx): Response {
  const { db, args, params } = ctx;
  const key = args.reqStr('key');
  const tags = db.traces.get(params.requestId ?? '')?.info.tags ?? [];
  const i = tags.findIndex((t) => t.key === key);
  if (i < 0)
    throw notFound(
      `No trace tag with key '${key}' for trace with request_id '${params.requestId}'`,
    );
  tags.splice(i, 1);
  return json({});
}

function deleteTraces({ db, args }: Ctx): Response {
  const experimentId = args.reqStr('experiment_id');
  const requestIds = args.list('request_ids');
  const maxTimestamp = args.int('max_timestamp_millis');
  if (requestIds.length && maxTimestamp !== undefined) {
    throw invalidParameter(
      'Only one of `max_timestamp_millis` and `request_ids` can be specified.',
    );
  }
  let doomed: string[];
  if (requestIds.length) {
    doomed = requestIds.filter((id) => db.traces.get(id)?.info.experiment_id === experimentId);
  } else if (maxTimestamp !== undefined) {
    const maxTraces = args.int('max_traces');
    doomed = [...db.traces.values()]
      .filter((t) => t.info.experiment_id === experimentId && t.info.timestamp_ms <= maxTimestamp)
      .sort((a, b) => a.info.timestamp_ms - b.info.timestamp_ms)
      .slice(0, maxTraces ?? Infinity)
      .map((t) => t.info.request_id);
  } else {
    throw invalidParameter('Either `max_timestamp_millis` or `request_ids` must be specified.');
  }
  for (const id of doomed) db.traces.delete(id);
  return json({ traces_deleted: doomed.length });
}

async function traceArtifact({ db, url, request }: Ctx): Promise<Response> {
  const requestId = url.searchParams.get('request_id');
  if (!requestId)
    throw new MlflowError(
      400,
      'BAD_REQUEST',
      'Request must include the "request_id" query parameter.',
    );
  const trace = db.traces.get(requestId);
  if (!trace)
    throw notFound(
      isLine3(db)
        ? `Trace with ID ${requestId} is not found.`
        : `Trace with request_id '${requestId}' not found.`,
    );
  const text = force(trace.data);
  const headers: Record<string, string> = {
    'Content-Type': 'text/plain',
    'Content-Disposition': 'attachment; filename=traces.json',
    'X-Content-Type-Options': 'nosniff',
  };
  return storedBody(request, trace, text, headers);
}

export function traceRoutes(): RouteDef[] {
  return [
    ...both('/traces', { GET: search, POST: notImplemented }),
    // static before parametrised, as Flask matches them
    ...both('/traces/delete-traces', { POST: deleteTraces }),
    ...both('/traces/:requestId', { PATCH: notImplemented }),
    ...both('/traces/:requestId/info', { GET: info }),
    ...both('/traces/:requestId/tags', { PATCH: setTag, DELETE: deleteTag }),
    ...ajaxOnly('/get-trace-artifact', { GET: traceArtifact }),
  ];
}
