/**
 * The traces search filter of MLflow 3.18 (SearchTraceUtils + the SQL store):
 * what 2.17 had, plus `LIKE`/`ILIKE`/`RLIKE` and `IS [NOT] NULL` on tags and
 * metadata, and assessments: `feedback.<name>` / `expectation.<name>` with
 * `=`, `!=`, `<`, `<=`, `>`, `>=`, `LIKE`, `ILIKE`, `RLIKE`, `IS [NOT] NULL`.
 * Only valid (not overridden) assessments count. A value compares as the
 * server stores it, JSON text: `feedback.correct = 'true'` matches `true`,
 * `feedback.tone = 'polite'` matches the string "polite".
 * Span filters (`span.name`, ...) are not modelled.
 */
import type { DbTrace } from '../db';
import { pyDumps, type PyValue } from '../seed/pyjson';
import type { WireAssessment3 } from '../wire3';
import { compareNumbers, type Comparator } from './compare';
import {
  parseFilter,
  SearchError,
  splitIdentifier,
  stripQuotes,
  trimBackticks,
  type RawComparison,
} from './filter';
import { ilike, like } from './like';
import { findKv } from './runs';
import { tokenize, type Token } from './tokens';
import { compileTraceFilter } from './traces';

type Predicate = (t: DbTrace) => boolean;

const ENTITIES =
  "{'trace', 'tag', 'attributes', 'attribute', 'metadata', 'issue', 'expectation', 'tags', 'request_metadata', 'feedback', 'span'}";

type Kind = 'attribute' | 'tag' | 'metadata' | 'feedback' | 'expectation' | 'span' | 'issue';

const KIND: Record<string, Kind> = {
  attribute: 'attribute',
  attributes: 'attribute',
  trace: 'attribute',
  tag: 'tag',
  tags: 'tag',
  request_metadata: 'metadata',
  metadata: 'metadata',
  feedback: 'feedback',
  expectation: 'expectation',
  span: 'span',
  issue: 'issue',
};

function kindOf(identifier: string): { kind: Kind; key: string } {
  const { entity, key } = splitIdentifier(identifier);
  if (entity === null) return { kind: 'attribute', key };
  const e = trimBackticks(entity);
  const kind = KIND[e];
  if (!kind) throw new SearchError(`Invalid entity type '${e}'. Valid values are ${ENTITIES}`);
  return { kind, key: trimBackticks(stripQuotes(key)) };
}

/** The value column of an assessment: Python's json.dumps of the value. */
export function storedValue(a: WireAssessment3): string | null {
  if (a.feedback) return pyDumps((a.feedback.value ?? null) as PyValue);
  if (a.expectation) {
    if ('serialized_value' in a.expectation) return a.expectation.serialized_value.value;
    return pyDumps((a.expectation.value ?? null) as PyValue);
  }
  return null;
}

function numericValue(a: WireAssessment3): number | null {
  const v = a.feedback
    ? a.feedback.value
    : a.expectation && 'value' in a.expectation
      ? a.expectation.value
      : null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return null;
}

function assessmentsOf(t: DbTrace, kind: 'feedback' | 'expectation', name: string) {
  return (t.assessments ?? []).filter(
    (a) =>
      a.valid &&
      a.assessment_name === name &&
      (kind === 'feedback' ? !!a.feedback : !!a.expectation),
  );
}

function textMatch(cmp: string, lhs: string, rhs: string): boolean {
  switch (cmp) {
    case '=':
      return lhs === rhs;
    case '!=':
      return lhs !== rhs;
    case 'LIKE':
      return like(lhs, rhs);
    case 'ILIKE':
      return ilike(lhs, rhs);
    case 'RLIKE':
      try {
        return new RegExp(rhs).test(lhs);
      } catch {
        return false;
      }
    default:
      return false;
  }
}

const NUMERIC = new Set(['<', '<=', '>', '>=']);

