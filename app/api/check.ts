/**
 * Shape checks for answers from the tracking server: the decoders read wire
 * JSON through these instead of casting it. A field of the wrong type throws a
 * ShapeError naming the field's path (`runs[3].info.run_id`); `requestJson`
 * turns it into an ApiError that names the endpoint too. Two MLflow lines
 * (2.x and 3.x) answer the same endpoints with different shapes, so a
 * surprise is caught here, once, not three components later.
 *
 * The rules follow the wire format: absent and null mean "unset" (MLflow omits
 * empty fields), int64 fields may come as numbers or as decimal strings, and
 * every key/value list holds strings.
 */

export type Obj = Readonly<Record<string, unknown>>;

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return v.length > 40 ? `a string ("${v.slice(0, 40)}…")` : `"${v}"`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}

export class ShapeError extends Error {
  readonly field: string;
  constructor(field: string, expected: string, got: unknown) {
    super(`${field || 'the answer'} should be ${expected}, but is ${describe(got)}`);
    this.name = 'ShapeError';
    this.field = field;
  }
}

function join(at: string, key: string): string {
  return at ? `${at}.${key}` : key;
}

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The value at `at` must be an object (a JSON answer's top level, a nested message). */
export function obj(v: unknown, at: string): Obj {
  if (!isObj(v)) throw new ShapeError(at, 'an object', v);
  return v;
}

/** A nested message; an absent one reads as empty (MLflow omits empty messages). */
export function optObj(o: Obj, key: string, at: string): Obj {
  const v = o[key];
  if (v === undefined || v === null) return {};
  return obj(v, join(at, key));
}

export function str(o: Obj, key: string, at: string): string {
  const v = o[key];
  if (typeof v === 'string') return v;
  // Ids of some endpoints are int64 in the proto: accept a number, keep it as text.
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw new ShapeError(join(at, key), 'a string', v);
}

export function optStr(o: Obj, key: string, at: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  return str(o, key, at);
}

const INT_TEXT = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** A number; int64 fields may arrive as decimal strings. */
export function optNum(o: Obj, key: string, at: string): number | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && INT_TEXT.test(v)) return Number(v);
  throw new ShapeError(join(at, key), 'a number', v);
}

export function num(o: Obj, key: string, at: string): number {
  const v = optNum(o, key, at);
  if (v === undefined) throw new ShapeError(join(at, key), 'a number', o[key]);
  return v;
}

export function optBool(o: Obj, key: string, at: string): boolean | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  throw new ShapeError(join(at, key), 'true or false', v);
}

/** A list of items, each decoded with its own path; absent reads as empty. */
export function list<T>(o: Obj, key: string, at: string, each: (v: unknown, at: string) => T): T[] {
  const v = o[key];
  if (v === undefined || v === null) return [];
  const path = join(at, key);
  if (!Array.isArray(v)) throw new ShapeError(path, 'a list', v);
  const out = new Array<T>(v.length);
  for (let i = 0; i < v.length; i++) out[i] = each(v[i], `${path}[${i}]`);
  return out;
}

export function strList(o: Obj, key: string, at: string): string[] {
  return list(o, key, at, (v, p) => {
    if (typeof v !== 'string') throw new ShapeError(p, 'a string', v);
    return v;
  });
}

/** MLflow 2.x tags, params, metadata: `[{key, value}]` with string values. */
export function keyValues(o: Obj, key: string, at: string): Record<string, string> {
  const v = o[key];
  const out: Record<string, string> = {};
  if (v === undefined || v === null) return out;
  const path = join(at, key);
  if (!Array.isArray(v)) throw new ShapeError(path, 'a list of {key, value}', v);
  for (let i = 0; i < v.length; i++) {
    const kv: unknown = v[i];
    if (!isObj(kv) || typeof kv.key !== 'string')
      throw new ShapeError(`${path}[${i}]`, 'a {key, value} pair', kv);
    const value = kv.value;
    out[kv.key] =
      typeof value === 'string'
        ? value
        : value === undefined || value === null
          ? ''
          : String(value);
  }
  return out;
}

/** MLflow 3.x tags and metadata: a plain `{key: value}` map of strings. */
export function stringMap(o: Obj, key: string, at: string): Record<string, string> {
  const v = o[key];
  const out: Record<string, string> = {};
  if (v === undefined || v === null) return out;
  const path = join(at, key);
  if (Array.isArray(v)) return keyValues(o, key, at);
  if (!isObj(v)) throw new ShapeError(path, 'a map of strings', v);
  for (const [k, val] of Object.entries(v))
    out[k] = typeof val === 'string' ? val : JSON.stringify(val);
  return out;
}
