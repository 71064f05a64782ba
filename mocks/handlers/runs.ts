/** runs/*: search, get, create, update, delete, restore, log-metric, log-parameter, log-batch, log-inputs, tags. */
import type { WireDatasetInput, WireMetric, WireMetricValue } from '../../app/api/wire';
import { at } from '../../app/lib/at';
import { force, isLine3, type Db, type DbRun } from '../db';
import { recordModelMetric } from './logged-models';
import { paginate } from '../search/page-token';
import { compileRunFilter, compileRunOrder, sqlMetricValue } from '../search/runs';
import { readViewType, stageMatches } from './experiments';
import {
  invalidParameter,
  invalidValue,
  json,
  missingParam,
  notFound,
  notImplemented,
  type Args,
  type Ctx,
} from './http';
import { ajaxOnly, both, type RouteDef } from './router';
import {
  getExperimentOr404,
  getRunOr404,
  newRunId,
  runInfoToWire,
  runToWire,
  upsertKv,
  wireValue,
} from './serialize';

const MAX_RESULTS_THRESHOLD = 50000;

function runIdArg(args: Args): string {
  const id = args.str('run_id') || args.str('run_uuid');
  if (!id) throw missingParam('run_id');
  return id;
}

/** A run that writes may touch: it must exist and be active. */
export function activeRun(db: Db, runId: string): DbRun {
  const run = getRunOr404(db, runId);
  if (run.info.lifecycle_stage === 'deleted') {
    throw invalidParameter(
      `The run ${runId} must be in the 'active' state. Current state is deleted.`,
    );
  }
  return run;
}

function search({ db, args }: Ctx): Response {
  const rawMax = args.raw('max_results');
  let max = 1000;
  if (rawMax !== undefined && rawMax !== null) {
    const n = typeof rawMax === 'number' ? rawMax : Number(rawMax);
    if (!Number.isInteger(n) || n > MAX_RESULTS_THRESHOLD)
      throw invalidValue('max_results', rawMax);
    if (n < 1) {
      throw invalidParameter(
        `Invalid value ${n} for parameter 'max_results' supplied. It must be a positive integer`,
      );
    }
    max = n;
  }
  const view = readViewType(args, 'run_view_type');
  const experimentIds = new Set(args.list('experiment_ids'));
  const filter = compileRunFilter(args.str('filter'));
  const order = compileRunOrder(args.list('order_by'));
  const hits: DbRun[] = [];
  for (const run of db.runs.values()) {
    if (!experimentIds.has(run.info.experiment_id) || !stageMatches(view, run.info.lifecycle_stage))
      continue;
    if (filter && !filter(run)) continue;
    hits.push(run);
  }
  const { page, next } = paginate(order(hits), args.str('page_token'), max, {
    fullPageToken: true,
  });
  return json({
    ...(page.length ? { runs: page.map((r) => runToWire(r, isLine3(db), true)) } : {}),
    ...(next ? { next_page_token: next } : {}),
  });
}

function get({ db, args }: Ctx): Response {
  return json({ run: runToWire(getRunOr404(db, runIdArg(args)), isLine3(db)) });
}

const ADJECTIVES = [
  'bemused',
  'calm',
  'dapper',
  'eager',
  'gentle',
  'hazy',
  'jolly',
  'lucid',
  'mellow',
  'nimble',
];
const NOUNS = ['fox', 'owl', 'whale', 'crane', 'lynx', 'moth', 'seal', 'wren', 'yak', 'koi'];

function randomRunName(): string {
  const pick = (a: string[]): string => a[Math.floor(Math.random() * a.length)] ?? 'run';
  return `${pick(ADJECTIVES)}-${pick(NOUNS)}-${Math.floor(Math.random() * 1000)}`;
}

