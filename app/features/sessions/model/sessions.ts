import type { TraceInfo } from '../../../api';
import { compareText } from '../../../lib/compare-text';

/** Tokens of one trace, from `mlflow.trace.tokenUsage` metadata (`{"total_tokens": …}`), or null. */
export function traceTokens(t: TraceInfo): number | null {
  const raw = t.requestMetadata['mlflow.trace.tokenUsage'];
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(raw);
    if (v && typeof v === 'object' && 'total_tokens' in v && typeof v.total_tokens === 'number')
      return v.total_tokens;
  } catch {
    // not JSON: no count
  }
  return null;
}

export interface SessionSummary {
  id: string;
  userId: string | null;
  turns: number;
  firstMs: number;
  lastMs: number;
  /** From the first request to the end of the last turn. */
  durationMs: number;
  /** null when no trace of the session recorded its token usage. */
  tokens: number | null;
  errors: number;
  /** Per assessment name: how many there are, and of the pass/fail ones how many passed. */
  assessments: { name: string; count: number; verdicts: number; passed: number }[];
}

/** Group traces by `mlflow.trace.session`, newest session first. Traces without one are left out. */
export function sessionsOf(traces: readonly TraceInfo[]): SessionSummary[] {
  const groups = new Map<string, TraceInfo[]>();
  for (const t of traces) {
    if (!t.sessionId) continue;
    const g = groups.get(t.sessionId);
    if (g) g.push(t);
    else groups.set(t.sessionId, [t]);
  }
  const out: SessionSummary[] = [];
  for (const [id, ts] of groups) {
    let first = Infinity;
    let last = -Infinity;
    let end = -Infinity;
    let tokens: number | null = null;
    let errors = 0;
    const assess = new Map<string, { count: number; verdicts: number; passed: number }>();
    for (const t of ts) {
      first = Math.min(first, t.timestampMs);
      last = Math.max(last, t.timestampMs);
      end = Math.max(end, t.timestampMs + (t.executionTimeMs ?? 0));
      const n = traceTokens(t);
      if (n !== null) tokens = (tokens ?? 0) + n;
      if (t.status === 'ERROR') errors++;
      for (const a of t.assessments) {
        if (!a.valid) continue;
        const s = assess.get(a.name) ?? { count: 0, verdicts: 0, passed: 0 };
        s.count++;
        if (typeof a.value === 'boolean') s.verdicts++;
        if (a.value === true) s.passed++;
        assess.set(a.name, s);
      }
    }
    out.push({
      id,
      userId: ts.find((t) => t.userId)?.userId ?? null,
      turns: ts.length,
      firstMs: first,
      lastMs: last,
      durationMs: end - first,
      tokens,
      errors,
      assessments: [...assess.entries()]
        .sort(([a], [b]) => compareText(a, b))
        .map(([name, s]) => ({ name, ...s })),
    });
  }
  return out.sort((a, b) => b.lastMs - a.lastMs);
}

/**
 * The message a preview holds, for reading a session as a conversation: a
 * plain string; the last user message of a chat request; the content of a
 * chat response; the only value of a one-field object; else the JSON itself.
 * Always text: the caller renders it as text, never as HTML.
 */
export function messageOf(preview: string): string {
  if (!preview) return '';
  let v: unknown;
  try {
    v = JSON.parse(preview);
  } catch {
    return preview;
  }
  return textOf(v) ?? preview;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function textOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) {
    // a list of chat messages: the last one from the user (or the last one)
    const msgs = v.filter(isRecord);
    const user = [...msgs].reverse().find((m) => m.role === 'user') ?? msgs[msgs.length - 1];
    return user && typeof user.content === 'string' ? user.content : null;
  }
  if (!isRecord(v)) return null;
  if (Array.isArray(v.messages)) return textOf(v.messages);
  if (Array.isArray(v.choices) && isRecord(v.choices[0]) && isRecord(v.choices[0].message))
    return textOf(v.choices[0].message.content);
  const keys = Object.keys(v);
  const [only] = keys;
  if (keys.length === 1 && only !== undefined) return textOf(v[only]);
  return null;
}
