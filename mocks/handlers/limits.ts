/**
 * MLflow's field-length limits (mlflow/utils/validation.py, 2.17), with its
 * messages: names and keys over the limit are a 400 INVALID_PARAMETER_VALUE;
 * run param and tag values are cut to the limit, as the real server does by
 * default (MLFLOW_TRUNCATE_LONG_VALUES). Checked before the handler runs.
 */
import { invalidParameter, type Args, type JsonObject } from './http';

const MAX_EXPERIMENT_NAME = 500;
const MAX_ENTITY_KEY = 250;
const MAX_PARAM_VALUE = 6000;
const MAX_TAG_VALUE = 8000;
const MAX_EXPERIMENT_TAG_VALUE = 5000;
const MAX_REGISTRY_TAG_VALUE = 5000;
const MAX_TRACE_TAG_VALUE = 8000;

/** _validate_length_limit: raise for a value over the limit. */
function limit(entity: string, max: number, value: unknown): void {
  if (typeof value !== 'string' || value.length <= max) return;
  throw invalidParameter(
    `${entity} '${value.slice(0, 250)}' had length ${value.length}, which exceeded length limit of ${max}`,
  );
}

function experimentName(value: unknown): void {
  if (typeof value === 'string' && value.length > MAX_EXPERIMENT_NAME)
    throw invalidParameter(
      `'name' exceeds the maximum length of ${MAX_EXPERIMENT_NAME} characters`,
    );
}

function items(args: Args, name: string): JsonObject[] {
  const v = args.raw(name);
  return Array.isArray(v) ? v.filter((x): x is JsonObject => !!x && typeof x === 'object') : [];
}

/** Run tags and params: the key must fit, the value is cut (in place, before the handler reads it). */
function runEntries(entries: JsonObject[], kind: 'Param' | 'Tag', maxValue: number): void {
  for (const e of entries) {
    limit(`${kind} key`, MAX_ENTITY_KEY, e.key);
    if (typeof e.value === 'string' && e.value.length > maxValue)
      e.value = e.value.slice(0, maxValue);
  }
}

function experimentTags(entries: JsonObject[]): void {
  for (const e of entries) {
    limit('Tag key', MAX_ENTITY_KEY, e.key);
    limit('Tag value', MAX_EXPERIMENT_TAG_VALUE, e.value);
  }
}

function registryTag(entity: 'Registered model' | 'Model version', args: Args): void {
  limit(`${entity} key`, MAX_ENTITY_KEY, args.raw('key'));
  limit(`${entity} value`, MAX_REGISTRY_TAG_VALUE, args.raw('value'));
}

const RULES: Record<string, (args: Args) => void> = {
  '/experiments/create': (a) => {
    experimentName(a.raw('name'));
    experimentTags(items(a, 'tags'));
  },
  '/experiments/update': (a) => experimentName(a.raw('new_name')),
  '/experiments/set-experiment-tag': (a) =>
    experimentTags([{ key: a.raw('key'), value: a.raw('value') }]),
  '/runs/create': (a) => runEntries(items(a, 'tags'), 'Tag', MAX_TAG_VALUE),
  '/runs/set-tag': (a) => {
    limit('Tag key', MAX_ENTITY_KEY, a.raw('key'));
    a.truncate('value', MAX_TAG_VALUE);
  },
  '/runs/log-parameter': (a) => {
    limit('Param key', MAX_ENTITY_KEY, a.raw('key'));
    a.truncate('value', MAX_PARAM_VALUE);
  },
  '/runs/log-batch': (a) => {
    runEntries(items(a, 'params'), 'Param', MAX_PARAM_VALUE);
    runEntries(items(a, 'tags'), 'Tag', MAX_TAG_VALUE);
    for (const m of items(a, 'metrics')) limit('Metric name', MAX_ENTITY_KEY, m.key);
  },
  '/runs/log-metric': (a) => limit('Metric name', MAX_ENTITY_KEY, a.raw('key')),
  '/registered-models/set-tag': (a) => registryTag('Registered model', a),
  '/model-versions/set-tag': (a) => registryTag('Model version', a),
};

/** Check (and cut) the request's fields for the endpoint at `pathname`, as MLflow does. */
export function applyFieldLimits(pathname: string, args: Args): void {
  if (args.fromQuery) return;
  const endpoint = pathname.replace(/^\/(?:ajax-)?api\/2\.0\/mlflow/, '');
  RULES[endpoint]?.(args);
  if (/^\/traces\/[^/]+\/tags$/.test(endpoint)) {
    limit('Trace tag key', MAX_ENTITY_KEY, args.raw('key'));
    limit('Trace tag value', MAX_TRACE_TAG_VALUE, args.raw('value'));
  }
}
