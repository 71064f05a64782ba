import { spanAttribute, wireAttributesOf, type AttributeValue, type Span } from '../../../api';
import { at } from '../../../lib/at';
import { childIndices, durationNs, type SpanTree } from './tree';

export const KNOWN_SPAN_TYPES = [
  'AGENT',
  'CHAIN',
  'LLM',
  'CHAT_MODEL',
  'RETRIEVER',
  'TOOL',
  'PARSER',
  'EMBEDDING',
  'RERANKER',
  'UNKNOWN',
];

/** Span count per type, most frequent first (ties by name). */
export function spanTypeCounts(spans: readonly Span[]): { type: string; count: number }[] {
  const m = new Map<string, number>();
  for (const s of spans) m.set(s.spanType, (m.get(s.spanType) ?? 0) + 1);
  return [...m.entries()]
    .map(([type, count]) => ({ type, count }))
    .sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : 1));
}

export function errorCount(spans: readonly Span[]): number {
  let c = 0;
  for (const s of spans) if (s.status === 'ERROR') c++;
  return c;
}

export interface TokenUsage {
  input: number;
  output: number;
  total: number;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function usageFrom(v: unknown): TokenUsage | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  const input = num(o.prompt_tokens) ?? num(o.input_tokens);
  const output = num(o.completion_tokens) ?? num(o.output_tokens);
  const total =
    num(o.total_tokens) ??
    (input !== null || output !== null ? (input ?? 0) + (output ?? 0) : null);
  if (input === null && output === null && total === null) return null;
  return { input: input ?? 0, output: output ?? 0, total: total ?? 0 };
}

const value = (a: AttributeValue | undefined): unknown => (a && a.ok ? a.value : undefined);

/**
 * Usage inside the outputs. The outputs of a span from getTraceData are parsed
 * only when their JSON text can hold a `usage` key (spelled out, or through a
 * \u escape): the roll-up over a 10k-span trace then parses a handful.
 */
function usageInOutputs(s: Span): TokenUsage | null {
  const wire = wireAttributesOf(s);
  const raw = wire?.['mlflow.spanOutputs'];
  if (typeof raw === 'string' && !raw.includes('usage') && !raw.includes('\\u')) return null;
  const out = value(wire ? spanAttribute(s, 'mlflow.spanOutputs') : s.outputs);
  return out && typeof out === 'object' && !Array.isArray(out)
    ? usageFrom((out as Record<string, unknown>).usage)
    : null;
}

/**
 * A span's own token usage: MLflow's `mlflow.chat.tokenUsage`, a `usage`
 * attribute (OpenAI shape), or `usage` inside the outputs. Reads only those
 * attributes, so it does not decode a span's whole payload.
 */
export function spanTokenUsage(s: Span): TokenUsage | null {
  return (
    usageFrom(value(spanAttribute(s, 'mlflow.chat.tokenUsage'))) ??
    usageFrom(value(spanAttribute(s, 'usage'))) ??
    usageFrom(value(spanAttribute(s, 'llm.token_usage'))) ??
    usageInOutputs(s)
  );
}

/**
 * Token usage rolled up the tree. A span that reports its own usage keeps it;
 * otherwise it sums its children. A wrapper reporting the total of the LLM
 * call inside it is therefore not counted twice.
 */
export function rollUpTokenUsage(tree: SpanTree): (TokenUsage | null)[] {
  const n = tree.spans.length;
  const own = tree.spans.map(spanTokenUsage);
  const sum: (TokenUsage | null)[] = own.slice();
  const childSum: (TokenUsage | null)[] = new Array(n).fill(null);
  for (let p = n - 1; p >= 0; p--) {
    const kids = childSum[p] ?? null;
    if (!own[p] && kids) sum[p] = kids;
    const q = tree.parent[p] as number; // p < n
    const u = sum[p];
    if (q < 0 || !u) continue;
    const acc = childSum[q] ?? { input: 0, output: 0, total: 0 };
    childSum[q] = {
      input: acc.input + u.input,
      output: acc.output + u.output,
      total: acc.total + u.total,
    };
  }
  return sum;
}

export interface LatencyPart {
  index: number | null;
  label: string;
  spanType: string;
  ns: number;
  share: number;
}

/**
 * Where a span's time went: each direct child, plus "self" time, the part of
 * the span not covered by any child (overlapping children are merged).
 */
export function latencyBreakdown(tree: SpanTree, i: number): LatencyPart[] {
  const total = durationNs(tree, i);
  const kids = childIndices(tree, i);
  const span = at(tree.spans, i, 'span');
  const s = span.startNs;
  const e = at(tree.endNs, i, 'span');
  const intervals = kids
    .map(
      (c) =>
        [
          Math.max(at(tree.spans, c, 'child span').startNs, s),
          Math.min(at(tree.endNs, c, 'child span'), e),
        ] as const,
    )
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let covered = 0;
  let curS = -Infinity;
  let curE = -Infinity;
  for (const [a, b] of intervals) {
    if (a > curE) {
      if (curE > curS) covered += curE - curS;
      curS = a;
      curE = b;
    } else if (b > curE) curE = b;
  }
  if (curE > curS) covered += curE - curS;
  const share = (ns: number) => (total > 0 ? ns / total : 0);
  const parts: LatencyPart[] = kids.map((c) => {
    const { name, spanType } = at(tree.spans, c, 'child span');
    const ns = durationNs(tree, c);
    return { index: c, label: name, spanType, ns, share: share(ns) };
  });
  parts.sort((a, b) => b.ns - a.ns);
  const self = Math.max(total - covered, 0);
  return [
    { index: i, label: 'self', spanType: span.spanType, ns: self, share: share(self) },
    ...parts,
  ];
}

export interface ExceptionInfo {
  type: string;
  message: string;
  stacktrace: string;
  offsetNs: number;
}

const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v);

/** OpenTelemetry exception events (`exception.type`, `.message`, `.stacktrace`). */
export function exceptionEvents(s: Span): ExceptionInfo[] {
  return s.events
    .filter((e) => e.name === 'exception' || 'exception.type' in e.attributes)
    .map((e) => ({
      type: str(e.attributes['exception.type']),
      message: str(e.attributes['exception.message']),
      stacktrace: str(e.attributes['exception.stacktrace']),
      offsetNs: e.offsetNs,
    }));
}
