/**
 * registered-models/search and model-versions/search semantics of the 2.17
 * SQL registry store: `name` (= != LIKE ILIKE) and `tags.<key>` for models;
 * `name`, `version_number`, `run_id` (also IN), `source_path` and tags for
 * versions. Models order by name / last_updated_timestamp (alias
 * `timestamp`), name ASC as tie-breaker; versions by name / version_number /
 * creation_timestamp / last_updated_timestamp, then name ASC, version DESC.
 */
import type { WireKeyValue, WireModelVersion } from '../../app/api/wire';
import { cmpValues, compareNumbers, compareStrings, type Comparator } from './compare';
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
} from './filter';
import { parseOrderBy } from './order-by';
import { findKv } from './runs';

/** What model search reads of a registered model. */
export interface ModelRow {
  name: string;
  creation_timestamp?: number;
  last_updated_timestamp?: number;
  tags?: WireKeyValue[];
}

function resolve(
  identifier: string,
  valid: readonly string[],
): { type: 'attribute' | 'tag'; key: string } {
  const { entity, key } = splitIdentifier(identifier);
  let type: 'attribute' | 'tag' = 'attribute';
  if (entity !== null) {
    if (entity !== 'attribute' && entity !== 'tag' && entity !== 'tags') {
      throw new SearchError(
        `Invalid entity type '${entity}'. Valid entity types are ('attribute', 'tag', 'tags')`,
      );
    }
    type = entity === 'attribute' ? 'attribute' : 'tag';
  }
  if (type === 'attribute' && !valid.includes(key)) {
    throw new SearchError(
      `Invalid attribute key '${key}' specified. Valid keys are '${pySet(valid)}'`,
    );
  }
  return { type, key: trimBackticks(stripQuotes(key)) };
}

function stringComparator(c: string, what: 'attribute' | 'tag', allowIn = false): Comparator {
  const ok = ['=', '!=', 'LIKE', 'ILIKE', ...(allowIn ? ['IN'] : [])];
  if (!ok.includes(c)) throw new SearchError(`Invalid comparator for ${what}: ${c}`);
  return c as Comparator;
}

function tagClause<T extends { tags?: WireKeyValue[] }>(
  c: RawComparison,
  key: string,
): (x: T) => boolean {
  const rhs = stringValue(c.value, 'tag');
  const cmp = stringComparator(c.comparator, 'tag');
  return (x) => {
    const lhs = findKv(x.tags, key);
    return lhs !== null && compareStrings(lhs, cmp, rhs);
  };
}

function attrString(c: RawComparison, key: string, allowList: boolean): string | string[] {
  const v = c.value;
  if (v.kind === 'string' || v.kind === 'ident') return stripQuotes(v.text, true);
  if (v.kind === 'list') {
    if (!allowList)
      throw new SearchError(
        "Only the 'run_id' attribute supports comparison with a list of quoted string values.",
      );
    return stringList(v);
  }
  if (v.kind === 'number' && key !== 'version_number') {
    throw new SearchError(
      `Expected a quoted string value or a list of quoted string values for attributes. Got value ${v.text}`,
    );
  }
  return v.text;
}

export function compileModelFilter(
  filter: string | undefined | null,
): ((m: ModelRow) => boolean) | null {
  const clauses = parseFilter(filter, { quoteInvalidClauses: false }).map(
    (c): ((m: ModelRow) => boolean) => {
      const { type, key } = resolve(c.identifier, ['name']);
      if (type === 'tag') return tagClause<ModelRow>(c, key);
      const rhs = attrString(c, key, false);
      const cmp = stringComparator(c.comparator, 'attribute');
      return (m) => compareStrings(m.name, cmp, rhs);
    },
  );
  return clauses.length ? (m) => clauses.every((p) => p(m)) : null;
}

