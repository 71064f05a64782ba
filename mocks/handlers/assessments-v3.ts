/**
 * Assessments of MLflow 3.18 (`/api/3.0/mlflow/traces/<id>/assessments`):
 * create, get, update (with an update mask) and delete, with the server's
 * leniency and its errors, as recorded (write_assessments_*.json,
 * assessments_get.json, error_get_assessment_missing.json) or asked of a real
 * 3.18.0:
 * - a missing `assessment` (or, for PATCH, `update_mask`) is a 400;
 * - neither feedback nor expectation: 400 "Unknown assessment type: None";
 * - `overrides` must name an assessment of the trace; the old one turns
 *   `valid: false`, and valid again when the new one is deleted;
 * - DELETE answers `{}` even when nothing matched.
 */
import type { DbTrace } from '../db';
import type { WireAssessment3 } from '../wire3';
import { invalidParameter, json, missingParam, notFound, type Ctx, type JsonObject } from './http';
import type { RouteDef } from './router';

const SOURCE_TYPES = ['HUMAN', 'LLM_JUDGE', 'CODE'];

function newAssessmentId(): string {
  return `a-${crypto.randomUUID().replace(/-/g, '')}`;
}

function body(ctx: Ctx): JsonObject {
  const a = ctx.args.raw('assessment');
  if (!a || typeof a !== 'object' || Array.isArray(a)) throw missingParam('assessment');
  return a as JsonObject;
}

function traceOf(ctx: Ctx, message: (id: string) => string): DbTrace {
  const id = ctx.params.traceId ?? '';
  const t = ctx.db.traces.get(id);
  if (!t) throw notFound(message(id));
  return t;
}

function findOr404(t: DbTrace, assessmentId: string): WireAssessment3 {
  const a = (t.assessments ?? []).find((x) => x.assessment_id === assessmentId);
  if (!a)
    throw notFound(
      `Assessment with ID '${assessmentId}' not found for trace '${t.info.request_id}'`,
    );
  return a;
}

const isObj = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** An expectation whose value is an object or list is kept serialized, as the server reads it back. */
function expectationOf(value: unknown): WireAssessment3['expectation'] {
  if (typeof value === 'object' && value !== null)
    return {
      serialized_value: { serialization_format: 'JSON_FORMAT', value: JSON.stringify(value) },
    };
  return { value };
}

