/**
 * Parse a search filter into AND-ed comparisons, the way MLflow's
 * SearchUtils.parse_search_filter does (sqlparse + _process_statement +
 * _validate_comparison), with MLflow's error messages. Entity-specific
 * meaning (metrics vs params, allowed keys and comparators) is resolved by
 * the per-resource modules (runs.ts, experiments.ts, registry.ts, traces.ts).
 */
import { tokenize, type Token } from './tokens';

/** A 400 INVALID_PARAMETER_VALUE with MLflow's message. */
export class SearchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchError';
  }
}

export type RawValue =
  | { kind: 'string'; text: string }
  | { kind: 'number'; text: string; numberKind: 'int' | 'float' }
  | { kind: 'ident'; text: string }
  | { kind: 'list'; text: string; items: Token[] };

export interface RawComparison {
  /** Identifier text as typed: `metrics.\`val/loss\``, `status`, `tags."a b"`. */
  identifier: string;
  /** `=`, `!=`, `<`, ..., `LIKE`, `ILIKE`, `IN`, `NOT IN` (keywords upper-cased). */
  comparator: string;
  value: RawValue;
}

export interface ParseOptions {
  /** Runs quote each invalid clause ('x', 'y'); experiments and the registry do not. */
  quoteInvalidClauses?: boolean;
}

function isComparator(t: Token): boolean {
  if (t.kind === 'op') return true;
  if (t.kind !== 'keyword') return false;
  const u = t.text.toUpperCase();
  return u === 'LIKE' || u === 'ILIKE' || u === 'IN' || u === 'NOT';
}

function invalidClauses(tokens: Token[], quote: boolean): SearchError {
  const list = tokens.map((t) => (quote ? `'${t.text}'` : t.text)).join(', ');
  return new SearchError(`Invalid clause(s) in filter string: ${list}`);
}

/** Split the token list on top-level AND keywords. */
function splitOnAnd(tokens: Token[]): Token[][] {
  let current: Token[] = [];
  const groups: Token[][] = [current];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'lparen') depth++;
    if (t.kind === 'rparen') depth--;
    if (depth === 0 && t.kind === 'keyword' && t.text.toUpperCase() === 'AND') {
      groups.push((current = []));
      continue;
    }
    current.push(t);
  }
  return groups.filter((g) => g.length > 0);
}

function readValue(src: string, tokens: Token[]): RawValue | null {
  const first = tokens[0];
  if (!first) return null;
  if (first.kind === 'lparen') {
    const last = tokens.at(-1);
    if (last?.kind !== 'rparen') return null;
    return { kind: 'list', text: src.slice(first.start, last.end), items: tokens.slice(1, -1) };
  }
  if (tokens.length !== 1) return null;
  if (first.kind === 'string') return { kind: 'string', text: first.text };
  if (first.kind === 'number')
    return { kind: 'number', text: first.text, numberKind: first.numberKind ?? 'float' };
  if (first.kind === 'ident') return { kind: 'ident', text: first.text };
  return null;
}

function parseClause(src: string, group: Token[], quote: boolean): RawComparison {
  const opIndex = group.findIndex(isComparator);
  const op = group[opIndex];
  if (!op) throw invalidClauses(group, quote);
  let comparator = op.kind === 'keyword' ? op.text.toUpperCase() : op.text;
  let valueStart = opIndex + 1;
  if (comparator === 'NOT') {
    const next = group[opIndex + 1];
    if (!next || next.kind !== 'keyword' || next.text.toUpperCase() !== 'IN')
      throw invalidClauses(group, quote);
    comparator = 'NOT IN';
    valueStart = opIndex + 2;
  }
  const left = group.slice(0, opIndex);
  const right = group.slice(valueStart);
  if (right.length === 0) throw invalidClauses(group, quote);
  // stray keywords (OR, IS, NULL, a second comparator) are clauses MLflow rejects
  const stray = group.find(
    (t, i) =>
      t.kind === 'keyword' && i !== opIndex && !(comparator === 'NOT IN' && i === opIndex + 1),
  );
  if (stray) throw invalidClauses([stray], quote);
  const [ident] = left;
  if (left.length !== 1 || ident?.kind !== 'ident') {
    throw new SearchError(
      `Invalid comparison clause. Expected 'Identifier' found '${sourceOf(src, left)}'`,
    );
  }
  const value = readValue(src, right);
  if (!value) {
    if (right.length > 1 && right[0]?.kind !== 'lparen') {
      throw new SearchError(
        `Invalid comparison clause. Expected 3 tokens found ${2 + right.length}`,
      );
    }
    throw new SearchError(
      `Invalid comparison clause. Expected value token found '${sourceOf(src, right)}'`,
    );
  }
  return { identifier: ident.text, comparator, value };
}

