/**
 * Builders for the 3.x GenAI demo data: assessments in the recorded wire
 * form, and traces made the way the 3.18 client logs them (one root span,
 * or a chat turn), stored in 2.17 form and converted with the rest by
 * convertTracesToLine3 (trace-v3.ts).
 */
import type { Db, DbTrace } from '../db';
import type { WireAssessment3 } from '../wire3';
import { addTrace, ns, type Span } from './trace-format';
import { hexId } from './random';
import type { PyValue } from './pyjson';

export type SourceType = 'HUMAN' | 'LLM_JUDGE' | 'CODE';

export interface AssessmentSpec {
  name: string;
  source: SourceType;
  sourceId: string;
  /** Feedback value (bool, number, text, JSON); or use `expectation`. */
  feedback?: unknown;
  expectation?: unknown;
  rationale?: string;
  spanId?: string;
  metadata?: Record<string, string>;
  /** ms after the trace's request time. */
  after: number;
  /** Index (in this trace's list) of the assessment it overrides. */
  overrides?: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A trace's assessments, with ids derived from the trace id (stable across seeds). */
export function assessmentsFor(
  traceId: string,
  requestMs: number,
  specs: readonly AssessmentSpec[],
): WireAssessment3[] {
  const idOf = (i: number) => `a-${hexId(`assessment/${traceId}`, i)}`;
  const ids = specs.map((_, i) => idOf(i));
  const out = specs.map((s, i): WireAssessment3 => {
    const at = iso(requestMs + s.after);
    const objectValue = typeof s.expectation === 'object' && s.expectation !== null;
    return {
      assessment_id: idOf(i),
      assessment_name: s.name,
      trace_id: traceId,
      ...(s.spanId ? { span_id: s.spanId } : {}),
      source: { source_type: s.source, source_id: s.sourceId },
      create_time: at,
      last_update_time: at,
      ...(s.expectation === undefined
        ? { feedback: { value: s.feedback ?? null } }
        : {
            expectation: objectValue
              ? {
                  serialized_value: {
                    serialization_format: 'JSON_FORMAT' as const,
                    value: JSON.stringify(s.expectation).replace(/([,:])/g, '$1 '),
                  },
                }
              : { value: s.expectation },
          }),
      ...(s.rationale ? { rationale: s.rationale } : {}),
      ...(s.metadata ? { metadata: s.metadata } : {}),
      ...(s.overrides !== undefined ? { overrides: ids[s.overrides] } : {}),
      valid: true,
    };
  });
  for (const a of out)
    if (a.overrides) {
      const old = out.find((x) => x.assessment_id === a.overrides);
      if (old) old.valid = false;
    }
  return out;
}

export function addAssessments(db: Db, traceId: string, specs: readonly AssessmentSpec[]): void {
  const t = db.traces.get(traceId);
  if (!t) throw new Error(`no trace ${traceId} to assess`);
  t.assessments = [
    ...(t.assessments ?? []),
    ...assessmentsFor(traceId, t.info.timestamp_ms, specs),
  ];
}

export interface Trace3Spec {
  id: string;
  experimentId: string;
  timestampMs: number;
  executionMs: number;
  status?: 'OK' | 'ERROR';
  name: string;
  inputs: PyValue;
  outputs?: PyValue;
  sourceRun?: string;
  metadata?: ReadonlyArray<readonly [string, string]>;
  tags?: ReadonlyArray<readonly [string, string]>;
  /** Spans under the root (the root is made from name, inputs and outputs). */
  children?: (root: { spanId: string; start: bigint; end: bigint }) => Span[];
  rootType?: string;
  /** More root span attributes (after the outputs), e.g. `mlflow.chat.tokenUsage`. */
  rootAttributes?: ReadonlyArray<readonly [string, PyValue]>;
  previews?: DbTrace['previews'];
}

/** A 32-hex trace id (`tr-` + it on 3.x) and a 16-hex root span id for a seed namespace. */
export function traceIds(namespace: string, i: number): { id: string; otel: string; root: string } {
  return {
    id: `tr-${hexId(`trace3/${namespace}`, i)}`,
    otel: hexId(`otel/${namespace}`, i),
    root: hexId(`root/${namespace}`, i, 16),
  };
}

export function addTrace3(db: Db, spec: Trace3Spec, otelTraceId: string, rootId: string): DbTrace {
  const start = ns(spec.timestampMs, 120_000);
  const end = start + BigInt(Math.max(1, spec.executionMs) * 1_000_000 - 200_000);
  const root: Span = {
    name: spec.name,
    spanId: rootId,
    parentId: null,
    start,
    end,
    type: spec.rootType ?? 'CHAIN',
    functionName: spec.name,
    inputs: spec.inputs,
    outputs: spec.outputs,
    post: spec.rootAttributes,
    status: spec.status ?? 'OK',
    statusMessage: spec.status === 'ERROR' ? 'RuntimeError: upstream model timed out' : '',
  };
  const spans = () => [root, ...(spec.children?.({ spanId: rootId, start, end }) ?? [])];
  addTrace(
    db,
    {
      requestId: spec.id,
      experimentId: spec.experimentId,
      timestampMs: spec.timestampMs,
      executionTimeMs: spec.executionMs,
      status: spec.status ?? 'OK',
      sourceRun: spec.sourceRun,
      inputs: spec.inputs,
      outputs: spec.outputs,
      traceName: spec.name,
      spans: [],
      tags: spec.tags,
    },
    otelTraceId,
    spans,
    spec.outputs,
  );
  const t = db.traces.get(spec.id)!;
  for (const [key, value] of spec.metadata ?? [])
    (t.info.request_metadata ?? (t.info.request_metadata = [])).push({ key, value });
  if (spec.previews) t.previews = spec.previews;
  return t;
}

/** The next unused experiment id (the 3.x experiments come after every other seed). */
export function nextExperimentId(db: Db): string {
  let max = 0;
  for (const id of db.experiments.keys()) max = Math.max(max, Number(id) || 0);
  return String(max + 1);
}
