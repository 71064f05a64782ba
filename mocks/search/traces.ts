/**
 * traces search semantics (SearchTraceUtils + the SQL store): attributes
 * request_id, status, timestamp(_ms), execution_time(_ms); `name` is the
 * `mlflow.traceName` tag and `run_id` the `mlflow.sourceRun` request
 * metadata; `tags.<key>` and `request_metadata.<key>`. No LIKE/ILIKE for
 * traces (MLflow left them out for speed): tags and metadata take = and !=,
 * string attributes = != IN NOT IN. Only attributes order; default
 * `timestamp_ms DESC`, then request_id.
 */
import type { WireTraceInfo } from '../../app/api/wire';
import {
  checkComparator,
  cmpValues,
  compareNumbers,
  compareStrings,
  NUMERIC_COMPARATORS,
} from './compare';
import {
  parseFilter,
  pySet,
  SearchError,
  splitIdentifier,
  stringValue,
  stripQuotes,
  trimBackticks,
  type RawComparison,
  type RawValue,
} from './filter';
import { parseOrderBy } from './order-by';
import { findKv } from './runs';

const TAG_COMPARATORS = ['!=', '='];
const STRING_ATTRIBUTE_COMPARATORS = ['!=', '=', 'IN', 'NOT IN'];

/** SearchTraceUtils._parse_attribute_lists: Python's literal_eval of a tuple of strings (no lower-case filter). */
function listValue(v: RawValue): string[] {
  if (v.kind !== 'list' || v.items.length === 0)
    throw new SearchError(
      'While parsing a list in the query, expected a non-empty list of string values, but got empty list',
    );
  const out: string[] = [];
  v.items.forEach((t, i) => {
    const ok = i % 2 === 0 ? t.kind === 'string' : t.kind === 'comma';
    if (!ok)
      throw new SearchError(
        'While parsing a list in the query, expected a non-empty list of string values, but got ill-formed list.',
      );
    if (i % 2 === 0) out.push(t.text.slice(1, -1));
  });
  return out;
}

type TraceKeyType = 'attribute' | 'tag' | 'request_metadata';

const ENTITY: Record<string, TraceKeyType> = {
  attribute: 'attribute',
  attributes: 'attribute',
  trace: 'attribute',
  tag: 'tag',
  tags: 'tag',
  request_metadata: 'request_metadata',
  metadata: 'request_metadata',
};

const SEARCH_KEYS = [
  'request_id',
  'timestamp',
  'timestamp_ms',
  'execution_time',
  'execution_time_ms',
  'status',
  'name',
  'run_id',
];
const ORDER_KEYS = [
  'experiment_id',
  'timestamp',
  'timestamp_ms',
  'execution_time',
  'execution_time_ms',
  'status',
  'request_id',
  'name',
  'run_id',
];
const NUMERIC = new Set(['timestamp_ms', 'execution_time_ms']);

function resolve(
  identifier: string,
  valid: readonly string[],
): { type: TraceKeyType; key: string } {
  const split = splitIdentifier(identifier);
  let type: TraceKeyType = 'attribute';
  if (split.entity !== null) {
    const entity = trimBackticks(split.entity);
    const t = ENTITY[entity];
    if (!t)
      throw new SearchError(
        `Invalid entity type '${entity}'. Valid values are ${pySet(Object.keys(ENTITY))}`,
      );
    type = t;
  }
  let key = trimBackticks(stripQuotes(split.key));
  if (type === 'attribute' && !valid.includes(key)) {
    throw new SearchError(
      `Invalid attribute key '${key}' specified. Valid keys are '${pySet(valid)}'`,
    );
  }
  // SearchTraceUtils._replace_key_to_tag_or_metadata
  const lower = key.toLowerCase();
  if (lower === 'name') return { type: 'tag', key: 'mlflow.traceName' };
  if (lower === 'run_id') return { type: 'request_metadata', key: 'mlflow.sourceRun' };
  if (lower === 'timestamp') key = 'timestamp_ms';
  if (lower === 'execution_time') key = 'execution_time_ms';
  return { type, key };
}

type Predicate = (t: WireTraceInfo) => boolean;

function compileClause(c: RawComparison): Predicate {
  const { type, key } = resolve(c.identifier, SEARCH_KEYS);
  if (type !== 'attribute') {
    const rhs = stringValue(c.value, type === 'tag' ? 'tag' : 'request_metadata');
    const cmp = checkComparator(c.comparator, TAG_COMPARATORS);
    const list = type === 'tag' ? 'tags' : 'request_metadata';
    return (t) => {
      const lhs = findKv(t[list], key);
      return lhs !== null && compareStrings(lhs, cmp, rhs);
    };
  }
  if (NUMERIC.has(key)) {
    if (c.value.kind !== 'number')
      throw new SearchError(
        `Expected numeric value type for numeric attribute: ${key}. Found ${c.value.text}`,
      );
    const rhs = Number(c.value.text);
    const cmp = checkComparator(c.comparator, NUMERIC_COMPARATORS);
    const field = key as 'timestamp_ms' | 'execution_time_ms';
    return (t) => {
      const lhs = t[field];
      return typeof lhs === 'number' && compareNumbers(lhs, cmp, rhs);
    };
  }
  let rhs: string | string[];
  if (c.value.kind === 'list') rhs = listValue(c.value);
  else if (c.value.kind === 'string' || c.value.kind === 'ident')
    rhs = stripQuotes(c.value.text, true);
  else
    throw new SearchError(
      `Expected a quoted string value for attributes. Got value ${c.value.text}`,
    );
  const cmp = checkComparator(c.comparator, STRING_ATTRIBUTE_COMPARATORS);
  const field = key as 'request_id' | 'status';
  const value = rhs;
  return (t) => compareStrings(t[field], cmp, value);
}

export function compileTraceFilter(filter: string | undefined | null): Predicate | null {
  const clauses = parseFilter(filter, { quoteInvalidClauses: true }).map(compileClause);
  return clauses.length ? (t) => clauses.every((p) => p(t)) : null;
}

export function compileTraceOrder(
  orderBy: readonly string[] | undefined,
): (list: WireTraceInfo[]) => WireTraceInfo[] {
  type Key = 'timestamp_ms' | 'execution_time_ms' | 'status' | 'experiment_id' | 'request_id';
  const specs = (orderBy ?? []).map((clause) => {
    const ob = parseOrderBy(clause);
    const identifier = ob.entity === null ? ob.key : `${ob.entity}.\`${ob.key}\``;
    const { type, key } = resolve(identifier, ORDER_KEYS);
    if (type !== 'attribute')
      throw new SearchError(`Invalid order_by entity \`${type}\` with key \`${key}\``);
    return { key: key as Key, ascending: ob.ascending };
  });
  if (!specs.some((s) => s.key === 'timestamp_ms'))
    specs.push({ key: 'timestamp_ms', ascending: false });
  if (!specs.some((s) => s.key === 'request_id'))
    specs.push({ key: 'request_id', ascending: true });
  const get = (t: WireTraceInfo, k: Key): string | number | null => t[k] ?? null;
  return (list) =>
    [...list].sort((a, b) => {
      for (const s of specs) {
        const c = cmpValues(get(a, s.key), get(b, s.key));
        if (c !== 0) return s.ascending ? c : -c;
      }
      return 0;
    });
}
