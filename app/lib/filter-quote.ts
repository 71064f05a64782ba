/**
 * The one way to put a value into an MLflow search filter (runs, experiments,
 * models, versions, traces).
 *
 * MLflow (2.x and 3.x) reads a filter with sqlparse and then only strips the
 * outer quotes of a value: nothing is unescaped, so `'it\'s'` means `it\'s` and
 * `'it''s'` means `it''s`. A value is therefore written between quotes it does
 * not contain: single quotes, or double quotes when it holds a `'` (sqlparse
 * reads `"it's"` as an identifier, and MLflow takes its text as the value).
 * Backslashes, back-quotes and any unicode need nothing. A value holding both
 * kinds of quote cannot be written exactly: `quoteFilterValue` refuses it with
 * a clear message, and `containsPattern` (for name searches) lets a `_`
 * wildcard stand for each double quote.
 */
export class FilterValueError extends Error {}

export function quoteFilterValue(value: string): string {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  throw new FilterValueError(
    `MLflow's filter language cannot match a value holding both ' and ": ${value}`,
  );
}

/** `'%text%'` for a LIKE/ILIKE "contains" search; `%` and `_` in the text stay wildcards. */
export function containsPattern(text: string): string {
  const t = text.includes("'") && text.includes('"') ? text.replace(/"/g, '_') : text;
  return quoteFilterValue(`%${t}%`);
}
