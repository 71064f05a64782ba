/**
 * MLflow 3's logged models: search, get, create/finalize/delete, params,
 * tags and artifacts, answered as a 3.18.0 server does
 * (mocks/recordings/mlflow-3.18.0). On a 2.x db every route answers Flask's
 * HTML 404, as a real 2.17 server does.
 */
import type { WireMetric } from '../../app/api/wire';
import { force, isLine3, type Db, type DbLoggedModel, type DbRun } from '../db';
import { pyDumps, type PyValue } from '../seed/pyjson';
import { SearchError } from '../search/filter';
import {
  compileLoggedModelFilter,
  compileLoggedModelOrder,
  OrderByError,
  type LoggedModelOrderBy,
} from '../search/logged-models';
import {
  basename,
  html,
  HTML_404,
  HTML_500,
  json,
  missingParam,
  MlflowError,
  notFound,
  invalidParameter,
  storedBody,
  type Args,
  type Ctx,
  type JsonObject,
} from './http';
import { listLevel } from './artifacts';
import { ajaxOnly, both, type Handler, type RouteDef } from './router';
import { getRunOr404, upsertKv, wireMetric } from './serialize';

/** 3.x error bodies add `sqlstate` and `error_class` (recorded). */
export function error3(e: unknown): Response {
  if (e instanceof OrderByError)
    return json(
      {
        error_code: 'INVALID_PARAMETER_VALUE',
        message: e.message,
        sqlstate: 'KAM04',
        error_class: 'ATTRIBUTE_NOT_FOUND',
      },
      400,
    );
  const err = e instanceof SearchError ? invalidParameter(e.message) : e;
  if (!(err instanceof MlflowError)) return html(HTML_500, 500);
  const errorClass =
    err.errorCode === 'RESOURCE_DOES_NOT_EXIST' ? 'RESOURCE_NOT_FOUND' : err.errorCode;
  return json(
    { error_code: err.errorCode, message: err.message, sqlstate: 'KAM00', error_class: errorClass },
    err.status,
  );
}

/** A handler that exists only on 3.x, with 3.x error bodies. */
export function line3(h: Handler): Handler {
  return async (ctx) => {
    if (!isLine3(ctx.db)) return html(HTML_404, 404);
    try {
      return await h(ctx);
    } catch (e) {
      return error3(e);
    }
  };
}

export const artifactRoot = (lm: DbLoggedModel) =>
  `mlflow-artifacts:/${lm.experiment_id}/models/${lm.model_id}/artifacts`;

/** Key order and omissions as recorded: empty lists left out, `model_type`/`source_run_id` always there. */
export function loggedModelToWire(lm: DbLoggedModel): JsonObject {
  const kv = (l: { key: string; value: string }[]) =>
    l.map((t) => ({ key: t.key, value: t.value }));
  const metrics = lm.metrics.map((m) => ({
    ...wireMetric(m),
    ...(m.dataset_name ? { dataset_name: m.dataset_name } : {}),
    ...(m.dataset_digest ? { dataset_digest: m.dataset_digest } : {}),
    model_id: lm.model_id,
    ...(m.run_id ? { run_id: m.run_id } : {}),
  }));
  return {
    info: {
      model_id: lm.model_id,
      experiment_id: lm.experiment_id,
      name: lm.name,
      creation_timestamp_ms: lm.creation_timestamp_ms,
      last_updated_timestamp_ms: lm.last_updated_timestamp_ms,
      artifact_uri: artifactRoot(lm),
      status: lm.status,
      ...(lm.status_message ? { status_message: lm.status_message } : {}),
      model_type: lm.model_type,
      source_run_id: lm.source_run_id,
      ...(lm.tags.length ? { tags: kv(lm.tags) } : {}),
    },
    data: {
      ...(lm.params.length ? { params: kv(lm.params) } : {}),
      ...(metrics.length ? { metrics } : {}),
    },
  };
}

export function getLoggedModelOr404(db: Db, id: string): DbLoggedModel {
  const lm = db.loggedModels.get(id);
  if (!lm || lm.deleted) throw notFound(`Logged model with ID '${id}' not found.`);
  return lm;
}

// ---- search ------------------------------------------------------------------------------

/** SearchLoggedModelsPaginationToken: base64 of Python's json.dumps of the query and offset. */
function encodeToken(q: TokenQuery, offset: number): string {
  const text = pyDumps({ ...q, offset } as unknown as PyValue);
  return btoa(text);
}

interface TokenQuery {
  experiment_ids: string[];
  filter_string: string | null;
  order_by: JsonObject[] | null;
}

