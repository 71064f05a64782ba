/**
 * logged-models/search semantics of the MLflow 3.18 SQL store
 * (mlflow/utils/search_logged_model_utils.py, sqlalchemy_store.py), checked
 * against a real 3.18.0 server:
 * - filter: comparisons joined by AND on attributes (`name`, `status`,
 *   `creation_time`, `model_type`, `source_run_id`, ...), `metrics.<k>`
 *   (the model's latest value: highest step, then timestamp, then value),
 *   `params.<k>` and `tags.<k>`; numeric ops for metrics and timestamps,
 *   `= != LIKE ILIKE IN NOT IN` for the rest.
 * - order_by: `[{field_name, ascending, dataset_name?, dataset_digest?}]` on
 *   attributes (`creation_time`/`creation_timestamp`,
 *   `last_updated_timestamp`, `name`, ...) or `metrics.<k>`, nulls last, then
 *   creation time DESC and model id ASC.
 * - `datasets` as 3.18 answers it: any `datasets` clause matches no model
 *   (recorded: `client_search_logged_models_filter` answers `{}`).
 */
import type { DbLoggedModel, DbLoggedModelMetric } from '../db';
import { compareNumbers, compareStrings, type Comparator } from './compare';
import { parseFilter, SearchError, stringList, stripQuotes, trimBackticks } from './filter';

/** Attribute aliases of SqlLoggedModel.ALIASES. */
const ALIASES: Record<string, string> = {
  creation_time: 'creation_timestamp_ms',
  creation_timestamp: 'creation_timestamp_ms',
  last_updated_timestamp: 'last_updated_timestamp_ms',
};
const NUMERIC_ATTRS = new Set(['creation_timestamp_ms', 'last_updated_timestamp_ms']);
const STRING_ATTRS = new Set([
  'model_id',
  'experiment_id',
  'name',
  'artifact_location',
  'status',
  'status_message',
  'model_type',
  'source_run_id',
]);
const NUMERIC_OPS = ['<', '<=', '>', '>=', '=', '!='];
const STRING_OPS = ['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'];
const ENTITIES = ['attributes', 'metrics', 'params', 'tags'];
const STATUSES = ['PENDING', 'READY', 'FAILED'];

type Entity = { type: 'attributes' | 'metrics' | 'params' | 'tags'; key: string };

function entityOf(identifier: string): Entity {
  const m = /^([a-z]+)\.(.+)$/.exec(identifier);
  if (m) {
    const [, type = '', key = ''] = m; // both groups are set on a match
    if (!ENTITIES.includes(type))
      throw new SearchError(
        `Invalid entity type: '${type}'. Expected one of ['attributes', 'metrics', 'params', 'tags'].`,
      );
    return { type: type as Entity['type'], key: trimBackticks(key) };
  }
  return { type: 'attributes', key: trimBackticks(ALIASES[identifier] ?? identifier) };
}

const isNumeric = (e: Entity) =>
  e.type === 'metrics' || (e.type === 'attributes' && NUMERIC_ATTRS.has(ALIASES[e.key] ?? e.key));

function pyTuple(items: readonly string[]): string {
  return `(${items.map((o) => `'${o}'`).join(', ')})`;
}

/** The value a model shows for an attribute, as the SQL column holds it. */
function attribute(lm: DbLoggedModel, key: string): string | number | null {
  switch (key) {
    case 'creation_timestamp_ms':
      return lm.creation_timestamp_ms;
    case 'last_updated_timestamp_ms':
      return lm.last_updated_timestamp_ms;
    case 'status':
      return lm.status.replace(/^LOGGED_MODEL_/, '').replace('UPLOAD_FAILED', 'FAILED');
    case 'model_id':
      return lm.model_id;
    case 'experiment_id':
      return lm.experiment_id;
    case 'name':
      return lm.name;
    case 'model_type':
      return lm.model_type || null;
    case 'source_run_id':
      return lm.source_run_id || null;
    case 'status_message':
      return lm.status_message ?? null;
    case 'artifact_location':
      return `mlflow-artifacts:/${lm.experiment_id}/models/${lm.model_id}/artifacts`;
    default:
      return null;
  }
}

/** The latest point of a metric among `metrics`: highest step, then timestamp, then value. */
export function latestMetric(
  metrics: readonly DbLoggedModelMetric[],
  key: string,
  dataset?: { name?: string; digest?: string },
): number | null {
  let best: DbLoggedModelMetric | null = null;
  const num = (m: DbLoggedModelMetric) => (typeof m.value === 'number' ? m.value : NaN);
  for (const m of metrics) {
    if (m.key !== key) continue;
    if (dataset?.name && m.dataset_name !== dataset.name) continue;
    if (dataset?.digest && m.dataset_digest !== dataset.digest) continue;
    if (
      !best ||
      (m.step ?? 0) > (best.step ?? 0) ||
      ((m.step ?? 0) === (best.step ?? 0) &&
        ((m.timestamp ?? 0) > (best.timestamp ?? 0) ||
          ((m.timestamp ?? 0) === (best.timestamp ?? 0) && num(m) > num(best))))
    )
      best = m;
  }
  return best ? num(best) : null;
}