function create({ db, args }: Ctx): Response {
  const experimentId = args.str('experiment_id') || '0';
  const experiment = getExperimentOr404(db, experimentId);
  if (experiment.lifecycle_stage === 'deleted') {
    throw invalidParameter(
      `The experiment ${experimentId} must be in the 'active' state. Current state is deleted.`,
    );
  }
  const tags = args.keyValues('tags');
  const runName =
    args.str('run_name') || tags.find((t) => t.key === 'mlflow.runName')?.value || randomRunName();
  if (!tags.some((t) => t.key === 'mlflow.runName'))
    tags.push({ key: 'mlflow.runName', value: runName });
  const runId = newRunId();
  const userId = args.str('user_id') ?? '';
  const run: DbRun = {
    info: {
      run_uuid: runId,
      experiment_id: experimentId,
      run_name: runName,
      user_id: userId,
      status: 'RUNNING',
      start_time: args.int('start_time') ?? Date.now(),
      artifact_uri: `${experiment.artifact_location ?? `mlflow-artifacts:/${experimentId}`}/${runId}/artifacts`,
      lifecycle_stage: 'active',
      run_id: runId,
    },
    params: [],
    tags,
    inputs: [],
    metrics: new Map(),
    latest: new Map(),
  };
  db.runs.set(runId, run);
  db.seq.run++;
  // runs/create answers without `inputs` and with only the non-empty data lists.
  // 3.x adds an empty `inputs` (recorded: write_runs_create_for_model_io)
  return json({
    run: { info: runInfoToWire(run.info), data: { tags }, ...(isLine3(db) ? { inputs: {} } : {}) },
  });
}

const STATUSES = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'] as const;

function update({ db, args }: Ctx): Response {
  const run = activeRun(db, runIdArg(args));
  const status = args.str('status');
  if (status !== undefined) {
    if (!(STATUSES as readonly string[]).includes(status)) throw invalidValue('status', status);
    run.info.status = status as (typeof STATUSES)[number];
  }
  const endTime = args.int('end_time');
  if (endTime !== undefined) run.info.end_time = endTime;
  const name = args.str('run_name');
  if (name) {
    run.info.run_name = name;
    upsertKv(run.tags, 'mlflow.runName', name);
  }
  return json({ run_info: runInfoToWire(run.info) });
}

function setLifecycle(db: Db, args: Args, stage: 'active' | 'deleted'): Response {
  const run = getRunOr404(db, runIdArg(args));
  run.info.lifecycle_stage = stage;
  return json({});
}

function metricValue(raw: unknown, name: string): WireMetricValue {
  if (typeof raw === 'number') return wireValue(raw);
  if (raw === 'NaN' || raw === 'nan') return 'NaN';
  if (raw === 'Infinity' || raw === 'inf') return wireValue(Infinity);
  if (raw === '-Infinity' || raw === '-inf') return wireValue(-Infinity);
  if (typeof raw === 'string' && raw.trim() !== '' && !Number.isNaN(Number(raw)))
    return wireValue(Number(raw));
  if (raw === undefined || raw === null) throw missingParam(name);
  throw invalidValue(name, raw);
}

function isNewer(a: WireMetric, b: WireMetric): boolean {
  const ka = [a.step ?? 0, a.timestamp ?? 0, sqlMetricValue(a.value)];
  const kb = [b.step ?? 0, b.timestamp ?? 0, sqlMetricValue(b.value)];
  for (const [i, x] of ka.entries()) {
    const y = kb[i] as number; // ka and kb are built alike: three numbers each
    if (x !== y) return x > y;
  }
  return false;
}

/** Append to a metric's history (forcing a lazy one) and keep the latest value current. */
export function logMetric(run: DbRun, m: WireMetric): void {
  const hist = force(run.metrics.get(m.key) ?? []).slice();
  hist.push(m);
  run.metrics.set(m.key, hist);
  const latest = run.latest.get(m.key);
  if (!latest || isNewer(m, latest)) run.latest.set(m.key, m);
}

function readMetric(
  o: { key?: unknown; value?: unknown; timestamp?: unknown; step?: unknown },
  prefix = '',
): WireMetric {
  if (typeof o.key !== 'string' || !o.key) throw missingParam(`${prefix}key`);
  if (o.timestamp === undefined || o.timestamp === null) throw missingParam(`${prefix}timestamp`);
  const timestamp = Number(o.timestamp);
  const step = o.step === undefined || o.step === null ? 0 : Number(o.step);
  if (!Number.isInteger(timestamp)) throw invalidValue(`${prefix}timestamp`, o.timestamp);
  if (!Number.isInteger(step)) throw invalidValue(`${prefix}step`, o.step);
  return { key: o.key, value: metricValue(o.value, `${prefix}value`), timestamp, step };
}

