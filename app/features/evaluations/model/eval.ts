import type { Assessment, TraceInfo } from '../../../api';

/** One evaluated row: a trace of the evaluation run with its expectations and scorer verdicts. */
export interface EvalRow {
  traceId: string;
  /** Matches the same input across two evaluation runs. */
  key: string;
  inputs: string;
  outputs: string;
  expectations: Record<string, unknown>;
  /** scorer name -> its feedback on this row */
  scores: Record<string, Assessment>;
  failing: boolean;
}

/** A feedback that failed: `false`, `no`, or an error from the scorer. */
export function isFailing(a: Assessment): boolean {
  return a.error !== null || a.value === false || a.value === 'no';
}

/** The evaluation's rows, one per trace; scorers are the feedbacks from code or a judge (humans' come later). */
export function evalRows(traces: readonly TraceInfo[]): EvalRow[] {
  return traces.map((t) => {
    const expectations: Record<string, unknown> = {};
    const scores: Record<string, Assessment> = {};
    for (const a of t.assessments) {
      if (!a.valid) continue;
      if (a.kind === 'expectation') expectations[a.name] = a.value;
      else if (a.source.type !== 'HUMAN') scores[a.name] = a;
    }
    return {
      traceId: t.requestId,
      key: t.tags['mlflow.eval.requestId'] || t.requestPreview,
      inputs: t.requestPreview,
      outputs: t.responsePreview,
      expectations,
      scores,
      failing: Object.values(scores).some(isFailing),
    };
  });
}

export function scorerNames(rows: readonly EvalRow[]): string[] {
  return [...new Set(rows.flatMap((r) => Object.keys(r.scores)))].sort();
}

export function expectationNames(rows: readonly EvalRow[]): string[] {
  return [...new Set(rows.flatMap((r) => Object.keys(r.expectations)))].sort();
}

/** Per scorer: the pass rate of pass/fail verdicts, or the mean of numbers (what `<scorer>/mean` holds). */
export interface ScorerAggregate {
  name: string;
  count: number;
  /** Mean over the numeric or boolean values (true = 1), as MLflow's `<scorer>/mean` metric. */
  mean: number | null;
  passed: number;
  failed: number;
}

export function aggregates(rows: readonly EvalRow[]): ScorerAggregate[] {
  return scorerNames(rows).map((name) => {
    let count = 0;
    let sum = 0;
    let n = 0;
    let passed = 0;
    let failed = 0;
    for (const r of rows) {
      const a = r.scores[name];
      if (!a) continue;
      count++;
      if (typeof a.value === 'boolean') {
        n++;
        sum += a.value ? 1 : 0;
      } else if (typeof a.value === 'number') {
        n++;
        sum += a.value;
      }
      if (a.value === true || a.value === 'yes') passed++;
      if (isFailing(a)) failed++;
    }
    return { name, count, mean: n ? sum / n : null, passed, failed };
  });
}

/** Two runs' rows side by side, matched by input; `changed` lists the scorers whose verdict differs. */
export interface ComparedRow {
  key: string;
  a: EvalRow | null;
  b: EvalRow | null;
  changed: string[];
}

export function compareRuns(a: readonly EvalRow[], b: readonly EvalRow[]): ComparedRow[] {
  const bByKey = new Map(b.map((r) => [r.key, r]));
  const used = new Set<string>();
  const out: ComparedRow[] = [];
  const verdict = (r: EvalRow | null, s: string) => {
    const x = r?.scores[s];
    return x ? JSON.stringify(x.error ?? x.value) : '';
  };
  const push = (ra: EvalRow | null, rb: EvalRow | null) => {
    const names = new Set([...Object.keys(ra?.scores ?? {}), ...Object.keys(rb?.scores ?? {})]);
    out.push({
      key: (ra ?? rb)!.key,
      a: ra,
      b: rb,
      changed: [...names].filter((s) => verdict(ra, s) !== verdict(rb, s)).sort(),
    });
  };
  for (const ra of a) {
    const rb = bByKey.get(ra.key) ?? null;
    if (rb) used.add(rb.key);
    push(ra, rb);
  }
  for (const rb of b) if (!used.has(rb.key)) push(null, rb);
  return out;
}