function decodeToken(token: string, q: TokenQuery): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(atob(token));
  } catch {
    throw new Error('bad page token'); // 3.18 answers a 500 HTML page
  }
  const t = (parsed ?? {}) as Record<string, unknown>;
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  if (!same(t.experiment_ids, q.experiment_ids))
    throw invalidParameter(
      `Experiment IDs in the page token do not match the requested experiment IDs. Expected: ${pyDumps(q.experiment_ids).replace(/"/g, "'")}. Found: ${pyDumps((t.experiment_ids ?? null) as PyValue).replace(/"/g, "'")}`,
    );
  if (!same(t.filter_string || null, q.filter_string))
    throw invalidParameter(
      `Filter string in the page token does not match the requested filter string. Expected: ${q.filter_string ?? 'None'}. Found: ${typeof t.filter_string === 'string' && t.filter_string ? t.filter_string : 'None'}`,
    );
  if (!same(t.order_by || null, q.order_by))
    throw invalidParameter('Order by in the page token does not match the requested order by.');
  return typeof t.offset === 'number' && t.offset > 0 ? t.offset : 0;
}

function searchModels({ db, args }: Ctx): Response {
  const experimentIds = args.list('experiment_ids');
  if (!experimentIds.length) throw missingParam('experiment_ids');
  const filter = args.str('filter') || undefined;
  const orderBy = args.objects('order_by') as unknown as LoggedModelOrderBy[];
  const datasets = args.objects('datasets');
  if (datasets.some((d) => !d.dataset_name))
    throw invalidParameter('`dataset_name` in the `datasets` clause must be specified.');
  const max = args.int('max_results') || 100;
  const query: TokenQuery = {
    experiment_ids: experimentIds,
    filter_string: filter ?? null,
    order_by: orderBy.length ? (orderBy as unknown as JsonObject[]) : null,
  };
  const pageToken = args.str('page_token');
  let offset = 0;
  try {
    offset = pageToken ? decodeToken(pageToken, query) : 0;
  } catch (e) {
    if (e instanceof MlflowError) throw e;
    return html(HTML_500, 500);
  }
  const match = compileLoggedModelFilter(filter);
  const order = compileLoggedModelOrder(orderBy);
  const wanted = new Set(experimentIds);
  // 3.18 matches no model once a `datasets` clause is given (recorded, and asked of a real server).
  const hits = datasets.length
    ? []
    : [...db.loggedModels.values()].filter(
        (lm) => !lm.deleted && wanted.has(lm.experiment_id) && (!match || match(lm)),
      );
  const sorted = order(hits);
  const page = sorted.slice(offset, offset + max);
  const next = sorted.length > offset + max ? encodeToken(query, offset + max) : null;
  return json({
    ...(page.length ? { models: page.map(loggedModelToWire) } : {}),
    ...(next ? { next_page_token: next } : {}),
  });
}

// ---- one model ---------------------------------------------------------------------------

function getModel({ db, params }: Ctx): Response {
  return json({ model: loggedModelToWire(getLoggedModelOr404(db, params.modelId ?? '')) });
}

const STATUS = [
  'LOGGED_MODEL_PENDING',
  'LOGGED_MODEL_READY',
  'LOGGED_MODEL_UPLOAD_FAILED',
] as const;

function createModel({ db, args }: Ctx): Response {
  const experimentId = args.reqStr('experiment_id');
  if (!db.experiments.has(experimentId))
    throw notFound(`No Experiment with id=${experimentId} exists`);
  let id = 'm-';
  for (let i = 0; i < 32; i++) id += Math.floor(Math.random() * 16).toString(16);
  const now = Date.now();
  const lm: DbLoggedModel = {
    model_id: id,
    experiment_id: experimentId,
    name: args.str('name') || id,
    creation_timestamp_ms: now,
    last_updated_timestamp_ms: now,
    status: 'LOGGED_MODEL_PENDING',
    model_type: args.str('model_type') ?? '',
    source_run_id: args.str('source_run_id') ?? '',
    tags: args.keyValues('tags'),
    params: args.keyValues('params'),
    metrics: [],
    files: [],
  };
  db.loggedModels.set(id, lm);
  return json({ model: loggedModelToWire(lm) });
}

function finalizeModel({ db, params, args }: Ctx): Response {
  const lm = getLoggedModelOr404(db, params.modelId ?? '');
  const status = args.str('status') ?? '';
  const found = STATUS.find((s) => s === status);
  if (!found) throw invalidParameter(`Invalid value for status: ${status}`);
  lm.status = found;
  lm.last_updated_timestamp_ms = Date.now();
  return json({ model: loggedModelToWire(lm) });
}

