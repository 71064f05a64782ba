/** experiments/*: search, get, get-by-name, create, update, delete, restore, tags, search-datasets. */
import type { WireExperiment } from '../../app/api/wire';
import { isLine3, type Db } from '../db';
import { compileExperimentFilter, compileExperimentOrder } from '../search/experiments';
import { paginate } from '../search/page-token';
import {
  alreadyExists,
  invalidParameter,
  invalidValue,
  json,
  MlflowError,
  notFound,
  type Args,
  type Ctx,
} from './http';
import { ajaxOnly, both, type RouteDef } from './router';
import { experimentToWire, getExperimentOr404, upsertKv } from './serialize';

const VIEW_TYPES: Record<string, 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL'> = {
  ACTIVE_ONLY: 'ACTIVE_ONLY',
  DELETED_ONLY: 'DELETED_ONLY',
  ALL: 'ALL',
  '1': 'ACTIVE_ONLY',
  '2': 'DELETED_ONLY',
  '3': 'ALL',
};

/** view_type / run_view_type as the proto enum parser reads it. */
export function readViewType(args: Args, name: string): 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL' {
  const raw = args.raw(name);
  if (raw === undefined || raw === null) return 'ACTIVE_ONLY';
  const v = VIEW_TYPES[String(raw)];
  if (!v) throw invalidValue(name, raw);
  return v;
}

export function stageMatches(
  view: 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL',
  stage: string | undefined,
): boolean {
  if (view === 'ALL') return true;
  return view === 'ACTIVE_ONLY' ? stage !== 'deleted' : stage === 'deleted';
}

function search({ db, args }: Ctx): Response {
  const view = readViewType(args, 'view_type');
  const max = args.int('max_results') ?? 0;
  if (max < 1)
    throw invalidParameter(
      `Invalid value ${max} for parameter 'max_results' supplied. It must be a positive integer`,
    );
  if (max > 50000)
    throw invalidParameter(
      `Invalid value ${max} for parameter 'max_results' supplied. It must be at most 50000`,
    );
  const filter = compileExperimentFilter(args.str('filter'));
  const order = compileExperimentOrder(args.list('order_by'));
  const hits = [...db.experiments.values()].filter(
    (e) => stageMatches(view, e.lifecycle_stage) && (!filter || filter(e)),
  );
  const { page, next } = paginate(order(hits), args.str('page_token'), max);
  return json({
    ...(page.length ? { experiments: page.map((e) => experimentToWire(e, isLine3(db))) } : {}),
    ...(next ? { next_page_token: next } : {}),
  });
}

/** experiment_id as the SQL store reads it: a non-integer id simply matches nothing. */
function experimentArg(db: Db, args: Args): WireExperiment {
  return getExperimentOr404(db, args.reqStr('experiment_id'));
}

function get({ db, args }: Ctx): Response {
  return json({ experiment: experimentToWire(experimentArg(db, args), isLine3(db)) });
}

function getByName({ db, args }: Ctx): Response {
  const name = args.reqStr('experiment_name');
  for (const e of db.experiments.values())
    if (e.name === name) return json({ experiment: experimentToWire(e, isLine3(db)) });
  throw notFound(`Could not find experiment with name '${name}'`);
}

function nextExperimentId(db: Db): string {
  let max = db.seq.experiment;
  for (const id of db.experiments.keys()) if (/^\d+$/.test(id)) max = Math.max(max, Number(id));
  db.seq.experiment = max + 1;
  return String(max + 1);
}

function checkUniqueName(db: Db, name: string, now: number, renaming = false): void {
  for (const e of db.experiments.values()) {
    if (e.name === name) {
      if (renaming) throw alreadyExists(`Experiment(name=${name}) already exists.`);
      throw alreadyExists(
        `Experiment(name=${name}) already exists. Error: (raised as a result of Query-invoked autoflush; consider using a session.no_autoflush block if this flush is occurring prematurely)\n` +
          `(sqlite3.IntegrityError) UNIQUE constraint failed: experiments.name\n` +
          `[SQL: INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time) VALUES (?, ?, ?, ?, ?)]\n` +
          `[parameters: ('${name}', '', 'active', ${now}, ${now})]\n(Background on this error at: https://sqlalche.me/e/14/gkpj)`,
      );
    }
  }
}

