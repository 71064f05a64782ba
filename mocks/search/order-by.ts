/**
 * order_by clauses (`metrics.\`val/loss\` DESC`), parsed like MLflow's
 * SearchUtils._parse_order_by_string, with its error messages.
 */
import { SearchError, splitIdentifier, stripQuotes, trimBackticks } from './filter';
import { tokenize } from './tokens';

export interface OrderByClause {
  /** The entity part (`metrics`, `params`, `attributes`, ...) or null for a bare key. */
  entity: string | null;
  /** The key with quotes and back-quotes removed. */
  key: string;
  ascending: boolean;
}

export function parseOrderBy(clause: string): OrderByClause {
  const tokens = tokenize(clause);
  const bad = (): SearchError =>
    new SearchError(`Invalid order_by clause '${clause}'. Could not be parsed.`);
  const [name, t] = tokens;
  if (!name || tokens.length > 2 || name.kind !== 'ident') throw bad();
  let ascending = true;
  if (t) {
    if (t.kind !== 'ident' && t.kind !== 'keyword') throw bad();
    const dir = t.text.toLowerCase();
    if (dir !== 'asc' && dir !== 'desc')
      throw new SearchError(`Invalid ordering key in order_by clause '${clause}'.`);
    ascending = dir === 'asc';
  }
  const { entity, key } = splitIdentifier(name.text.trim());
  return {
    entity: entity === null ? null : trimBackticks(entity),
    key: trimBackticks(stripQuotes(key)),
    ascending,
  };
}