/** The source text a run of tokens spans; '' for none. */
function sourceOf(src: string, tokens: readonly Token[]): string {
  const first = tokens[0];
  const last = tokens.at(-1);
  return first && last ? src.slice(first.start, last.end) : '';
}

/** Parse an AND-ed list of comparisons. An empty or blank filter is []. */
export function parseFilter(
  src: string | undefined | null,
  opts: ParseOptions = {},
): RawComparison[] {
  if (!src || !src.trim()) return [];
  const quote = opts.quoteInvalidClauses ?? true;
  const tokens = tokenize(src);
  if (tokens.some((t) => t.kind === 'other' && t.text === ';')) {
    throw new SearchError(
      `Search filter contained multiple expression '${src}'. Provide AND-ed expression list.`,
    );
  }
  return splitOnAnd(tokens).map((g) => parseClause(src, g, quote));
}

// ---- helpers shared by the per-resource modules ------------------------------------------

export function isQuoted(v: string, q: string): boolean {
  return v.length >= 2 && v.startsWith(q) && v.endsWith(q);
}

/** SearchUtils._strip_quotes */
export function stripQuotes(v: string, expectQuoted = false): string {
  if (isQuoted(v, "'") || isQuoted(v, '"')) return v.slice(1, -1);
  if (expectQuoted) {
    throw new SearchError(
      `Parameter value is either not quoted or unidentified quote types used for string value ${v}. Use either single or double quotes.`,
    );
  }
  return v;
}

/** SearchUtils._trim_backticks */
export function trimBackticks(v: string): string {
  return isQuoted(v, '`') ? v.slice(1, -1) : v;
}

/** `entity.key` split at the first dot, as SearchUtils._get_identifier does. */
export function splitIdentifier(identifier: string): { entity: string | null; key: string } {
  const dot = identifier.indexOf('.');
  if (dot < 0) return { entity: null, key: identifier };
  return { entity: identifier.slice(0, dot), key: identifier.slice(dot + 1) };
}

/** A string value: a quoted string or a double-quoted identifier; else MLflow's message. */
export function stringValue(v: RawValue, what: string): string {
  if (v.kind === 'string' || v.kind === 'ident') return stripQuotes(v.text, true);
  throw new SearchError(
    `Expected a quoted string value for ${what} (e.g. 'my-value'). Got value ${v.text}`,
  );
}

/** SearchUtils._parse_run_ids: a non-empty list of quoted strings; keeps only lower-case items. */
export function stringList(v: RawValue): string[] {
  if (v.kind !== 'list') throw new SearchError('Expected a list of quoted string values.');
  if (v.items.length === 0) {
    throw new SearchError(
      'While parsing a list in the query, expected a non-empty list of string values, but got empty list',
    );
  }
  const out: string[] = [];
  v.items.forEach((t, i) => {
    const expectString = i % 2 === 0;
    if (expectString ? t.kind !== 'string' : t.kind !== 'comma') {
      throw new SearchError(
        `While parsing a list in the query, expected string value, punctuation, or whitespace, but got different type in list: ${v.text}`,
      );
    }
    if (expectString) out.push(t.text.slice(1, -1));
  });
  // Python's str.islower(): at least one cased character and no upper-case one.
  return out.filter((s) => s !== s.toUpperCase() && s === s.toLowerCase());
}

/** Python-set-like rendering for messages: {'a', 'b'} */
export function pySet(items: Iterable<string>): string {
  return `{${[...items].map((s) => `'${s}'`).join(', ')}}`;
}