function create({ db, args }: Ctx): Response {
  const name = args.reqStr('name');
  const now = Date.now();
  checkUniqueName(db, name, now);
  const id = nextExperimentId(db);
  const tags = args.keyValues('tags');
  db.experiments.set(id, {
    experiment_id: id,
    name,
    artifact_location: args.str('artifact_location') || `mlflow-artifacts:/${id}`,
    lifecycle_stage: 'active',
    last_update_time: now,
    creation_time: now,
    ...(tags.length ? { tags } : {}),
  });
  return json({ experiment_id: id });
}

function update({ db, args }: Ctx): Response {
  const e = experimentArg(db, args);
  const newName = args.str('new_name');
  if (newName) {
    if (e.lifecycle_stage === 'deleted')
      throw new MlflowError(400, 'INVALID_STATE', 'Cannot rename a non-active experiment.');
    if (newName !== e.name) checkUniqueName(db, newName, Date.now(), true);
    e.name = newName;
    e.last_update_time = Date.now();
  }
  return json({});
}

function setLifecycle(db: Db, args: Args, stage: 'active' | 'deleted'): Response {
  const id = args.reqStr('experiment_id');
  const e = db.experiments.get(id);
  // delete needs an active experiment, restore a deleted one (the SQL store's view types)
  if (
    !e ||
    (stage === 'deleted' ? e.lifecycle_stage === 'deleted' : e.lifecycle_stage !== 'deleted')
  ) {
    throw notFound(`No Experiment with id=${id} exists`);
  }
  const now = Date.now();
  e.lifecycle_stage = stage;
  e.last_update_time = now;
  // The SQL store deletes and restores the experiment's runs with it.
  for (const run of db.runs.values()) {
    if (run.info.experiment_id === id) run.info.lifecycle_stage = stage;
  }
  return json({});
}

function setTag({ db, args }: Ctx): Response {
  const e = experimentArg(db, args);
  const key = args.reqStr('key');
  const value = args.str('value') ?? '';
  const tags = e.tags ?? (e.tags = []);
  upsertKv(tags, key, value);
  return json({});
}

/** MLflow's UI asks for the datasets logged to runs of some experiments. */
function searchDatasets({ db, args }: Ctx): Response {
  const ids = new Set(args.list('experiment_ids'));
  if (ids.size === 0)
    throw invalidParameter('SearchDatasets request must specify at least one experiment_id.');
  const seen = new Map<
    string,
    { experiment_id: string; name: string; digest: string; context?: string }
  >();
  for (const run of db.runs.values()) {
    if (!ids.has(run.info.experiment_id)) continue;
    for (const input of run.inputs) {
      const context = input.tags?.find((t) => t.key === 'mlflow.data.context')?.value;
      const key = `${run.info.experiment_id}\u0000${input.dataset.name}\u0000${input.dataset.digest}\u0000${context ?? ''}`;
      if (!seen.has(key)) {
        seen.set(key, {
          experiment_id: run.info.experiment_id,
          name: input.dataset.name,
          digest: input.dataset.digest,
          ...(context ? { context } : {}),
        });
      }
    }
  }
  return json(seen.size ? { dataset_summaries: [...seen.values()] } : {});
}

export function experimentRoutes(): RouteDef[] {
  return [
    ...both('/experiments/search', { GET: search, POST: search }),
    ...both('/experiments/get', { GET: get }),
    ...both('/experiments/get-by-name', { GET: getByName }),
    ...both('/experiments/create', { POST: create }),
    ...both('/experiments/update', { POST: update }),
    ...both('/experiments/delete', { POST: ({ db, args }) => setLifecycle(db, args, 'deleted') }),
    ...both('/experiments/restore', { POST: ({ db, args }) => setLifecycle(db, args, 'active') }),
    ...both('/experiments/set-experiment-tag', { POST: setTag }),
    ...ajaxOnly('/experiments/search-datasets', { POST: searchDatasets }),
  ];
}
