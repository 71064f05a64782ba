/**
 * A small tokenizer for MLflow's search DSL. MLflow feeds filter strings to
 * sqlparse; this covers what sqlparse produces for the DSL: identifiers
 * (dotted, back-quoted or double-quoted parts), single-quoted strings,
 * numbers, comparison operators, keywords and parenthesised lists.
 */

export type TokenKind =
  | 'ident' // metrics.`val/loss`, tags.mlflow.runName, "a b" (sqlparse: Identifier)
  | 'string' // 'text' (sqlparse: String.Single)
  | 'number' // 1, -2.5, 1e-3
  | 'op' // = != <> < <= > >= and any other run of <>=!~ (sqlparse: Comparison)
  | 'keyword' // AND OR NOT IN LIKE ILIKE IS NULL
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'other'; // anything else (/, ;, ...)

export interface Token {
  kind: TokenKind;
  /** The exact source text. */
  text: string;
  start: number;
  end: number;
  /** For 'number': the parsed value; integer vs float as sqlparse tells them apart. */
  numberKind?: 'int' | 'float';
}

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'LIKE', 'ILIKE', 'IS', 'NULL']);
const WORD_START = /[A-Za-z_\u00C0-\uFFFF]/;
const WORD_CHAR = /[A-Za-z0-9_$\u00C0-\uFFFF]/;

/** sqlparse's own patterns (String.Single, String.Symbol, back-quoted Name), backtracking included. */
const QUOTED: Record<string, RegExp> = {
  "'": /'(?:''|\\'|[^'])*'/y,
  '"': /"(?:""|\\"|[^"])*"/y,
  '`': /`(?:``|[^`])*`/y,
};

function readQuoted(src: string, i: number, quote: string): number {
  // Returns the index after the closing quote, or -1. A doubled quote or a
  // backslash-quote stays inside, unless the string ends there: `'a\'` is `a\`.
  const re = QUOTED[quote]!;
  re.lastIndex = i;
  return re.test(src) ? re.lastIndex : -1;
}

function readWord(src: string, i: number): number {
  let j = i;
  while (j < src.length && WORD_CHAR.test(src.charAt(j))) j++;
  return j;
}

/** One identifier part: a word, `back-quoted` or "double-quoted". Returns the end index or -1. */
function readIdentPart(src: string, i: number): number {
  const c = src.charAt(i); // i < src.length
  if (c === '`' || c === '"') return readQuoted(src, i, c);
  if (c !== undefined && WORD_START.test(c)) return readWord(src, i);
  return -1;
}

const NUMBER = /^-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?/;

export class TokenizeError extends Error {}

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i); // i < src.length
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === "'") {
      const end = readQuoted(src, i, "'");
      if (end < 0) {
        out.push({ kind: 'other', text: src.slice(i), start, end: src.length });
        break;
      }
      out.push({ kind: 'string', text: src.slice(i, end), start, end });
      i = end;
      continue;
    }
    // numbers (a leading '-' only when it cannot be a binary minus after a value)
    const prev = out[out.length - 1];
    const minusAllowed =
      !prev ||
      prev.kind === 'op' ||
      prev.kind === 'keyword' ||
      prev.kind === 'lparen' ||
      prev.kind === 'comma';
    if (/[0-9.]/.test(c) || (c === '-' && minusAllowed && /[0-9.]/.test(src[i + 1] ?? ''))) {
      const m = NUMBER.exec(src.slice(i));
      if (m && !WORD_START.test(src[i + m[0].length] ?? '')) {
        const text = m[0];
        out.push({
          kind: 'number',
          text,
          start,
          end: i + text.length,
          numberKind: /[.eE]/.test(text) ? 'float' : 'int',
        });
        i += text.length;
        continue;
      }
    }
    const partEnd = readIdentPart(src, i);
    if (partEnd > 0) {
      // a dotted chain of parts without spaces: metrics.`val/loss`, tags.mlflow.runName
      let end = partEnd;
      while (src[end] === '.') {
        const next = readIdentPart(src, end + 1);
        if (next < 0) break;
        end = next;
      }
      const text = src.slice(start, end);
      if (end === partEnd && c !== '`' && c !== '"' && KEYWORDS.has(text.toUpperCase())) {
        out.push({ kind: 'keyword', text, start, end });
      } else {
        out.push({ kind: 'ident', text, start, end });
      }
      i = end;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      out.push({
        kind: c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'comma',
        text: c,
        start,
        end: i + 1,
      });
      i++;
      continue;
    }
    // sqlparse reads any run of these as one comparison operator (`>>`, `=>`, `!!`):
    // MLflow then names the run whole in its error
    const op = /^[<>=~!]+/.exec(src.slice(i))?.[0];
    if (op && op !== '!' && op !== '~') {
      out.push({ kind: 'op', text: op, start, end: i + op.length });
      i += op.length;
      continue;
    }
    out.push({ kind: 'other', text: c, start, end: i + 1 });
    i++;
  }
  return out;
}
