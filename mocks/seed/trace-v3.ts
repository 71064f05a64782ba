/**
 * The demo's traces as an MLflow 3.18 server keeps them: ids `tr-<32 hex>`,
 * schema version 3, spans in the tracking store, and span data (the body of
 * get-trace-artifact) in the v3 span schema (mocks/recordings/mlflow-3.18.0,
 * ajax_trace_artifact_agent.json):
 *
 *   {"spans":[{"trace_id": "<base64>", "span_id": "<base64>", "parent_span_id": null,
 *     "name": ..., "kind": "SPAN_KIND_INTERNAL", "start_time_unix_nano": N,
 *     "end_time_unix_nano": N, "events": [], "status": {"code": "STATUS_CODE_OK",
 *     "message": ""}, "attributes": {k: "<JSON text>"}, "links": []},...]}
 *
 * The seeds write 2.17 span data; it is converted on first read, so a big
 * trace costs nothing until it is opened.
 */
import type { WireKeyValue } from '../../app/api/wire';
import { force, type Db, type DbTrace } from '../db';
import { pyDumps, type PyObject, type PyValue } from './pyjson';

/** A 2.17 id (32 hex) as 3.x names it; ids that already are v3 stay. */
export function line3TraceId(id: string): string {
  return id.startsWith('tr-') ? id : `tr-${id}`;
}

/** `0x`-prefixed or bare hex -> base64 of its bytes, as OTLP JSON writes ids. */
export function hexToBase64(hex: string): string {
  const h = hex.startsWith('0x') ? hex.slice(2) : hex;
  let bin = '';
  for (let i = 0; i + 1 < h.length; i += 2)
    bin += String.fromCharCode(Number.parseInt(h.slice(i, i + 2), 16));
  return btoa(bin);
}

/** 2.17 span data's big integers, quoted before JSON.parse so no digit is lost. */
const TIME_FIELD = /("(?:start_time|end_time|timestamp)": )(-?\d+)/g;

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const big = (v: unknown): bigint => BigInt(typeof v === 'string' ? v : 0);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

const STATUS: Record<string, string> = {
  OK: 'STATUS_CODE_OK',
  ERROR: 'STATUS_CODE_ERROR',
};

function spanV3(s: Obj, traceId: string): PyObject {
  const context = isObj(s.context) ? s.context : {};
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(isObj(s.attributes) ? s.attributes : {}))
    attributes[k] = k === 'mlflow.traceRequestId' ? JSON.stringify(traceId) : str(v);
  const events = Array.isArray(s.events) ? s.events.filter(isObj) : [];
  const parent = str(s.parent_id);
  return {
    trace_id: hexToBase64(str(context.trace_id)),
    span_id: hexToBase64(str(context.span_id)),
    parent_span_id: parent ? hexToBase64(parent) : null,
    name: str(s.name),
    kind: 'SPAN_KIND_INTERNAL',
    start_time_unix_nano: big(s.start_time),
    end_time_unix_nano: big(s.end_time),
    events: events.map((e) => ({
      name: str(e.name),
      time_unix_nano: big(e.timestamp),
      attributes: (isObj(e.attributes) ? e.attributes : {}) as PyObject,
    })),
    status: {
      code: STATUS[str(s.status_code)] ?? 'STATUS_CODE_UNSET',
      message: str(s.status_message),
    },
    attributes,
    links: [],
  };
}

/** 2.17 span data text -> the 3.18 get-trace-artifact body of trace `traceId`. */
export function spanDataV3(text217: string, traceId: string): string {
  const parsed: unknown = JSON.parse(text217.replace(TIME_FIELD, '$1"$2"'));
  const spans = isObj(parsed) && Array.isArray(parsed.spans) ? parsed.spans.filter(isObj) : [];
  return `{"spans":[${spans.map((s) => pyDumps(spanV3(s, traceId) as PyValue)).join(',')}]}`;
}

function setKv(list: WireKeyValue[], key: string, value: string): void {
  const hit = list.find((kv) => kv.key === key);
  if (hit) hit.value = value;
  else list.push({ key, value });
}

/** Tags the 2.17 client set that the 3.18 client writes as trace metadata instead. */
const TO_METADATA = new Set(['mlflow.user', 'mlflow.source.name', 'mlflow.source.type']);

/** One trace as 3.18 stores it: new id, v3 metadata and tags, v3 span data. */
function toLine3(t: DbTrace, id: string): void {
  const old = t.info.request_id;
  t.info.request_id = id;
  const metadata = t.info.request_metadata ?? (t.info.request_metadata = []);
  setKv(metadata, 'mlflow.trace_schema.version', '3');
  setKv(metadata, 'mlflow.user', 'root');
  for (const k of ['branch', 'commit', 'repoURL']) setKv(metadata, `mlflow.source.git.${k}`, '');
  for (const kv of t.info.tags ?? [])
    if (TO_METADATA.has(kv.key)) setKv(metadata, kv.key, kv.value);
  setKv(metadata, 'mlflow.trace.infoFinalized', 'true');
  const tags = (t.info.tags ?? []).filter(
    (kv) => kv.key !== 'mlflow.traceSpans' && !TO_METADATA.has(kv.key),
  );
  for (const kv of tags)
    if (kv.key === 'mlflow.artifactLocation') kv.value = kv.value.replace(old, id);
  setKv(tags, 'mlflow.trace.spansLocation', 'TRACKING_STORE');
  t.info.tags = tags;
  const data217 = t.data;
  t.data = () => spanDataV3(force(data217), id);
}

/** Every trace of the db (seeded in 2.17 form) as a 3.18 server has it. */
export function convertTracesToLine3(db: Db): void {
  for (const [id, t] of [...db.traces]) {
    const id3 = line3TraceId(id);
    toLine3(t, id3);
    db.traces.delete(id);
    db.traces.set(id3, t);
  }
}

/** Where each span object starts in v3 span data (attribute text has its quotes escaped). */
const SPAN_START = '{"trace_id": "';

/**
 * `mlflow.trace.sizeBytes` and `mlflow.trace.sizeStats` as the 3.18 client
 * writes them: the size of the span data and the spread of its span sizes.
 */
export function sizeMetadata(text: string): [string, string][] {
  const sizes: number[] = [];
  let at = text.indexOf(SPAN_START);
  while (at >= 0) {
    const next = text.indexOf(SPAN_START, at + 1);
    sizes.push((next < 0 ? text.length - 2 : next - 1) - at);
    at = next;
  }
  const sorted = [...sizes].sort((a, b) => a - b);
  const q = (p: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 0;
  const stats = {
    total_size_bytes: text.length,
    num_spans: sizes.length,
    max: sorted[sorted.length - 1] ?? 0,
    p25: q(0.25),
    p50: q(0.5),
    p75: q(0.75),
  };
  return [
    ['mlflow.trace.sizeBytes', String(text.length)],
    ['mlflow.trace.sizeStats', JSON.stringify(stats).replace(/([,:])/g, '$1 ')],
  ];
}
