/**
 * runs/search semantics of MLflow 2.17's SQL store: filter clauses on
 * metrics (latest value), params, tags, attributes and datasets; order_by
 * with NaN after numbers and missing values last; start_time DESC and run id
 * as tie-breakers. Filters and orderings are compiled once per request, and
 * only precomputed latest metrics are read (never lazy histories).
 */
import type { DbRun } from '../db';
import type { WireMetricValue } from '../../app/api/wire';
import {
  checkComparator,
  compareNumbers,
  compareStrings,
  NUMERIC_COMPARATORS,
  STRING_COMPARATORS,
  STRING_LIST_COMPARATORS,
} from './compare';
import {
  parseFilter,
  pySet,
  SearchError,
  splitIdentifier,
  stringList,
  stringValue,
  stripQuotes,
  trimBackticks,
  type RawComparison,
  type RawValue,
} from './filter';
import { parseOrderBy } from './order-by';

export type RunKeyType = 'metric' | 'parameter' | 'tag' | 'attribute' | 'dataset';

const ENTITY_ALIASES: Record<string, RunKeyType> = {
  metric: 'metric',
  metrics: 'metric',
  parameter: 'parameter',
  parameters: 'parameter',
  param: 'parameter',
  params: 'parameter',
  tag: 'tag',
  tags: 'tag',
  attribute: 'attribute',
  attr: 'attribute',
  attributes: 'attribute',
  run: 'attribute',
  dataset: 'dataset',
  datasets: 'dataset',
};

const SEARCHABLE = [
  'artifact_uri',
  'end_time',
  'run_id',
  'run_name',
  'start_time',
  'status',
  'user_id',
];
const SEARCH_ATTRIBUTE_KEYS = [
  ...SEARCHABLE,
  'created',
  'Created',
  'run name',
  'Run name',
  'Run Name',
];
const ORDER_ATTRIBUTE_KEYS = [...SEARCHABLE, 'created', 'Created'];
const NUMERIC_ATTRIBUTES = new Set(['start_time', 'end_time', 'created', 'Created']);
const DATASET_KEYS = ['name', 'digest', 'context'];
const DBL_MAX = 1.7976931348623157e308;

export function translateKeyAlias(key: string): string {
  if (key === 'created' || key === 'Created') return 'start_time';
  if (key === 'run name' || key === 'Run name' || key === 'Run Name') return 'run_name';
  return key;
}

export function resolveRunIdentifier(
  identifier: string,
  validAttributes: readonly string[],
): { type: RunKeyType; key: string } {
  const split = splitIdentifier(identifier);
  let type: RunKeyType = 'attribute';
  if (split.entity !== null) {
    const entity = trimBackticks(split.entity);
    const t = ENTITY_ALIASES[entity];
    if (!t) {
      throw new SearchError(
        `Invalid entity type '${entity}'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']`,
      );
    }
    type = t;
  }
  const key = trimBackticks(stripQuotes(split.key));
  if (type === 'attribute' && !validAttributes.includes(key)) {
    throw new SearchError(
      `Invalid attribute key '${key}' specified. Valid keys are '${pySet(validAttributes)}'`,
    );
  }
  if (type === 'dataset' && !DATASET_KEYS.includes(key)) {
    throw new SearchError(
      `Invalid dataset key '${key}' specified. Valid keys are '${pySet(DATASET_KEYS)}'`,
    );
  }
  return { type, key };
}

/** The SQL store keeps NaN as 0 (with an is_nan flag) and +/-inf as +/-DBL_MAX. */
export function sqlMetricValue(v: WireMetricValue): number {
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 0;
    if (v === Infinity) return DBL_MAX;
    if (v === -Infinity) return -DBL_MAX;
    return v;
  }
  if (v === 'Infinity') return DBL_MAX;
  if (v === '-Infinity') return -DBL_MAX;
  return 0;
}

export function isNanMetric(v: WireMetricValue): boolean {
  return v === 'NaN' || (typeof v === 'number' && Number.isNaN(v));
}

