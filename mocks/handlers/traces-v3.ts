/**
 * MLflow 3.18's v3 trace API, on a 3.x demo db only (a 2.17 db answers these
 * paths with the 404 page, as 2.17 does): search, trace info, trace with
 * spans, and assessments (create, get, update, delete). Shapes and messages
 * as recorded in mocks/recordings/mlflow-3.18.0 or asked of a real 3.18.0.
 */
import { force, isLine3, type DbTrace } from '../db';
import { paginate } from '../search/page-token';
import { compileTraceOrder } from '../search/traces';
import { compileTraceFilterV3 } from '../search/traces-v3';
import { sizeMetadata } from '../seed/trace-v3';
import { html, HTML_404, invalidValue, json, notFound, type Ctx, type JsonObject } from './http';
import { assessmentRoutes } from './assessments-v3';
import type { Handler, RouteDef } from './router';
import { spansAsOtlp } from './spans-otlp';

const API3 = '/api/3.0/mlflow';
const AJAX3 = '/ajax-api/3.0/mlflow';

/** A 3.x-only handler: the 404 page on a 2.17 db. */
export function only3(h: Handler): Handler {
  return (ctx) => (isLine3(ctx.db) ? h(ctx) : html(HTML_404, 404));
}

/** The same v3 route under /api/3.0/mlflow and /ajax-api/3.0/mlflow. */
export function both3(path: string, methods: RouteDef['methods']): RouteDef[] {
  const wrapped: RouteDef['methods'] = {};
  for (const [m, h] of Object.entries(methods) as [keyof RouteDef['methods'], Handler][])
    wrapped[m] = only3(h);
  return [
    { path: API3 + path, methods: wrapped },
    { path: AJAX3 + path, methods: wrapped },
  ];
}

/** protobuf's Duration in JSON: seconds with 0 or 3 decimals for whole milliseconds. */
export function durationText(ms: number): string {
  const s = Math.floor(ms / 1000);
  const rest = ms - s * 1000;
  return rest === 0 ? `${s}s` : `${s}.${String(Math.round(rest)).padStart(3, '0')}s`;
}

function kvMap(list: readonly { key: string; value: string }[] | undefined) {
  const out: Record<string, string> = {};
  for (const kv of list ?? []) out[kv.key] = kv.value;
  return out;
}

const sizes = new WeakMap<DbTrace, [string, string][]>();

function sizesOf(t: DbTrace): [string, string][] {
  let hit = sizes.get(t);
  if (!hit) sizes.set(t, (hit = sizeMetadata(force(t.data))));
  return hit;
}

/** A trace's info in the v3 shape (traces_search_v3.json, traces_get_info_v3_assessed.json). */
export function traceInfoV3(t: DbTrace): JsonObject {
  const i = t.info;
  const metadata = kvMap(i.request_metadata);
  // The client writes the size once the spans are in; built (and kept) on first read.
  for (const [k, v] of sizesOf(t)) metadata[k] = v;
  const request = t.previews?.request ?? metadata['mlflow.traceInputs'];
  const response = t.previews?.response ?? metadata['mlflow.traceOutputs'];
  return {
    trace_id: i.request_id,
    trace_location: {
      type: 'MLFLOW_EXPERIMENT',
      mlflow_experiment: { experiment_id: i.experiment_id },
    },
    request_time: new Date(i.timestamp_ms).toISOString(),
    ...(i.execution_time_ms !== undefined
      ? { execution_duration: durationText(i.execution_time_ms) }
      : {}),
    state: i.status,
    trace_metadata: metadata,
    ...(t.assessments && t.assessments.length
      ? { assessments: t.assessments.map((a) => structuredClone(a)) }
      : {}),
    tags: kvMap(i.tags),
    ...(request ? { request_preview: request } : {}),
    ...(response ? { response_preview: response } : {}),
  };
}

export function traceOr404(ctx: Ctx, traceId: string): DbTrace {
  const t = ctx.db.traces.get(traceId);
  if (!t) throw notFound(`Trace with ID '${traceId}' not found.`);
  return t;
}

/** The experiment ids of `locations` (MLFLOW_EXPERIMENT ones; others match nothing here). */
function experimentIds(args: Ctx['args']): Set<string> {
  const ids = new Set<string>();
  for (const loc of args.objects('locations')) {
    const exp = loc.mlflow_experiment;
    if (exp && typeof exp === 'object' && 'experiment_id' in exp)
      ids.add(String((exp as JsonObject).experiment_id));
  }
  return ids;
}

function search(ctx: Ctx): Response {
  const { db, args } = ctx;
  const ids = experimentIds(args);
  const max = args.int('max_results') ?? 100;
  if (max > 500 || max < 1) throw invalidValue('max_results', args.raw('max_results'));
  const filter = compileTraceFilterV3(args.str('filter'));
  const order = compileTraceOrder(args.list('order_by'));
  const byInfo = new Map<DbTrace['info'], DbTrace>();
  for (const t of db.traces.values())
    if (ids.has(t.info.experiment_id) && (!filter || filter(t))) byInfo.set(t.info, t);
  const { page, next } = paginate(order([...byInfo.keys()]), args.str('page_token'), max, {
    fullPageToken: true,
  });
  return json({
    ...(page.length ? { traces: page.map((i) => traceInfoV3(byInfo.get(i)!)) } : {}),
    ...(next ? { next_page_token: next } : {}),
  });
}

function info(ctx: Ctx): Response {
  return json({ trace: { trace_info: traceInfoV3(traceOr404(ctx, ctx.params.traceId ?? '')) } });
}

function withSpans(t: DbTrace): JsonObject {
  return { trace_info: traceInfoV3(t), spans: spansAsOtlp(force(t.data)) };
}

function get(ctx: Ctx): Response {
  const id = ctx.args.str('trace_id') ?? '';
  return json({ trace: withSpans(traceOr404(ctx, id)) });
}

function batchGet(ctx: Ctx): Response {
  const traces = ctx.args
    .list('trace_ids')
    .map((id) => ctx.db.traces.get(id))
    .filter((t): t is DbTrace => !!t);
  return json(traces.length ? { traces: traces.map(withSpans) } : {});
}

export function traceV3Routes(): RouteDef[] {
  return [
    // static before parametrised, as Flask matches them
    ...both3('/traces/search', { POST: search }),
    ...both3('/traces/get', { GET: get }),
    ...both3('/traces/batchGet', { GET: batchGet }),
    ...both3('/traces/:traceId', { GET: info }),
    ...assessmentRoutes().flatMap((r) => both3(r.path, r.methods)),
  ];
}
