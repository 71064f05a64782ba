/**
 * JSON text exactly as Python's `json.dumps` writes it (", " and ": "
 * separators, `ensure_ascii`, float repr such as `1.0` and `1e-05`), because
 * MLflow's trace files, tag values and attribute strings are written by Python.
 * `bigint` prints as raw digits: span times are nanoseconds beyond 2^53.
 */

/** A float that prints with a decimal point even when integral (Python's `1.0`). */
export class PyFloat {
  constructor(readonly value: number) {}
}

export type PyValue = null | boolean | number | bigint | string | PyFloat | PyArray | PyObject;
export type PyArray = ReadonlyArray<PyValue>;
/** Keys whose value is `undefined` are skipped. Avoid integer-like keys: JS reorders them. */
export interface PyObject {
  readonly [key: string]: PyValue | undefined;
}

/** Python's `repr(float)`. */
export function pyRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expStr] = x.toExponential().split('e');
  const exp = Number(expStr);
  if (exp < -4 || exp >= 16) {
    return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const s = String(x);
  return s.includes('.') ? s : `${s}.0`;
}

/** A number as Python would print it: integers as ints, others as float repr. */
export function pyNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : pyRepr(x);
}

const ESCAPE_ASCII = /[^ !#-[\]-~]/g;
// eslint-disable-next-line no-control-regex -- JSON must escape control characters
const ESCAPE_UTF8 = /["\\\u0000-\u001f]/g;
const SHORT: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

function escapeChar(ch: string): string {
  return SHORT[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A JSON string literal, Python style. */
export function pyString(s: string, ensureAscii = true): string {
  return `"${s.replace(ensureAscii ? ESCAPE_ASCII : ESCAPE_UTF8, escapeChar)}"`;
}

/** `json.dumps(value, ensure_ascii=ensureAscii)`. */
export function pyDumps(value: PyValue, ensureAscii = true): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return pyNumber(value);
    case 'bigint':
      return value.toString();
    case 'string':
      return pyString(value, ensureAscii);
  }
  if (value instanceof PyFloat) return pyRepr(value.value);
  if (Array.isArray(value)) {
    const items = value as PyArray;
    return `[${items.map((item) => pyDumps(item, ensureAscii)).join(', ')}]`;
  }
  const obj = value as PyObject;
  const parts: string[] = [];
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    if (v !== undefined) parts.push(`${pyString(key, ensureAscii)}: ${pyDumps(v, ensureAscii)}`);
  }
  return `{${parts.join(', ')}}`;
}

/** Python's `str(value)` for dicts and lists (repr with single quotes), as f-strings print them. */
export function pyStr(value: PyValue): string {
  if (value === null) return 'None';
  switch (typeof value) {
    case 'boolean':
      return value ? 'True' : 'False';
    case 'number':
      return pyNumber(value);
    case 'bigint':
      return value.toString();
    case 'string':
      return value;
  }
  if (value instanceof PyFloat) return pyRepr(value.value);
  return pyReprValue(value);
}

function pyReprValue(value: PyValue): string {
  if (typeof value === 'string') {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    return quote + value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n') + quote;
  }
  if (value === null || typeof value !== 'object' || value instanceof PyFloat) return pyStr(value);
  if (Array.isArray(value)) return `[${(value as PyArray).map(pyReprValue).join(', ')}]`;
  const obj = value as PyObject;
  const parts: string[] = [];
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    if (v !== undefined) parts.push(`${pyReprValue(key)}: ${pyReprValue(v)}`);
  }
  return `{${parts.join(', ')}}`;
}