function logParams(run: DbRun, params: { key: string; value: string }[], single: boolean): void {
  const conflicts = params
    .map((p) => ({ p, old: run.params.find((x) => x.key === p.key) }))
    .filter(({ p, old }) => old && old.value !== p.value);
  if (conflicts.length) {
    const runId = run.info.run_id;
    if (single) {
      const { p, old } = at(conflicts, 0, 'param conflict'); // length checked above
      throw invalidParameter(
        `Changing param values is not allowed. Param with key='${p.key}' was already logged with value='${old?.value}' for run ID='${runId}'. Attempted logging new value '${p.value}'.`,
      );
    }
    const list = conflicts
      .map(
        ({ p, old }) =>
          `{'key': '${p.key}', 'old_value': '${old?.value}', 'new_value': '${p.value}'}`,
      )
      .join(', ');
    throw invalidParameter(
      `Changing param values is not allowed. Params were already logged='[${list}]' for run ID='${runId}'.`,
    );
  }
  for (const p of params)
    if (!run.params.some((x) => x.key === p.key)) run.params.push({ key: p.key, value: p.value });
}

function setRunTag(run: DbRun, key: string, value: string): void {
  upsertKv(run.tags, key, value);
  if (key === 'mlflow.runName') run.info.run_name = value;
}

function logMetricHandler({ db, args }: Ctx): Response {
  const run = activeRun(db, runIdArg(args));
  const m = readMetric({
    key: args.raw('key'),
    value: args.raw('value'),
    timestamp: args.raw('timestamp'),
    step: args.raw('step'),
  });
  logMetric(run, m);
  recordModelMetric(db, run, m, args);
  return json({});
}

function logParameter({ db, args }: Ctx): Response {
  const run = activeRun(db, runIdArg(args));
  const key = args.reqStr('key');
  const value = args.str('value');
  if (value === undefined) throw missingParam('value');
  logParams(run, [{ key, value }], true);
  return json({});
}

function logBatch({ db, args }: Ctx): Response {
  const run = activeRun(db, runIdArg(args));
  const metrics = args.objects('metrics').map((o) => readMetric(o, 'metrics.'));
  const params = args.keyValues('params');
  const tags = args.keyValues('tags');
  logParams(run, params, false);
  for (const m of metrics) logMetric(run, m);
  for (const t of tags) setRunTag(run, t.key, t.value);
  return json({});
}

function logInputs({ db, args }: Ctx): Response {
  const run = activeRun(db, runIdArg(args));
  for (const o of args.objects('datasets')) {
    const input = o as unknown as WireDatasetInput;
    if (!input.dataset || typeof input.dataset.name !== 'string')
      throw missingParam('datasets.dataset');
    const dup = run.inputs.some(
      (i) => i.dataset.name === input.dataset.name && i.dataset.digest === input.dataset.digest,
    );
    if (!dup) run.inputs.push(input);
  }
  return json({});
}

function setTag({ db, args }: Ctx): Response {
  const run = activeRun(db, runIdArg(args));
  setRunTag(run, args.reqStr('key'), args.str('value') ?? '');
  return json({});
}

function deleteTag({ db, args }: Ctx): Response {
  const runId = runIdArg(args);
  const run = activeRun(db, runId);
  const key = args.reqStr('key');
  const i = run.tags.findIndex((t) => t.key === key);
  if (i < 0) throw notFound(`No tag with name: ${key} in run with id ${runId}`);
  run.tags.splice(i, 1);
  return json({});
}

export function runRoutes(): RouteDef[] {
  return [
    ...both('/runs/search', { POST: search }),
    ...both('/runs/get', { GET: get }),
    ...both('/runs/create', { POST: create }),
    ...both('/runs/update', { POST: update }),
    ...both('/runs/delete', { POST: ({ db, args }) => setLifecycle(db, args, 'deleted') }),
    ...both('/runs/restore', { POST: ({ db, args }) => setLifecycle(db, args, 'active') }),
    ...both('/runs/log-metric', { POST: logMetricHandler }),
    ...both('/runs/log-parameter', { POST: logParameter }),
    ...both('/runs/log-batch', { POST: logBatch }),
    ...both('/runs/log-inputs', { POST: logInputs }),
    ...both('/runs/log-model', { POST: notImplemented }),
    ...both('/runs/set-tag', { POST: setTag }),
    ...both('/runs/delete-tag', { POST: deleteTag }),
    ...ajaxOnly('/runs/create-promptlab-run', { POST: notImplemented }),
  ];
}
