/**
 * Span data (get-trace-artifact) -> app types. A 10k-span trace is a 5.6 MB
 * body, so this path is written for speed without giving up exactness:
 *
 * - span times are nanoseconds beyond 2^53: they are quoted before JSON.parse
 *   and turned into exact offsets from the trace's first start;
 * - attribute values are JSON documents inside strings: only `mlflow.spanType`
 *   is decoded up front; the others are decoded on first read of a span's
 *   `attributes` / `inputs` / `outputs` (the selected span, a search), once.
 */
import { ShapeError } from './check';
import type { AttributeValue, Span, SpanEvent, SpanStatus, TraceData } from './types';

/** An attribute value is a JSON document inside a string; keep the raw text when it is not. */
export function decodeAttribute(raw: unknown): AttributeValue {
  if (typeof raw !== 'string') return { ok: true, value: raw };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false, raw };
  }
}

/**
 * The trace body is read as text and the big time integers are quoted before
 * JSON.parse, so no digit is lost.
 */
const BIG_TIME_FIELD =
  /("(?:start_time|end_time|timestamp|start_time_unix_nano|end_time_unix_nano|time_unix_nano)"\s*:\s*)(-?\d{16,})/g;

export function parseTraceDataText(text: string): unknown {
  return JSON.parse(text.replace(BIG_TIME_FIELD, '$1"$2"'));
}

function toBigInt(v: unknown): bigint | null {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  if (typeof v === 'number' && Number.isFinite(v)) return BigInt(Math.round(v));
  return null;
}

const GIGA = 1_000_000_000;

/** A plain positive integer of 10 to 24 digits without a leading zero. */
const PLAIN_NS = /^[1-9][0-9]{9,23}$/;

/**
 * A time string split as `hi * 1e9 + lo` (both exact doubles), written into
 * `parts`; false when it is not a plain positive integer of 10 to 24 digits
 * without leading zeros. This runs 20k times on a 10k-span trace, mostly
 * before the JIT has warmed up: a regular expression test is native code.
 */
function splitNs(v: unknown, parts: Float64Array, at: number): boolean {
  if (typeof v !== 'string' || !PLAIN_NS.test(v)) return false;
  const n = v.length;
  parts[at] = Number(v.slice(0, n - 9));
  parts[at + 1] = Number(v.slice(n - 9));
  return true;
}

/**
 * Exact ns offsets from the trace's first start, without a BigInt per value in
 * the common case: with both times split as `hi * 1e9 + lo`, the offset
 * `(hi - baseHi) * 1e9 + (lo - baseLo)` is exact in doubles while it stays
 * under 2^53 (about 104 days). Anything else (negative, short, numeric, or a
 * span months away from the first one) takes the BigInt path, which rounds as
 * `Number(t - base)` always did.
 */
class NsClock {
  private readonly hi: number;
  private readonly lo: number;
  private readonly parts = new Float64Array(2);
  constructor(readonly base: bigint) {
    this.hi = Number(base / BigInt(GIGA));
    this.lo = Number(base % BigInt(GIGA));
  }

  offset(v: unknown): number | null {
    return splitNs(v, this.parts, 0) ? this.offsetOfParts(v) : this.offsetOfBigInt(v);
  }

  /** The offset of the value last split into `parts` (see offset). */
  private offsetOfParts(v: unknown): number | null {
    const p = this.parts; // a Float64Array(2): [0] and [1] are always there
    const dHi = (p[0] as number) - this.hi;
    if (dHi > -9_000_000 && dHi < 9_000_000) return dHi * GIGA + ((p[1] as number) - this.lo);
    return this.offsetOfBigInt(v);
  }

  private offsetOfBigInt(v: unknown): number | null {
    const t = toBigInt(v);
    return t === null ? null : Number(t - this.base);
  }

  /**
   * A span's start: its ns offset and its absolute epoch milliseconds (floor
   * division, as BigInt `/` on non-negatives), from one split of the text.
   */
  start(v: unknown, fallback: bigint, out: { ns: number; ms: number }): void {
    const p = this.parts; // a Float64Array(2)
    if (splitNs(v, p, 0)) {
      // hi * 1000 stays exact up to 12 digits of hi (21 in all).
      out.ms =
        (v as string).length <= 21
          ? (p[0] as number) * 1000 + Math.floor((p[1] as number) / 1_000_000)
          : this.epochMsOfBigInt(v, fallback);
      out.ns = this.offsetOfParts(v) ?? 0;
    } else {
      out.ms = this.epochMsOfBigInt(v, fallback);
      out.ns = this.offsetOfBigInt(v) ?? 0;
    }
  }

