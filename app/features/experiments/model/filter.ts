/**
 * The experiments search box: plain words search names (server-side
 * `name LIKE '%…%'`, case-insensitive via ILIKE); text that looks like a filter
 * expression (`tags.team = 'nlp'`, `name LIKE 'x%'`) is sent as written, so
 * the server's own message comes back for a malformed one.
 */
import { containsPattern } from '../../../lib/filter-quote';

const EXPRESSION =
  /(^|\s)(name|tags\.|`?tags|creation_time|last_update_time|attribute\.|attributes\.)|(=|!=|<|>|\bLIKE\b|\bILIKE\b)/i;

export function looksLikeExpression(text: string): boolean {
  return EXPRESSION.test(text);
}

export function experimentSearchFilter(text: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (looksLikeExpression(t)) return t;
  return `name ILIKE ${containsPattern(t)}`;
}

export type ExperimentSort = 'name' | 'created' | 'updated';

export function experimentOrderBy(sort: ExperimentSort, desc: boolean): string[] {
  const col = sort === 'name' ? 'name' : sort === 'created' ? 'creation_time' : 'last_update_time';
  return [`${col} ${desc ? 'DESC' : 'ASC'}`];
}