function assessmentClause(
  kind: 'feedback' | 'expectation',
  key: string,
  c: RawComparison,
): Predicate {
  const cmp = c.comparator;
  if (NUMERIC.has(cmp)) {
    if (c.value.kind !== 'number' && c.value.kind !== 'string')
      throw new SearchError(`Expected a numeric value for ${kind}. Got value ${c.value.text}`);
    const rhs = Number(stripQuotes(c.value.text));
    return (t) =>
      assessmentsOf(t, kind, key).some((a) => {
        const n = numericValue(a);
        return n !== null && compareNumbers(n, cmp as Comparator, rhs);
      });
  }
  if (!['=', '!=', 'LIKE', 'ILIKE', 'RLIKE'].includes(cmp))
    throw new SearchError(
      `Invalid comparator '${cmp}' not one of '['!=', '=', '>', '>=', '<', '<=', 'LIKE', 'ILIKE', 'RLIKE', 'IS NULL', 'IS NOT NULL']'`,
    );
  if (c.value.kind === 'ident' && !/^["`]/.test(c.value.text))
    throw new SearchError(
      `Invalid clause(s) in filter string: '${kind}.${key}', '${cmp}', '${c.value.text}'`,
    );
  if (c.value.kind !== 'string' && c.value.kind !== 'ident')
    throw new SearchError(
      `Expected a quoted string value for ${kind} (e.g. 'my-value'). Got value ${c.value.text}`,
    );
  const rhs = stripQuotes(c.value.text, true);
  const asJson = JSON.stringify(rhs);
  return (t) =>
    assessmentsOf(t, kind, key).some((a) => {
      const stored = storedValue(a);
      if (stored === null) return false;
      if (cmp === '=') return stored === rhs || stored === asJson;
      if (cmp === '!=') return stored !== rhs && stored !== asJson;
      return textMatch(cmp, stored, rhs);
    });
}

function kvClause(kind: 'tag' | 'metadata', key: string, c: RawComparison): Predicate {
  if (!['=', '!=', 'LIKE', 'ILIKE', 'RLIKE'].includes(c.comparator))
    throw new SearchError(
      `Invalid comparator '${c.comparator}' not one of '['!=', '=', 'LIKE', 'ILIKE', 'RLIKE', 'IS NULL', 'IS NOT NULL']'`,
    );
  if (c.value.kind !== 'string' && c.value.kind !== 'ident')
    throw new SearchError(
      `Expected a quoted string value for ${kind === 'tag' ? 'tag' : 'metadata'} (e.g. 'my-value'). Got value ${c.value.text}`,
    );
  const rhs = stripQuotes(c.value.text, true);
  const list = kind === 'tag' ? 'tags' : 'request_metadata';
  return (t) => {
    const lhs = findKv(t.info[list], key);
    return lhs !== null && textMatch(c.comparator, lhs, rhs);
  };
}

function nullClause(identifier: string, isNull: boolean): Predicate {
  const { kind, key } = kindOf(identifier);
  let has: Predicate;
  if (kind === 'tag') has = (t) => findKv(t.info.tags, key) !== null;
  else if (kind === 'metadata') has = (t) => findKv(t.info.request_metadata, key) !== null;
  else if (kind === 'feedback' || kind === 'expectation')
    has = (t) => assessmentsOf(t, kind, key).length > 0;
  else
    throw new SearchError(
      `IS NULL / IS NOT NULL is only supported for tags, metadata, feedback and expectation, got '${identifier}'`,
    );
  return isNull ? (t) => !has(t) : has;
}

function clause(src: string): Predicate {
  const [c] = parseFilter(src);
  if (!c) return () => true; // src is a group's non-blank text: one comparison, never taken
  const { kind, key } = kindOf(c.identifier);
  if (kind === 'feedback' || kind === 'expectation') return assessmentClause(kind, key, c);
  if ((kind === 'tag' || kind === 'metadata') && !['=', '!='].includes(c.comparator))
    return kvClause(kind, key, c);
  if (kind === 'span' || kind === 'issue')
    throw new SearchError(`Filtering on '${kind}' is not supported by the Runlens demo backend.`);
  // Attributes, and tags/metadata with = or !=: the same as 2.17.
  const p = compileTraceFilter(src);
  return p ? (t) => p(t.info) : () => true;
}

/** Split on top-level AND; a group `<ident> IS [NOT] NULL` is a null check. */
function groups(src: string): Token[][] {
  let group: Token[] = [];
  const out: Token[][] = [group];
  for (const t of tokenize(src)) {
    if (t.kind === 'keyword' && t.text.toUpperCase() === 'AND') out.push((group = []));
    else group.push(t);
  }
  return out.filter((g) => g.length > 0);
}

function nullCheck(g: Token[]): { identifier: string; isNull: boolean } | null {
  const [first, ...rest] = g;
  if (first?.kind !== 'ident' || !rest.every((t) => t.kind === 'keyword')) return null;
  const words = rest.map((t) => t.text.toUpperCase()).join(' ');
  if (words === 'IS NULL') return { identifier: first.text, isNull: true };
  if (words === 'IS NOT NULL') return { identifier: first.text, isNull: false };
  return null;
}

export function compileTraceFilterV3(filter: string | undefined | null): Predicate | null {
  if (!filter || !filter.trim()) return null;
  const preds = groups(filter).map((g) => {
    const nc = nullCheck(g);
    if (nc) return nullClause(nc.identifier, nc.isNull);
    const first = g[0];
    const last = g.at(-1);
    if (!first || !last) return () => true; // groups() drops empty groups: never taken
    return clause(filter.slice(first.start, last.end));
  });
  return preds.length ? (t) => preds.every((p) => p(t)) : null;
}