  private epochMsOfBigInt(v: unknown, fallback: bigint): number {
    return Number((toBigInt(v) ?? fallback) / 1_000_000n);
  }
}

/** The earliest start: compared on split parts when possible, as BigInt otherwise. */
function earliestStart(spans: readonly LooseSpan[]): bigint | null {
  const p = new Float64Array(2);
  let bestHi = Infinity;
  let bestLo = Infinity;
  let best: string | null = null;
  let other: bigint | null = null;
  for (const s of spans) {
    const v = s.start_time ?? s.start_time_unix_nano;
    if (splitNs(v, p, 0)) {
      const hi = p[0] as number; // p is a Float64Array(2), just filled
      const lo = p[1] as number;
      if (hi < bestHi || (hi === bestHi && lo < bestLo)) {
        bestHi = hi;
        bestLo = lo;
        best = v as string;
      }
    } else {
      const t = toBigInt(v);
      if (t !== null && (other === null || t < other)) other = t;
    }
  }
  if (best === null) return other;
  const b = BigInt(best);
  return other !== null && other < b ? other : b;
}

function spanStatus(code: string | undefined): SpanStatus {
  if (code === 'OK' || code === 'STATUS_CODE_OK') return 'OK';
  if (code === 'ERROR' || code === 'STATUS_CODE_ERROR') return 'ERROR';
  return 'UNSET';
}

/**
 * A span as either line sends it. MLflow 2.x: `context.{span_id,trace_id}` as
 * 0x-hex, `parent_id`, `start_time`/`end_time`, `status_code`. MLflow 3.x (the
 * OpenTelemetry-shaped v3 schema): `span_id`/`trace_id`/`parent_span_id` as
 * base64 bytes, `*_unix_nano` times, `status: {code, message}`, events with
 * `time_unix_nano`. Attributes are JSON strings in both.
 */
interface LooseSpan {
  name?: unknown;
  context?: { span_id?: string; trace_id?: string };
  parent_id?: string | null;
  start_time?: number | string;
  end_time?: number | string | null;
  status_code?: string;
  status_message?: string;
  span_id?: string;
  trace_id?: string;
  parent_span_id?: string | null;
  start_time_unix_nano?: number | string;
  end_time_unix_nano?: number | string | null;
  status?: { code?: string; message?: string };
  attributes?: Record<string, unknown>;
  events?: {
    name: string;
    timestamp?: number | string;
    time_unix_nano?: number | string;
    attributes?: Record<string, unknown>;
  }[];
}

const HEX_ID = /^(?:0x)?[0-9a-f]{16}(?:[0-9a-f]{16})?$/i;
const BASE64_ID = /^[A-Za-z0-9+/]+={0,2}$/;
const HEX_DIGITS = '0123456789abcdef';

/**
 * A v3 span or trace id as lowercase hex, the form MLflow 3 uses everywhere
 * else (assessments' span_id, the Python client's `span.span_id`). The wire
 * sends base64 bytes (`pBx49+X52GQ=`); 3.5.0 wrote hex: keep hex as it is.
 */
export function v3IdToHex(id: string | null | undefined): string {
  if (!id) return '';
  // 8- and 16-byte ids are 12 and 24 base64 characters; hex ids are 16 and 32.
  if (HEX_ID.test(id) || id.length % 4 !== 0 || !BASE64_ID.test(id)) return id;
  let bin: string;
  try {
    bin = atob(id);
  } catch {
    return id;
  }
  let out = '';
  for (let i = 0; i < bin.length; i++) {
    const b = bin.charCodeAt(i);
    out += HEX_DIGITS.charAt(b >> 4) + HEX_DIGITS.charAt(b & 15);
  }
  return out;
}

const NO_ATTRIBUTES: Readonly<Record<string, unknown>> = Object.freeze({});
const NO_EVENTS: SpanEvent[] = [];

/** A span whose attributes stay as sent until first read; then decoded once and kept. */
class WireBackedSpan implements Span {
  events: SpanEvent[] = NO_EVENTS;
  private decoded: Record<string, AttributeValue> | null = null;

  // Every field set once, in the constructor: this runs 10k times on a big trace, before the JIT warms up.
  constructor(
    readonly spanId: string,
    readonly traceId: string,
    readonly parentId: string | null,
    readonly name: string,
    readonly spanType: string,
    readonly startNs: number,
    readonly endNs: number | null,
    readonly startTimeMs: number,
    readonly status: SpanStatus,
    readonly statusMessage: string,
    /** The wire attributes (JSON strings), for readers that can decide without decoding. */
    readonly wireAttributes: Readonly<Record<string, unknown>>,
  ) {}

