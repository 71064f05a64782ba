/**
 * Trace data and trace info in MLflow 2.17's wire form: the trace file is
 * Python `json.dumps` text (ASCII, ", " separators) whose span times are
 * nanosecond integers beyond 2^53 (written from BigInt, so the digits are
 * exact); every span attribute value is itself a JSON document in a string.
 */
import type { WireTraceInfo } from '../../app/api/wire';
import type { Db } from '../db';
import { kvs, type Pairs } from './build';
import { PyFloat, pyDumps, type PyObject, type PyValue } from './pyjson';

export type SpanType =
  | 'AGENT'
  | 'CHAIN'
  | 'RETRIEVER'
  | 'PARSER'
  | 'LLM'
  | 'TOOL'
  | 'EMBEDDING'
  | 'RERANKER'
  | 'CHAT_MODEL'
  | 'UNKNOWN'
  | string;

export interface SpanEvent {
  name: string;
  timestamp: bigint;
  /** Event attributes are plain strings (not JSON-encoded). */
  attributes: Record<string, string>;
}

export interface Span {
  name: string;
  /** 16 hex digits, without 0x. */
  spanId: string;
  parentId: string | null;
  start: bigint;
  end: bigint;
  type: SpanType;
  /** `mlflow.spanFunctionName`, for spans made by @mlflow.trace. */
  functionName?: string;
  inputs?: PyValue;
  outputs?: PyValue;
  /** Other attributes, in order; placed before (`pre`) or after (`post`) the inputs. */
  pre?: ReadonlyArray<readonly [string, PyValue]>;
  mid?: ReadonlyArray<readonly [string, PyValue]>;
  post?: ReadonlyArray<readonly [string, PyValue]>;
  status?: 'OK' | 'ERROR';
  statusMessage?: string;
  events?: SpanEvent[];
}

/** Attribute values are dumped with ensure_ascii=False (the file itself is ASCII). */
function attr(value: PyValue): string {
  return pyDumps(value, false);
}

function spanJson(requestId: string, traceId: string, s: Span): PyObject {
  const attributes: Record<string, string> = {
    'mlflow.traceRequestId': attr(requestId),
    'mlflow.spanType': attr(s.type),
  };
  for (const [k, v] of s.pre ?? []) attributes[k] = attr(v);
  if (s.functionName !== undefined) attributes['mlflow.spanFunctionName'] = attr(s.functionName);
  if (s.inputs !== undefined) attributes['mlflow.spanInputs'] = attr(s.inputs);
  for (const [k, v] of s.mid ?? []) attributes[k] = attr(v);
  if (s.outputs !== undefined) attributes['mlflow.spanOutputs'] = attr(s.outputs);
  for (const [k, v] of s.post ?? []) attributes[k] = attr(v);
  return {
    name: s.name,
    context: { span_id: `0x${s.spanId}`, trace_id: `0x${traceId}` },
    parent_id: s.parentId === null ? null : `0x${s.parentId}`,
    start_time: s.start,
    end_time: s.end,
    status_code: s.status ?? 'OK',
    status_message: s.statusMessage ?? '',
    attributes,
    events: (s.events ?? []).map((e) => ({
      name: e.name,
      timestamp: e.timestamp,
      attributes: e.attributes,
    })),
  };
}

/** The body of get-trace-artifact: {"spans": [...], "request": "...", "response": "..." | null}. */
export function traceText(
  requestId: string,
  traceId: string,
  spans: readonly Span[],
  request: PyValue,
  response: PyValue | undefined,
): string {
  return pyDumps({
    spans: spans.map((s) => spanJson(requestId, traceId, s)),
    request: attr(request),
    response: response === undefined ? null : attr(response),
  });
}

function keysOf(v: PyValue | undefined): string[] | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof PyFloat)
    return undefined;
  return Object.keys(v as PyObject);
}

/** MLflow truncates request metadata and tag values to 250 characters. */
export function truncate250(s: string): string {
  return s.length > 250 ? s.slice(0, 250) : s;
}

export interface TraceInfoSpec {
  requestId: string;
  experimentId: string;
  timestampMs: number;
  executionTimeMs: number;
  status: 'OK' | 'ERROR';
  sourceRun?: string;
  inputs: PyValue;
  /** Undefined for a trace whose root failed (traceOutputs is ""). */
  outputs?: PyValue;
  traceName: string;
  /** For `mlflow.traceSpans`: the spans in order (only the first few survive the 250-char cut). */
  spans: readonly Pick<Span, 'name' | 'type' | 'inputs' | 'outputs'>[];
  tags?: Pairs;
}

export function traceInfo(spec: TraceInfoSpec): WireTraceInfo {
  const summary = spec.spans.map((s) => ({
    name: s.name,
    type: s.type,
    inputs: keysOf(s.inputs),
    outputs: keysOf(s.outputs),
  }));
  const metadata: Array<readonly [string, string]> = [['mlflow.trace_schema.version', '2']];
  if (spec.sourceRun) metadata.push(['mlflow.sourceRun', spec.sourceRun]);
  metadata.push(['mlflow.traceInputs', truncate250(pyDumps(spec.inputs, false))]);
  metadata.push([
    'mlflow.traceOutputs',
    spec.outputs === undefined ? '' : truncate250(pyDumps(spec.outputs, false)),
  ]);
  return {
    request_id: spec.requestId,
    experiment_id: spec.experimentId,
    timestamp_ms: spec.timestampMs,
    execution_time_ms: spec.executionTimeMs,
    status: spec.status,
    request_metadata: kvs(metadata),
    tags: kvs([
      ['mlflow.source.name', 'workload.py'],
      ['mlflow.source.type', 'LOCAL'],
      ['mlflow.traceName', spec.traceName],
      [
        'mlflow.artifactLocation',
        `mlflow-artifacts:/${spec.experimentId}/traces/${spec.requestId}/artifacts`,
      ],
      ['mlflow.traceSpans', truncate250(pyDumps(summary, false))],
      ...(spec.tags ?? []),
    ]),
  };
}

/** Store a trace; its span data (text) is built on each read, so big traces cost nothing until opened. */
export function addTrace(
  db: Db,
  info: TraceInfoSpec,
  traceId: string,
  spans: () => Span[],
  response: PyValue | undefined,
): void {
  db.traces.set(info.requestId, {
    info: traceInfo(info),
    data: () => traceText(info.requestId, traceId, spans(), info.inputs, response),
  });
}

/** ms timestamp -> ns BigInt, plus an offset in ns. */
export function ns(ms: number, offsetNs = 0): bigint {
  return BigInt(ms) * 1_000_000n + BigInt(Math.round(offsetNs));
}