function deleteModel({ db, params }: Ctx): Response {
  getLoggedModelOr404(db, params.modelId ?? '').deleted = true;
  return json({});
}

function logParams({ db, params, args }: Ctx): Response {
  const lm = getLoggedModelOr404(db, params.modelId ?? '');
  for (const p of args.keyValues('params')) upsertKv(lm.params, p.key, p.value);
  return json({});
}

function setTags({ db, params, args }: Ctx): Response {
  const lm = getLoggedModelOr404(db, params.modelId ?? '');
  for (const t of args.keyValues('tags')) upsertKv(lm.tags, t.key, t.value);
  lm.tags.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return json({});
}

function deleteTag({ db, params }: Ctx): Response {
  const lm = getLoggedModelOr404(db, params.modelId ?? '');
  const key = params.tagKey;
  if (!lm.tags.some((t) => t.key === key))
    throw notFound(`No tag with key '${key}' found for model with ID '${lm.model_id}'.`);
  lm.tags = lm.tags.filter((t) => t.key !== key);
  return json({});
}

// ---- artifacts ---------------------------------------------------------------------------

function listDirectory({ db, params, args }: Ctx): Response {
  const lm = getLoggedModelOr404(db, params.modelId ?? '');
  const path = (args.str('artifact_directory_path') ?? '').replace(/^\/+|\/+$/g, '');
  if (path.split('/').includes('..')) throw invalidParameter('Invalid path');
  const files = listLevel(lm.files, path).map((e) => ({
    path: path ? `${path}/${e.name}` : e.name,
    is_dir: e.isDir,
    ...(e.isDir ? {} : { file_size: e.size ?? 0 }),
  }));
  return json({ root_uri: artifactRoot(lm), ...(files.length ? { files } : {}) });
}

async function getFile({ db, params, args, request }: Ctx): Promise<Response> {
  const lm = getLoggedModelOr404(db, params.modelId ?? '');
  const path = args.str('artifact_file_path') ?? '';
  if (path.split('/').includes('..')) throw invalidParameter('Invalid path');
  const file = lm.files.find((f) => f.path === path);
  if (!file)
    throw notFound(
      `No such artifact: '${artifactRoot(lm).replace(/^mlflow-artifacts:\//, '')}/${path}'`,
    );
  return storedBody(request, file, force(file.body), {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename=${basename(file.path)}`,
    'X-Content-Type-Options': 'nosniff',
  });
}

// ---- runs writing to logged models ------------------------------------------------------

/** runs/log-metric with `model_id` (3.x): the point also goes to that model, with its dataset. */
export function recordModelMetric(db: Db, run: DbRun, m: WireMetric, args: Args): void {
  const modelId = isLine3(db) ? args.str('model_id') : undefined;
  const lm = modelId ? db.loggedModels.get(modelId) : undefined;
  if (!lm) return;
  lm.metrics.push({
    ...m,
    dataset_name: args.str('dataset_name') || undefined,
    dataset_digest: args.str('dataset_digest') || undefined,
    run_id: run.info.run_id,
  });
}

/** runs/outputs: `{run_id, models: [{model_id, step}]}` become the run's model outputs. */
function logOutputs({ db, args }: Ctx): Response {
  const run = getRunOr404(db, args.reqStr('run_id'));
  for (const o of args.objects('models')) {
    if (typeof o.model_id !== 'string') throw missingParam('models.model_id');
    const out = { model_id: o.model_id, step: typeof o.step === 'number' ? o.step : 0 };
    (run.modelOutputs ??= []).push(out);
  }
  return json({});
}

export function loggedModelRoutes(): RouteDef[] {
  return [
    ...both('/logged-models', { POST: line3(createModel) }),
    ...both('/logged-models/search', { POST: line3(searchModels) }),
    ...both('/logged-models/:modelId', {
      GET: line3(getModel),
      PATCH: line3(finalizeModel),
      DELETE: line3(deleteModel),
    }),
    ...both('/logged-models/:modelId/params', { POST: line3(logParams) }),
    ...both('/logged-models/:modelId/tags', { PATCH: line3(setTags) }),
    ...both('/logged-models/:modelId/tags/:tagKey', { DELETE: line3(deleteTag) }),
    ...both('/logged-models/:modelId/artifacts/directories', { GET: line3(listDirectory) }),
    ...ajaxOnly('/logged-models/:modelId/artifacts/files', { GET: line3(getFile) }),
    ...both('/runs/outputs', { POST: line3(logOutputs) }),
  ];
}