  get isDecoded(): boolean {
    return this.decoded !== null;
  }

  get attributes(): Record<string, AttributeValue> {
    if (this.decoded === null) {
      const out: Record<string, AttributeValue> = {};
      for (const [k, v] of Object.entries(this.wireAttributes)) out[k] = decodeAttribute(v);
      this.decoded = out;
    }
    return this.decoded;
  }

  get inputs(): AttributeValue | undefined {
    return this.attributes['mlflow.spanInputs'];
  }

  get outputs(): AttributeValue | undefined {
    return this.attributes['mlflow.spanOutputs'];
  }
}

/**
 * The attributes of a decoded span as they came over the wire (each a JSON
 * string), or null for a span built another way (tests). Lets a reader skip
 * spans that cannot hold what it looks for without decoding them.
 */
export function wireAttributesOf(span: Span): Readonly<Record<string, unknown>> | null {
  return span instanceof WireBackedSpan ? span.wireAttributes : null;
}

/**
 * One attribute of a span, decoded. For a span from getTraceData whose
 * attributes were not read yet, only that value is parsed (the rest stay raw).
 */
export function spanAttribute(span: Span, key: string): AttributeValue | undefined {
  if (!(span instanceof WireBackedSpan) || span.isDecoded) return span.attributes[key];
  return Object.hasOwn(span.wireAttributes, key)
    ? decodeAttribute(span.wireAttributes[key])
    : undefined;
}

function spanTypeOf(raw: unknown): string {
  if (raw === undefined) return 'UNKNOWN';
  const a = decodeAttribute(raw);
  if (!a.ok) return a.raw;
  return typeof a.value === 'string' ? a.value : 'UNKNOWN';
}

/** A trace has a handful of distinct span types: decode each raw text once. */
function spanTypeReader(): (raw: unknown) => string {
  const seen = new Map<string, string>();
  return (raw) => {
    if (typeof raw !== 'string') return spanTypeOf(raw);
    let t = seen.get(raw);
    if (t === undefined) {
      t = spanTypeOf(raw);
      seen.set(raw, t);
    }
    return t;
  };
}

export function decodeTraceData(body: unknown): TraceData {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new ShapeError('', 'an object', body);
  const b = body as { spans?: LooseSpan[]; request?: string | null; response?: string | null };
  if (b.spans !== undefined && !Array.isArray(b.spans))
    throw new ShapeError('spans', 'a list', b.spans);
  const wireSpans = b.spans ?? [];
  const base = earliestStart(wireSpans) ?? 0n;
  const clock = new NsClock(base);
  const spanType = spanTypeReader();
  const spans: Span[] = new Array<Span>(wireSpans.length);
  const start = { ns: 0, ms: 0 };
  for (let i = 0; i < wireSpans.length; i++) {
    const s = wireSpans[i];
    if (s === null || typeof s !== 'object') throw new ShapeError(`spans[${i}]`, 'an object', s);
    const attrs = s.attributes ?? NO_ATTRIBUTES;
    const v3 = s.context === undefined && s.span_id !== undefined;
    const context = s.context;
    clock.start(v3 ? s.start_time_unix_nano : s.start_time, base, start);
    const span = new WireBackedSpan(
      v3 ? v3IdToHex(s.span_id) : (context?.span_id ?? ''),
      v3 ? v3IdToHex(s.trace_id) : (context?.trace_id ?? ''),
      v3 ? (s.parent_span_id ? v3IdToHex(s.parent_span_id) : null) : (s.parent_id ?? null),
      typeof s.name === 'string' ? s.name : String(s.name ?? ''),
      spanType(attrs['mlflow.spanType']),
      start.ns,
      clock.offset(v3 ? s.end_time_unix_nano : s.end_time),
      start.ms,
      spanStatus(v3 ? s.status?.code : s.status_code),
      (v3 ? s.status?.message : s.status_message) ?? '',
      attrs,
    );
    const events = s.events;
    if (events && events.length) {
      span.events = events.map((e) => ({
        name: e.name,
        offsetNs: clock.offset(e.timestamp ?? e.time_unix_nano) ?? 0,
        attributes: e.attributes ?? {},
      }));
    }
    spans[i] = span;
  }
  return {
    spans,
    request: b.request === undefined || b.request === null ? null : decodeAttribute(b.request),
    response: b.response === undefined || b.response === null ? null : decodeAttribute(b.response),
  };
}