function stringMap(v: unknown): Record<string, string> | undefined {
  if (!isObj(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) out[k] = String(x);
  return Object.keys(out).length ? out : undefined;
}

const nowIso = () => new Date().toISOString();

function create(ctx: Ctx): Response {
  const a = body(ctx);
  const t = traceOf(ctx, (id) => `Trace with ID '${id}' not found.`);
  const feedback = isObj(a.feedback) ? a.feedback : null;
  const expectation = !feedback && isObj(a.expectation) ? a.expectation : null;
  if (!feedback && !expectation) throw invalidParameter('Unknown assessment type: None');
  const list = t.assessments ?? (t.assessments = []);
  const overrides = typeof a.overrides === 'string' && a.overrides ? a.overrides : undefined;
  const old = overrides ? findOr404(t, overrides) : null;
  const source = isObj(a.source) ? a.source : {};
  const sourceType = String(source.source_type ?? '');
  const created = typeof a.create_time === 'string' ? a.create_time : nowIso();
  const made: WireAssessment3 = {
    assessment_id: newAssessmentId(),
    assessment_name: typeof a.assessment_name === 'string' ? a.assessment_name : '',
    trace_id: t.info.request_id,
    ...(typeof a.span_id === 'string' && a.span_id ? { span_id: a.span_id } : {}),
    source: {
      source_type: SOURCE_TYPES.includes(sourceType) ? sourceType : 'SOURCE_TYPE_UNSPECIFIED',
      ...(typeof source.source_id === 'string' && source.source_id
        ? { source_id: source.source_id }
        : {}),
    },
    create_time: created,
    last_update_time: typeof a.last_update_time === 'string' ? a.last_update_time : created,
    ...(feedback ? { feedback: { value: feedback.value ?? null } } : {}),
    ...(expectation ? { expectation: expectationOf(expectation.value ?? null) } : {}),
    ...(typeof a.rationale === 'string' && a.rationale ? { rationale: a.rationale } : {}),
    ...(stringMap(a.metadata) ? { metadata: stringMap(a.metadata) } : {}),
    ...(overrides ? { overrides } : {}),
    valid: true,
  };
  if (old) old.valid = false;
  list.push(made);
  return json({ assessment: structuredClone(made) });
}

function get(ctx: Ctx): Response {
  const t = traceOf(ctx, (id) => `Trace with ID '${id}' not found.`);
  return json({ assessment: structuredClone(findOr404(t, ctx.params.assessmentId ?? '')) });
}

/** Mask paths as the client writes them (`assessmentName`) or in snake case. */
const MASK: Record<string, string> = {
  assessmentname: 'name',
  assessment_name: 'name',
  feedback: 'feedback',
  expectation: 'expectation',
  rationale: 'rationale',
  metadata: 'metadata',
};

function update(ctx: Ctx): Response {
  const a = body(ctx);
  const rawMask = ctx.args.raw('update_mask');
  if (rawMask === undefined || rawMask === null || rawMask === '')
    throw missingParam('update_mask');
  const paths = (
    typeof rawMask === 'string'
      ? rawMask.split(',')
      : isObj(rawMask) && Array.isArray(rawMask.paths)
        ? rawMask.paths.map(String)
        : []
  ).map((p) => MASK[p.trim().toLowerCase()] ?? MASK[p.trim()] ?? '');
  const t = traceOf(ctx, (id) => `Trace with request_id '${id}' not found`);
  const target = findOr404(t, ctx.params.assessmentId ?? '');
  const next: WireAssessment3 = { ...target };
  for (const p of paths) {
    if (p === 'name' && typeof a.assessment_name === 'string')
      next.assessment_name = a.assessment_name;
    if (p === 'feedback') {
      if (!target.feedback)
        throw invalidParameter('Cannot update feedback value on an Expectation assessment.');
      next.feedback = { value: isObj(a.feedback) ? (a.feedback.value ?? null) : null };
    }
    if (p === 'expectation') {
      if (!target.expectation)
        throw invalidParameter('Cannot update expectation value on a Feedback assessment.');
      next.expectation = expectationOf(isObj(a.expectation) ? (a.expectation.value ?? null) : null);
    }
    if (p === 'rationale') {
      if (typeof a.rationale === 'string' && a.rationale) next.rationale = a.rationale;
      else delete next.rationale;
    }
    if (p === 'metadata') {
      const m = stringMap(a.metadata);
      if (m) next.metadata = m;
      else delete next.metadata;
    }
  }
  next.last_update_time = nowIso();
  const stored = reorder(next);
  const list = t.assessments ?? [];
  list[list.indexOf(target)] = stored;
  return json({ assessment: structuredClone(stored) });
}

const ORDER: (keyof WireAssessment3)[] = [
  'assessment_id',
  'assessment_name',
  'trace_id',
  'span_id',
  'source',
  'create_time',
  'last_update_time',
  'feedback',
  'expectation',
  'rationale',
  'metadata',
  'overrides',
  'valid',
];

function reorder(a: WireAssessment3): WireAssessment3 {
  const out: Record<string, unknown> = {};
  for (const k of ORDER) if (a[k] !== undefined) out[k] = a[k];
  return out as unknown as WireAssessment3;
}

function remove(ctx: Ctx): Response {
  const t = ctx.db.traces.get(ctx.params.traceId ?? '');
  const list = t?.assessments ?? [];
  const i = list.findIndex((x) => x.assessment_id === ctx.params.assessmentId);
  if (i >= 0) {
    const overridden = list.splice(i, 1)[0]?.overrides;
    const old = overridden ? list.find((x) => x.assessment_id === overridden) : null;
    if (old) old.valid = true;
  }
  return json({});
}

/** Paths relative to the v3 prefix; traces-v3.ts mounts them on a 3.x db only. */
export function assessmentRoutes(): RouteDef[] {
  return [
    { path: '/traces/:traceId/assessments', methods: { POST: create } },
    {
      path: '/traces/:traceId/assessments/:assessmentId',
      methods: { GET: get, PATCH: update, DELETE: remove },
    },
  ];
}