function invalidFilter(filter: string): SearchError {
  return new SearchError(
    `Invalid filter string: '${filter}'. Expected a list of comparisons separated by 'AND' (e.g. 'metrics.loss > 0.1 AND params.lr = 0.01').`,
  );
}

export function compileLoggedModelFilter(
  filter: string | undefined,
): ((lm: DbLoggedModel) => boolean) | null {
  if (!filter || !filter.trim()) return null;
  let raw;
  try {
    raw = parseFilter(filter, { quoteInvalidClauses: false });
  } catch {
    throw invalidFilter(filter);
  }
  const clauses = raw.map((c): ((lm: DbLoggedModel) => boolean) => {
    const e = entityOf(c.identifier);
    const numeric = isNumeric(e);
    const ops = numeric ? NUMERIC_OPS : STRING_OPS;
    if (!ops.includes(c.comparator))
      throw new SearchError(
        `Invalid comparison operator for ${e.type}.${e.key}: '${c.comparator}'. Expected one of ${pyTuple(ops)}.`,
      );
    const op = c.comparator as Comparator;
    if (numeric) {
      const rhs = Number(stripQuotes(c.value.text));
      if (!Number.isFinite(rhs))
        throw new SearchError(`could not convert string to float: '${c.value.text}'`);
      if (e.type === 'metrics')
        return (lm) => {
          const v = latestMetric(lm.metrics, e.key);
          return v !== null && compareNumbers(v, op, rhs);
        };
      return (lm) => {
        const v = attribute(lm, e.key);
        return typeof v === 'number' && compareNumbers(v, op, rhs);
      };
    }
    const rhs: string | string[] =
      c.value.kind === 'list' ? stringList(c.value) : stripQuotes(c.value.text);
    if (e.type === 'attributes' && e.key === 'status') {
      if (!['=', '!=', 'IN', 'NOT IN'].includes(op))
        throw new SearchError(`Invalid comparison operator for status: ${op}`);
      for (const s of Array.isArray(rhs) ? rhs : [rhs])
        if (!STATUSES.includes(s))
          throw new SearchError(
            `Unknown model status in filter: ${Array.isArray(rhs) ? `(${rhs.map((x) => `'${x}'`).join(', ')})` : `'${s}'`}`,
          );
    }
    if (e.type === 'attributes' && !STRING_ATTRS.has(e.key))
      throw new SearchError(`Invalid attribute name: ${e.key}`);
    const pick = (lm: DbLoggedModel): string | null => {
      if (e.type === 'params') return lm.params.find((p) => p.key === e.key)?.value ?? null;
      if (e.type === 'tags') return lm.tags.find((t) => t.key === e.key)?.value ?? null;
      const v = attribute(lm, e.key);
      return v === null ? null : String(v);
    };
    return (lm) => {
      const v = pick(lm);
      return v !== null && compareStrings(v, op, rhs);
    };
  });
  return (lm) => clauses.every((p) => p(lm));
}

export interface LoggedModelOrderBy {
  field_name: string;
  ascending?: boolean;
  dataset_name?: string;
  dataset_digest?: string;
}

/** A key per model for one order_by entry; null sorts last whatever the direction. */
export function compileLoggedModelOrder(
  orderBy: readonly LoggedModelOrderBy[],
): (models: DbLoggedModel[]) => DbLoggedModel[] {
  const keys = orderBy.map((ob) => {
    const field = ob.field_name;
    const ascending = ob.ascending ?? true;
    if (!field.includes('.')) {
      const name = ALIASES[field] ?? field;
      if (!NUMERIC_ATTRS.has(name) && !STRING_ATTRS.has(name))
        throw new OrderByError(`Invalid order by field name: ${field}`);
      return { name, ascending, get: (lm: DbLoggedModel) => attribute(lm, name) };
    }
    const [entity, key] = [field.slice(0, field.indexOf('.')), field.slice(field.indexOf('.') + 1)];
    if (entity !== 'metrics')
      throw new SearchError(`Invalid order by field name: ${field}. Only metrics are supported.`);
    const ds = { name: ob.dataset_name, digest: ob.dataset_digest };
    return {
      name: field,
      ascending,
      get: (lm: DbLoggedModel) => latestMetric(lm.metrics, key, ds),
    };
  });
  const hasCreation = keys.some((k) => k.name === 'creation_timestamp_ms');
  const hasId = keys.some((k) => k.name === 'model_id');
  return (models) =>
    [...models].sort((a, b) => {
      for (const k of keys) {
        const va = k.get(a);
        const vb = k.get(b);
        if (va === vb) continue;
        if (va === null) return 1;
        if (vb === null) return -1;
        const c = va < vb ? -1 : 1;
        return k.ascending ? c : -c;
      }
      if (!hasCreation && a.creation_timestamp_ms !== b.creation_timestamp_ms)
        return b.creation_timestamp_ms - a.creation_timestamp_ms;
      if (!hasId && a.model_id !== b.model_id) return a.model_id < b.model_id ? -1 : 1;
      return 0;
    });
}

/** An order_by attribute that does not exist: 3.18 answers it with error_class ATTRIBUTE_NOT_FOUND. */
export class OrderByError extends SearchError {}