export function compileModelVersionFilter(
  filter: string | undefined | null,
): ((v: WireModelVersion) => boolean) | null {
  const clauses = parseFilter(filter, { quoteInvalidClauses: false }).map(
    (c): ((v: WireModelVersion) => boolean) => {
      const { type, key } = resolve(c.identifier, [
        'name',
        'version_number',
        'run_id',
        'source_path',
      ]);
      if (type === 'tag') return tagClause<WireModelVersion>(c, key);
      if (key === 'version_number') {
        if (c.value.kind !== 'number') {
          throw new SearchError(
            `Expected a quoted string value or a list of quoted string values for attributes. Got value ${c.value.text}`,
          );
        }
        const rhs = Number(c.value.text);
        if (!['=', '!=', '<', '<=', '>', '>='].includes(c.comparator))
          throw new SearchError(`Invalid comparator for attribute: ${c.comparator}`);
        const cmp = c.comparator as Comparator;
        return (v) => compareNumbers(Number(v.version), cmp, rhs);
      }
      if (c.value.kind === 'number') {
        throw new SearchError(
          `Only the '${pySet(['version_number', 'creation_timestamp', 'last_updated_timestamp'])}' attributes support comparison with numeric values.`,
        );
      }
      const rhs = attrString(c, key, key === 'run_id');
      const cmp = stringComparator(c.comparator, 'attribute', key === 'run_id');
      const field = key === 'source_path' ? 'source' : (key as 'name' | 'run_id');
      return (v) => {
        const lhs = v[field];
        return typeof lhs === 'string' && compareStrings(lhs, cmp, rhs);
      };
    },
  );
  return clauses.length ? (v) => clauses.every((p) => p(v)) : null;
}

export function compileModelOrder(
  orderBy: readonly string[] | undefined,
): <T extends ModelRow>(list: T[]) => T[] {
  const specs: { key: 'name' | 'last_updated_timestamp'; ascending: boolean }[] = [];
  for (const clause of orderBy ?? []) {
    const ob = parseOrderBy(clause);
    const token = ob.entity === null ? ob.key : `${ob.entity}.${ob.key}`;
    if (!['name', 'timestamp', 'last_updated_timestamp'].includes(token)) {
      throw new SearchError(
        `Invalid order by key '${token}' specified. Valid keys are '${pySet(['name', 'timestamp'])}'`,
      );
    }
    const key = token === 'name' ? 'name' : 'last_updated_timestamp';
    if (specs.some((s) => s.key === key)) {
      throw new SearchError(
        `\`order_by\` contains duplicate fields: [${(orderBy ?? []).map((o) => `'${o}'`).join(', ')}]`,
      );
    }
    specs.push({ key, ascending: ob.ascending });
  }
  if (!specs.some((s) => s.key === 'name')) specs.push({ key: 'name', ascending: true });
  return (list) =>
    [...list].sort((a, b) => {
      for (const s of specs) {
        const c = cmpValues(a[s.key] ?? null, b[s.key] ?? null);
        if (c !== 0) return s.ascending ? c : -c;
      }
      return 0;
    });
}

type VersionKey = 'name' | 'version' | 'creation_timestamp' | 'last_updated_timestamp';

export function compileModelVersionOrder(
  orderBy: readonly string[] | undefined,
): (list: WireModelVersion[]) => WireModelVersion[] {
  const specs: { key: VersionKey; ascending: boolean }[] = [];
  for (const clause of orderBy ?? []) {
    const ob = parseOrderBy(clause);
    const identifier = ob.entity === null ? ob.key : `${ob.entity}.${ob.key}`;
    const { type, key } = resolve(identifier, [
      'name',
      'version_number',
      'creation_timestamp',
      'last_updated_timestamp',
    ]);
    if (type !== 'attribute') throw new SearchError(`Invalid order_by entity: ${type}`);
    specs.push({
      key: key === 'version_number' ? 'version' : (key as VersionKey),
      ascending: ob.ascending,
    });
  }
  if (!specs.some((s) => s.key === 'name')) specs.push({ key: 'name', ascending: true });
  if (!specs.some((s) => s.key === 'version')) specs.push({ key: 'version', ascending: false });
  const value = (v: WireModelVersion, k: VersionKey): string | number | null =>
    k === 'version' ? Number(v.version) : (v[k] ?? null);
  return (list) =>
    [...list].sort((a, b) => {
      for (const s of specs) {
        const c = cmpValues(value(a, s.key), value(b, s.key));
        if (c !== 0) return s.ascending ? c : -c;
      }
      return 0;
    });
}
