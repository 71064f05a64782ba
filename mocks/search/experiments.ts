/**
 * experiments/search semantics (SearchExperimentsUtils + the SQL store):
 * `name`, `creation_time`, `last_update_time` and `tags.<key>` filters,
 * order_by name / experiment_id / creation_time / last_update_time, default
 * `creation_time DESC, experiment_id ASC`, experiment_id DESC as tie-breaker.
 */
import type { WireExperiment } from '../../app/api/wire';
import {
  checkComparator,
  cmpValues,
  compareNumbers,
  compareStrings,
  NUMERIC_COMPARATORS,
  STRING_COMPARATORS,
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
} from './filter';
import { parseOrderBy } from './order-by';
import { findKv } from './runs';

const SEARCH_KEYS = ['name', 'creation_time', 'last_update_time'];
const ORDER_KEYS = ['name', 'experiment_id', 'creation_time', 'last_update_time'];
const NUMERIC = new Set(['creation_time', 'last_update_time', 'experiment_id']);

function resolve(
  identifier: string,
  valid: readonly string[],
): { type: 'attribute' | 'tag'; key: string } {
  const { entity, key: rawKey } = splitIdentifier(identifier);
  let type: 'attribute' | 'tag' = 'attribute';
  if (entity !== null) {
    if (entity !== 'attribute' && entity !== 'tag' && entity !== 'tags') {
      throw new SearchError(
        `Invalid entity type '${entity}'. Valid entity types are ('attribute', 'tag', 'tags')`,
      );
    }
    type = entity === 'attribute' ? 'attribute' : 'tag';
  }
  const key = trimBackticks(stripQuotes(rawKey));
  if (type === 'attribute' && !valid.includes(key)) {
    throw new SearchError(
      `Invalid attribute key '${key}' specified. Valid keys are '${pySet(valid)}'`,
    );
  }
  return { type, key };
}

type Predicate = (e: WireExperiment) => boolean;

function compileClause(c: RawComparison): Predicate {
  const { type, key } = resolve(c.identifier, SEARCH_KEYS);
  if (type === 'tag') {
    const rhs = stringValue(c.value, 'tag');
    const cmp = checkComparator(c.comparator, STRING_COMPARATORS);
    return (e) => {
      const lhs = findKv(e.tags, key);
      return lhs !== null && compareStrings(lhs, cmp, rhs);
    };
  }
  if (NUMERIC.has(key)) {
    if (c.value.kind !== 'number') {
      throw new SearchError(
        `Expected numeric value type for numeric attribute: ${key}. Found ${c.value.text}`,
      );
    }
    const rhs = Number(c.value.text);
    const cmp = checkComparator(c.comparator, NUMERIC_COMPARATORS);
    const field = key as 'creation_time' | 'last_update_time';
    return (e) => {
      const lhs = e[field];
      return typeof lhs === 'number' && compareNumbers(lhs, cmp, rhs);
    };
  }
  if (c.value.kind !== 'string' && c.value.kind !== 'ident') {
    throw new SearchError(
      `Expected a quoted string value for attributes. Got value ${c.value.text}`,
    );
  }
  const rhs = stripQuotes(c.value.text, true);
  const cmp = checkComparator(c.comparator, STRING_COMPARATORS);
  return (e) => compareStrings(e.name, cmp, rhs);
}

export function compileExperimentFilter(filter: string | undefined | null): Predicate | null {
  const clauses = parseFilter(filter, { quoteInvalidClauses: false }).map(compileClause);
  if (clauses.length === 0) return null;
  return (e) => clauses.every((p) => p(e));
}

export function compileExperimentOrder(
  orderBy: readonly string[] | undefined,
): (list: WireExperiment[]) => WireExperiment[] {
  const clauses = orderBy && orderBy.length ? orderBy : ['creation_time DESC', 'experiment_id ASC'];
  const specs = clauses.map((clause) => {
    const ob = parseOrderBy(clause);
    const identifier = ob.entity === null ? ob.key : `${ob.entity}.${ob.key}`;
    const { type, key } = resolve(identifier, ORDER_KEYS);
    if (type !== 'attribute') throw new SearchError(`Invalid order_by entity: ${type}`);
    return {
      key: key as 'name' | 'experiment_id' | 'creation_time' | 'last_update_time',
      ascending: ob.ascending,
    };
  });
  if (!specs.some((s) => s.key === 'experiment_id'))
    specs.push({ key: 'experiment_id', ascending: false });
  const value = (e: WireExperiment, key: (typeof specs)[number]['key']): string | number | null => {
    if (key === 'experiment_id')
      return NUMERIC.has(key) && /^\d+$/.test(e.experiment_id)
        ? Number(e.experiment_id)
        : e.experiment_id;
    const v = e[key];
    return v === undefined ? null : v;
  };
  return (list) =>
    [...list].sort((a, b) => {
      for (const s of specs) {
        const c = cmpValues(value(a, s.key), value(b, s.key));
        if (c !== 0) return s.ascending ? c : -c;
      }
      return 0;
    });
}
