/**
 * Comparators of the search DSL, evaluated as MLflow's SQL store does
 * (string comparisons are binary, LIKE is case-sensitive, ILIKE is not).
 */
import { SearchError, pySet } from './filter';
import { ilike, like } from './like';

export type Comparator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'ILIKE' | 'IN' | 'NOT IN';

export const NUMERIC_COMPARATORS: readonly string[] = ['>', '>=', '!=', '=', '<', '<='];
export const STRING_COMPARATORS: readonly string[] = ['!=', '=', 'LIKE', 'ILIKE'];
export const STRING_LIST_COMPARATORS: readonly string[] = [
  '!=',
  '=',
  'LIKE',
  'ILIKE',
  'IN',
  'NOT IN',
];

export function checkComparator(comparator: string, allowed: readonly string[]): Comparator {
  if (!allowed.includes(comparator)) {
    throw new SearchError(`Invalid comparator '${comparator}' not one of '${pySet(allowed)}'`);
  }
  return comparator as Comparator;
}

export function compareNumbers(lhs: number, cmp: Comparator, rhs: number): boolean {
  switch (cmp) {
    case '=':
      return lhs === rhs;
    case '!=':
      return lhs !== rhs;
    case '<':
      return lhs < rhs;
    case '<=':
      return lhs <= rhs;
    case '>':
      return lhs > rhs;
    case '>=':
      return lhs >= rhs;
    default:
      return false;
  }
}

export function compareStrings(
  lhs: string,
  cmp: Comparator,
  rhs: string | readonly string[],
): boolean {
  if (cmp === 'IN') return Array.isArray(rhs) && rhs.includes(lhs);
  if (cmp === 'NOT IN') return Array.isArray(rhs) && !rhs.includes(lhs);
  const r = Array.isArray(rhs) ? '' : (rhs as string);
  switch (cmp) {
    case '=':
      return lhs === r;
    case '!=':
      return lhs !== r;
    case 'LIKE':
      return like(lhs, r);
    case 'ILIKE':
      return ilike(lhs, r);
    case '<':
      return lhs < r;
    case '<=':
      return lhs <= r;
    case '>':
      return lhs > r;
    case '>=':
      return lhs >= r;
    default:
      return false;
  }
}

/** Ascending comparison of two optional values; SQLite puts NULL before everything. */
export function cmpValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