function numberValue(v: RawValue, message: string): number {
  if (v.kind !== 'number') throw new SearchError(`${message} Found ${v.text}`);
  return Number(v.text);
}

export function findKv(
  list: readonly { key: string; value: string }[] | undefined,
  key: string,
): string | null {
  if (!list) return null;
  for (const kv of list) if (kv.key === key) return kv.value;
  return null;
}

type RunPredicate = (run: DbRun) => boolean;

function compileClause(c: RawComparison): RunPredicate {
  const { type, key: rawKey } = resolveRunIdentifier(c.identifier, SEARCH_ATTRIBUTE_KEYS);
  const key = translateKeyAlias(rawKey);
  const v = c.value;
  switch (type) {
    case 'metric': {
      const rhs = numberValue(v, 'Expected numeric value type for metric.');
      const cmp = checkComparator(c.comparator, NUMERIC_COMPARATORS);
      return (run) => {
        const m = run.latest.get(key);
        return m !== undefined && compareNumbers(sqlMetricValue(m.value), cmp, rhs);
      };
    }
    case 'parameter':
    case 'tag': {
      const rhs = stringValue(v, type);
      const cmp = checkComparator(c.comparator, STRING_COMPARATORS);
      return (run) => {
        const lhs = findKv(type === 'tag' ? run.tags : run.params, key);
        return lhs !== null && compareStrings(lhs, cmp, rhs);
      };
    }
    case 'attribute': {
      if (NUMERIC_ATTRIBUTES.has(rawKey)) {
        const rhs = Math.trunc(
          numberValue(v, `Expected numeric value type for numeric attribute: ${rawKey}.`),
        );
        const cmp = checkComparator(c.comparator, NUMERIC_COMPARATORS);
        const field = key === 'end_time' ? 'end_time' : 'start_time';
        return (run) => {
          const lhs = run.info[field];
          return lhs !== undefined && lhs !== null && compareNumbers(lhs, cmp, rhs);
        };
      }
      let rhs: string | string[];
      if (v.kind === 'list') {
        if (key !== 'run_id')
          throw new SearchError(
            "Only the 'run_id' attribute supports comparison with a list of quoted string values.",
          );
        rhs = stringList(v);
      } else if (v.kind === 'string' || v.kind === 'ident') {
        rhs = stripQuotes(v.text, true);
      } else {
        throw new SearchError(`Expected a quoted string value for attributes. Got value ${v.text}`);
      }
      const cmp = checkComparator(c.comparator, STRING_LIST_COMPARATORS);
      const value = rhs;
      if (key === 'run_name') {
        // The SQL store compares attributes.run_name against the mlflow.runName tag.
        return (run) => {
          const lhs = findKv(run.tags, 'mlflow.runName');
          return lhs !== null && compareStrings(lhs, cmp, value);
        };
      }
      const field = key as 'run_id' | 'status' | 'user_id' | 'artifact_uri';
      return (run) => {
        const lhs = run.info[field];
        return typeof lhs === 'string' && compareStrings(lhs, cmp, value);
      };
    }
    case 'dataset': {
      let rhs: string | string[];
      if (v.kind === 'list') rhs = stringList(v);
      else if (v.kind === 'string' || v.kind === 'ident') rhs = stripQuotes(v.text, true);
      else
        throw new SearchError(
          `Expected a quoted string value for dataset attributes. Got value ${v.text}`,
        );
      const cmp = checkComparator(c.comparator, STRING_LIST_COMPARATORS);
      const value = rhs;
      if (key === 'context') {
        return (run) =>
          run.inputs.some((i) => {
            const ctx = findKv(i.tags, 'mlflow.data.context');
            return ctx !== null && compareStrings(ctx, cmp, value);
          });
      }
      const field = key as 'name' | 'digest';
      return (run) => run.inputs.some((i) => compareStrings(i.dataset[field], cmp, value));
    }
  }
}

/** Compile a runs/search filter once; null when there is no filter. */
export function compileRunFilter(filter: string | undefined | null): RunPredicate | null {
  const clauses = parseFilter(filter, { quoteInvalidClauses: true }).map(compileClause);
  if (clauses.length === 0) return null;
  return (run) => clauses.every((p) => p(run));
}

