import type { Assessment, TraceInfo } from '../../../api';
import { compareText } from '../../../lib/compare-text';

/** How a value reads: pass/fail, a number, text, or JSON (always shown as text). */
export type ShownValue =
  | { kind: 'pass' | 'fail'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'json'; text: string }
  | { kind: 'none'; text: string };

export function shownValue(a: Pick<Assessment, 'value' | 'error'>): ShownValue {
  const v = a.value;
  if (a.error) return { kind: 'fail', text: `error: ${a.error}` };
  if (v === true || v === 'yes' || v === 'pass') return { kind: 'pass', text: 'pass' };
  if (v === false || v === 'no' || v === 'fail') return { kind: 'fail', text: 'fail' };
  if (typeof v === 'number')
    return {
      kind: 'number',
      text: Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4))),
    };
  if (typeof v === 'string') return { kind: 'text', text: v };
  if (v === null || v === undefined) return { kind: 'none', text: '—' };
  return { kind: 'json', text: JSON.stringify(v, null, 2) };
}

/** The value a person typed into the editor -> what to send: JSON when it parses, else text. */
export function parseTypedValue(text: string): unknown {
  const t = text.trim();
  if (t === '') return '';
  try {
    return JSON.parse(t);
  } catch {
    return text;
  }
}

/** The editor's text for a value (strings as they are, the rest as JSON). */
export function typedValueOf(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Assessments that count: overridden ones (valid = false) stay visible on the trace page but not in the list. */
export function currentAssessments(list: readonly Assessment[]): Assessment[] {
  return list.filter((a) => a.valid);
}

/** An assessment column of the traces list: its name, and how many traces got each value. */
export interface AssessmentColumn {
  name: string;
  /** Only feedback values can be filtered on (the v3 search's `feedback.<name>`). */
  filterable: boolean;
  counts: { value: string; count: number }[];
}

/** One column per assessment name across the loaded traces, with counts per value (most common first). */
export function assessmentColumns(traces: readonly TraceInfo[]): AssessmentColumn[] {
  const byName = new Map<string, Map<string, number>>();
  const feedbackNames = new Set<string>();
  for (const t of traces)
    for (const a of currentAssessments(t.assessments)) {
      let counts = byName.get(a.name);
      if (!counts) byName.set(a.name, (counts = new Map()));
      if (a.kind === 'feedback') feedbackNames.add(a.name);
      const v = shownValue(a).text;
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
  return [...byName.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, counts]) => ({
      name,
      filterable: feedbackNames.has(name),
      counts: [...counts.entries()]
        .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
        .map(([value, count]) => ({ value, count })),
    }));
}

/** The value shown in a trace's cell of one assessment column: the newest current one. */
export function cellValue(t: TraceInfo, name: string): ShownValue | null {
  let best: Assessment | null = null;
  for (const a of t.assessments)
    if (
      a.valid &&
      a.name === name &&
      (!best || (a.lastUpdateTime ?? 0) > (best.lastUpdateTime ?? 0))
    )
      best = a;
  return best ? shownValue(best) : null;
}

/**
 * The v3 search's filter on a feedback value: `feedback.<name> = '<value>'`.
 * The server compares the value as text (booleans read `true`/`false`), and a
 * name with anything but word characters is quoted with back-quotes.
 */
export function feedbackFilter(name: string, shown: string): string {
  const key = /^\w+$/.test(name) ? name : `\`${name.replace(/`/g, '')}\``;
  const value = shown === 'pass' ? 'true' : shown === 'fail' ? 'false' : shown;
  const quoted = value.includes("'") ? `"${value}"` : `'${value}'`;
  return `feedback.${key} = ${quoted}`;
}
