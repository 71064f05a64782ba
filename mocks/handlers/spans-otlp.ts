/**
 * Span data (the v3 get-trace-artifact body) -> the spans of
 * `GET /api/3.0/mlflow/traces/get` (traces_get_v3_with_spans.json): OTLP JSON
 * with typed attribute values (`string_value`, `int_value`, `kvlist_value`, ...)
 * and times as JSON numbers (the server's own answer rounds them to doubles).
 */
import type { JsonObject } from './http';

const TIME_FIELD = /("(?:start_time_unix_nano|end_time_unix_nano|time_unix_nano)": ?)(-?\d+)/g;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A JSON value as OTLP's AnyValue. */
export function anyValue(v: unknown): JsonObject {
  if (typeof v === 'string') return { string_value: v };
  if (typeof v === 'boolean') return { bool_value: v };
  if (typeof v === 'number') return Number.isInteger(v) ? { int_value: v } : { double_value: v };
  if (Array.isArray(v)) return { array_value: { values: v.map(anyValue) } };
  if (isObj(v))
    return {
      kvlist_value: { values: Object.entries(v).map(([key, x]) => ({ key, value: anyValue(x) })) },
    };
  return {};
}

function attributeValue(raw: unknown): JsonObject {
  if (typeof raw !== 'string') return anyValue(raw);
  try {
    return anyValue(JSON.parse(raw));
  } catch {
    return { string_value: raw };
  }
}

export function spansAsOtlp(text: string): JsonObject[] {
  const parsed: unknown = JSON.parse(text.replace(TIME_FIELD, '$1"$2"'));
  const spans = isObj(parsed) && Array.isArray(parsed.spans) ? parsed.spans.filter(isObj) : [];
  return spans.map((s) => {
    const status = isObj(s.status) ? s.status : {};
    const events = Array.isArray(s.events) ? s.events.filter(isObj) : [];
    return {
      trace_id: s.trace_id,
      span_id: s.span_id,
      ...(s.parent_span_id ? { parent_span_id: s.parent_span_id } : {}),
      name: s.name,
      kind: s.kind,
      start_time_unix_nano: Number(s.start_time_unix_nano),
      end_time_unix_nano: Number(s.end_time_unix_nano),
      attributes: Object.entries(isObj(s.attributes) ? s.attributes : {}).map(([key, v]) => ({
        key,
        value: attributeValue(v),
      })),
      ...(events.length
        ? {
            events: events.map((e) => ({
              name: e.name,
              time_unix_nano: Number(e.time_unix_nano),
              attributes: Object.entries(isObj(e.attributes) ? e.attributes : {}).map(
                ([key, v]) => ({ key, value: anyValue(v) }),
              ),
            })),
          }
        : {}),
      status: {
        code: status.code,
        ...(typeof status.message === 'string' && status.message
          ? { message: status.message }
          : {}),
      },
    };
  });
}