// ---- order_by ------------------------------------------------------------------------------

interface SortSpec {
  ascending: boolean;
  /** [group, value]: group 0 = has a value, then NaN (metrics) and missing, always last. */
  extract: (run: DbRun) => [number, string | number | null];
}

function sortSpec(clause: string): { spec: SortSpec; id: string } {
  const ob = parseOrderBy(clause);
  const identifier = ob.entity === null ? ob.key : `${ob.entity}.\`${ob.key}\``;
  const { type, key: rawKey } = resolveRunIdentifier(identifier, ORDER_ATTRIBUTE_KEYS);
  const key = translateKeyAlias(rawKey);
  const id = `${type}:${key}`;
  const asc = ob.ascending;
  switch (type) {
    case 'metric':
      return {
        id,
        spec: {
          ascending: asc,
          extract: (run) => {
            const m = run.latest.get(key);
            if (!m) return [2, null];
            return [isNanMetric(m.value) ? 1 : 0, sqlMetricValue(m.value)];
          },
        },
      };
    case 'parameter':
    case 'tag':
      return {
        id,
        spec: {
          ascending: asc,
          extract: (run) => {
            const v = findKv(type === 'tag' ? run.tags : run.params, key);
            return v === null ? [1, null] : [0, v];
          },
        },
      };
    case 'attribute': {
      const field = key as
        'run_id' | 'run_name' | 'status' | 'user_id' | 'artifact_uri' | 'start_time' | 'end_time';
      return {
        id,
        spec: {
          ascending: asc,
          extract: (run) => {
            const v = run.info[field];
            return v === undefined || v === null ? [1, null] : [0, v];
          },
        },
      };
    }
    default:
      throw new SearchError(`Invalid identifier type '${type}'`);
  }
}

/** Compile order_by clauses into a sorter returning a new, ordered array. */
export function compileRunOrder(
  orderBy: readonly string[] | undefined,
): (runs: DbRun[]) => DbRun[] {
  const specs: SortSpec[] = [];
  const seen = new Set<string>();
  for (const clause of orderBy ?? []) {
    const { spec, id } = sortSpec(clause);
    if (seen.has(id)) {
      throw new SearchError(
        `\`order_by\` contains duplicate fields: [${(orderBy ?? []).map((o) => `'${o}'`).join(', ')}]`,
      );
    }
    seen.add(id);
    specs.push(spec);
  }
  const orderedByStart = seen.has('attribute:start_time');
  return (runs) => {
    // Sort indices over precomputed columns: no per-comparison lookups or allocations.
    const n = runs.length;
    const cols = specs.map((spec) => ({
      spec,
      groups: new Int8Array(n),
      values: new Array<string | number | null>(n),
    }));
    const starts = new Float64Array(n);
    const ids = new Array<string>(n);
    runs.forEach((run, i) => {
      for (const { spec, groups, values } of cols) {
        const [g, v] = spec.extract(run);
        groups[i] = g;
        values[i] = v;
      }
      starts[i] = run.info.start_time ?? -Infinity;
      ids[i] = run.info.run_id;
    });
    // a and b below are indices < n: every column read is in range.
    const idx = Array.from({ length: n }, (_, i) => i);
    idx.sort((a, b) => {
      for (const { spec, groups, values } of cols) {
        const ga = groups[a] as number;
        const gb = groups[b] as number;
        if (ga !== gb) return ga - gb;
        const va = values[a] ?? null;
        const vb = values[b] ?? null;
        if (va !== vb && va !== null && vb !== null) {
          const c = va < vb ? -1 : va > vb ? 1 : 0;
          if (c !== 0) return spec.ascending ? c : -c;
        }
      }
      const sa = starts[a] as number;
      const sb = starts[b] as number;
      if (!orderedByStart && sa !== sb) return sb - sa;
      const ia = ids[a] as string;
      const ib = ids[b] as string;
      return ia < ib ? -1 : ia > ib ? 1 : 0;
    });
    return idx.map((i) => runs[i] as DbRun);
  };
}
