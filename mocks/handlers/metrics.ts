/**
 * metrics/*: get-history (every point; max_results is ignored, as in 2.17),
 * get-history-bulk (only under /ajax-api), get-history-bulk-interval
 * (MLflow's step sampling: evenly spaced steps plus each run's min and max).
 */
import type { WireMetric } from '../../app/api/wire';
import { force, type Db } from '../db';
import { invalidParameter, invalidValue, json, missingParam, type Ctx } from './http';
import { ajaxOnly, both, type RouteDef } from './router';
import { wireMetric } from './serialize';

function history(db: Db, runId: string, key: string): WireMetric[] {
  const lazy = db.runs.get(runId)?.metrics.get(key);
  return lazy === undefined ? [] : force(lazy);
}

function getHistory({ db, args }: Ctx): Response {
  const runId = args.str('run_id') || args.str('run_uuid');
  if (!runId) throw missingParam('run_id');
  const key = args.reqStr('metric_key');
  const points = history(db, runId, key);
  return json(points.length ? { metrics: points.map(wireMetric) } : {});
}

/**
 * Flask's jsonify of plain dicts: keys sorted, and a NaN value written as a
 * bare `NaN` token (not valid JSON; that is what 2.17 sends here).
 */
function pythonJson(
  points: {
    key: string;
    run_id: string;
    step: number;
    timestamp: number;
    value: number | string;
  }[],
): string {
  const items = points.map((p) => {
    const value = p.value === 'NaN' ? 'NaN' : JSON.stringify(p.value);
    return `{"key": ${JSON.stringify(p.key)}, "run_id": ${JSON.stringify(p.run_id)}, "step": ${p.step}, "timestamp": ${p.timestamp}, "value": ${value}}`;
  });
  return `{"metrics": [${items.join(', ')}]}`;
}

function getHistoryBulk({ db, url }: Ctx): Response {
  const runIds = url.searchParams.getAll('run_id');
  if (runIds.length === 0)
    throw invalidParameter('GetMetricHistoryBulk request must specify at least one run_id.');
  if (runIds.length > 100) {
    throw invalidParameter(
      `GetMetricHistoryBulk request cannot specify more than 100 run_ids. Received ${runIds.length} run_ids.`,
    );
  }
  const key = url.searchParams.get('metric_key');
  if (key === null)
    throw invalidParameter('GetMetricHistoryBulk request must specify a metric_key.');
  const maxRaw = url.searchParams.get('max_results');
  const max = Math.min(maxRaw === null ? 25000 : Number.parseInt(maxRaw, 10), 25000);
  const out: {
    key: string;
    run_id: string;
    step: number;
    timestamp: number;
    value: number | string;
  }[] = [];
  for (const runId of [...new Set(runIds)].sort()) {
    const points = history(db, runId, key)
      .map(wireMetric)
      .sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0) || (a.step ?? 0) - (b.step ?? 0));
    for (const p of points)
      out.push({
        key: p.key,
        run_id: runId,
        step: p.step ?? 0,
        timestamp: p.timestamp ?? 0,
        value: p.value,
      });
  }
  return new Response(pythonJson(out.slice(0, Math.max(0, max))), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });
}

function bisectLeft(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] as number) < x)
      lo = mid + 1; // 0 <= mid < a.length
    else hi = mid;
  }
  return lo;
}

function bisectRight(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] as number) <= x)
      lo = mid + 1; // 0 <= mid < a.length
    else hi = mid;
  }
  return lo;
}

/**
 * handlers._get_sampled_steps_from_steps of 2.17, quirk included: it checks
 * `idx < num_steps` against the absolute index, so a window starting far from
 * step 0 keeps only its last step (plus the runs' min/max inside it).
 */
export function sampleSteps(
  startStep: number,
  endStep: number,
  maxResults: number,
  allSteps: number[],
): Set<number> {
  const startIdx = bisectLeft(allSteps, startStep);
  const endIdx = bisectRight(allSteps, endStep);
  if (endIdx - startIdx <= maxResults) return new Set(allSteps.slice(startIdx, endIdx));
  const numSteps = endIdx - startIdx;
  const interval = numSteps / maxResults;
  // Indices below are < endIdx <= allSteps.length, and endIdx > startIdx here.
  const sampled = new Set<number>();
  for (let i = 0; i < maxResults; i++) {
    const idx = startIdx + Math.trunc(i * interval);
    if (idx < numSteps) sampled.add(allSteps[idx] as number);
  }
  sampled.add(allSteps[endIdx - 1] as number);
  return sampled;
}

function getHistoryBulkInterval({ db, args, url }: Ctx): Response {
  const runIds = url.searchParams.getAll('run_ids');
  if (runIds.length === 0) throw missingParam('run_ids');
  if (runIds.length > 100) {
    throw invalidValue(
      'run_ids',
      runIds,
      `GetMetricHistoryBulkInterval request must specify at most 100 run_ids. Received ${runIds.length} run_ids.`,
    );
  }
  const key = args.reqStr('metric_key');
  const maxRaw = url.searchParams.get('max_results');
  const max = maxRaw === null ? 2500 : Number(maxRaw);
  if (!Number.isInteger(max)) throw invalidValue('max_results', maxRaw);
  if (max < 1 || max > 2500)
    throw invalidValue('max_results', maxRaw, 'max_results must be between 1 and 2500.');
  const startRaw = url.searchParams.get('start_step');
  const endRaw = url.searchParams.get('end_step');
  let start = 0;
  let end: number | null = null;
  if (startRaw !== null && endRaw !== null) {
    start = args.int('start_step') ?? 0;
    end = args.int('end_step') ?? 0;
    if (start > end) {
      throw invalidParameter(
        `end_step must be greater than start_step. Found start_step=${start} and end_step=${end}.`,
      );
    }
  } else if (startRaw !== null || endRaw !== null) {
    throw invalidParameter(
      'If either start step or end step are specified, both must be specified.',
    );
  }
  const histories = runIds.map((id) => history(db, id, key));
  const minsAndMaxes = new Set<number>();
  const stepSet = new Set<number>();
  for (const h of histories) {
    if (!h.length) continue;
    let lo = Infinity;
    let hi = -Infinity;
    for (const m of h) {
      const s = m.step ?? 0;
      stepSet.add(s);
      if (s < lo) lo = s;
      if (s > hi) hi = s;
    }
    minsAndMaxes.add(lo).add(hi);
  }
  const allSteps = [...stepSet].sort((a, b) => a - b);
  if (end === null) end = allSteps.at(-1) ?? 0;
  const steps = sampleSteps(start, end, max, allSteps);
  for (const s of minsAndMaxes) if (s >= start && s <= end) steps.add(s);
  const out: (WireMetric & { run_id: string })[] = [];
  histories.forEach((h, i) => {
    const runId = runIds[i] ?? ''; // one history per run id
    const picked = h
      .filter((m) => steps.has(m.step ?? 0))
      .sort((a, b) => (a.step ?? 0) - (b.step ?? 0));
    for (const m of picked.slice(0, 25000)) out.push({ ...wireMetric(m), run_id: runId });
  });
  return json(out.length ? { metrics: out } : {});
}

export function metricRoutes(): RouteDef[] {
  return [
    ...both('/metrics/get-history', { GET: getHistory }),
    ...ajaxOnly('/metrics/get-history-bulk', { GET: getHistoryBulk }),
    ...both('/metrics/get-history-bulk-interval', { GET: getHistoryBulkInterval }),
  ];
}
