/**
 * Response and request helpers shared by the handler areas: JSON bodies,
 * MLflow error bodies, the server's HTML error pages, and the argument
 * reading MLflow's handlers do (query for GET, JSON body otherwise).
 */
import type { Db } from '../db';
import { SearchError } from '../search/filter';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';

/** Raised by a handler to answer with an MLflow error body. */
export class MlflowError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'MlflowError';
  }
}

export const invalidParameter = (message: string): MlflowError =>
  new MlflowError(400, 'INVALID_PARAMETER_VALUE', message);
export const notFound = (message: string): MlflowError =>
  new MlflowError(404, 'RESOURCE_DOES_NOT_EXIST', message);
export const alreadyExists = (message: string): MlflowError =>
  new MlflowError(400, 'RESOURCE_ALREADY_EXISTS', message);

const API_DOCS = 'See the API docs for more information about request parameters.';

export function missingParam(name: string): MlflowError {
  return invalidParameter(`Missing value for required parameter '${name}'. ${API_DOCS}`);
}

/** Python's name for a JSON value's type, as MLflow's schema checks print it. */
function pyType(v: unknown): string {
  if (v === null || v === undefined) return 'NoneType';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (Array.isArray(v)) return 'list';
  return 'dict';
}

/** MLflow's schema-check message; `detail` is the failed assertion's own message, if any. */
export function invalidValue(name: string, value: unknown, detail = ''): MlflowError {
  return invalidParameter(
    `Invalid value ${JSON.stringify(value)} for parameter '${name}' supplied: ${detail} Hint: Value was of type '${pyType(value)}'. ${API_DOCS}`,
  );
}

/** For endpoints the real server has but the demo backend does not model. */
export function notImplemented(): Response {
  return json(
    {
      error_code: 'NOT_IMPLEMENTED',
      message: 'This endpoint is not implemented by the Runlens demo backend.',
    },
    501,
  );
}

// ---- responses ----------------------------------------------------------------------------

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** MLflow 3.x error bodies add these two fields (recorded: `"sqlstate": "KAM00"`). */
const ERROR_CLASS: Record<string, string> = { RESOURCE_DOES_NOT_EXIST: 'RESOURCE_NOT_FOUND' };

export function errorResponse(e: MlflowError, line3 = false): Response {
  const body = { error_code: e.errorCode, message: e.message };
  if (!line3) return json(body, e.status);
  const errorClass = ERROR_CLASS[e.errorCode] ?? e.errorCode;
  return json({ ...body, sqlstate: 'KAM00', error_class: errorClass }, e.status);
}

export const HTML_404 =
  '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n';
export const HTML_405 =
  '<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n';
export const HTML_500 =
  '<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n';

export function html(body: string, status: number): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

export function text(
  body: string,
  status = 200,
  contentType = 'text/html; charset=utf-8',
): Response {
  return new Response(body, { status, headers: { 'Content-Type': contentType } });
}

// ---- requests -----------------------------------------------------------------------------

export type JsonObject = Record<string, unknown>;

/** What a handler reads: arguments (query for GET, JSON body otherwise), path params, the db. */
export interface Ctx {
  db: Db;
  request: Request;
  url: URL;
  method: Method;
  params: Record<string, string>;
  args: Args;
}

/**
 * Request arguments. GET reads the query string (a repeated key is a list);
 * other methods read the JSON body (MLflow ignores the query there, which is
 * why `DELETE .../tags?key=x` is a 400).
 */
export class Args {
  constructor(
    private readonly data: JsonObject,
    readonly fromQuery: boolean,
  ) {}

  static fromQuery(url: URL): Args {
    const data: JsonObject = {};
    for (const key of new Set(url.searchParams.keys())) {
      const all = url.searchParams.getAll(key);
      data[key] = all.length === 1 ? all[0] : all;
    }
    return new Args(data, true);
  }

  has(name: string): boolean {
    const v = this.data[name];
    return v !== undefined && v !== null;
  }

  raw(name: string): unknown {
    return this.data[name];
  }

  /** Cut a string argument to `max` characters (MLflow does so to long run param and tag values). */
  truncate(name: string, max: number): void {
    const v = this.data[name];
    if (typeof v === 'string' && v.length > max) this.data[name] = v.slice(0, max);
  }

  /** An optional string; a non-string value is a 400 like MLflow's _assert_string. */
  str(name: string): string | undefined {
    const v = this.data[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (Array.isArray(v) && this.fromQuery && typeof v[0] === 'string') return v[0];
    throw invalidValue(name, v);
  }

  /** A required non-empty string. */
  reqStr(name: string): string {
    const v = this.str(name);
    if (v === undefined || v === '') throw missingParam(name);
    return v;
  }

  /** An optional integer (query strings are int-like text). */
  int(name: string): number | undefined {
    const v = this.data[name];
    if (v === undefined || v === null || v === '') return undefined;
    const n =
      typeof v === 'number'
        ? v
        : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)
          ? Number(v)
          : NaN;
    if (!Number.isInteger(n)) throw invalidValue(name, v);
    return n;
  }

  /** A list of strings: a repeated query key or a JSON array. */
  list(name: string): string[] {
    const v = this.data[name];
    if (v === undefined || v === null) return [];
    const arr = Array.isArray(v) ? v : [v];
    if (!arr.every((x) => typeof x === 'string' || typeof x === 'number'))
      throw invalidValue(name, v);
    return arr.map(String);
  }

  bool(name: string): boolean | undefined {
    const v = this.data[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'True') return true;
    if (v === 'false' || v === 'False') return false;
    throw invalidValue(name, v);
  }

  /** A list of {key, value} objects (tags, params). */
  keyValues(name: string): { key: string; value: string }[] {
    const v = this.data[name];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw invalidValue(name, v);
    return v.map((item) => {
      if (!item || typeof item !== 'object') throw invalidValue(name, v);
      const o = item as JsonObject;
      if (typeof o.key !== 'string' || o.key === '') throw missingParam(`${name}.key`);
      return {
        key: o.key,
        value: o.value === undefined || o.value === null ? '' : String(o.value),
      };
    });
  }

  objects(name: string): JsonObject[] {
    const v = this.data[name];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || !v.every((x) => x && typeof x === 'object'))
      throw invalidValue(name, v);
    return v as JsonObject[];
  }
}

/** Read a request's arguments the way MLflow's _get_request_message does. */
export async function readArgs(request: Request, url: URL, method: Method): Promise<Args> {
  if (method === 'GET') return Args.fromQuery(url);
  const contentType = request.headers.get('content-type');
  if (method === 'POST' || method === 'PUT') {
    if (!contentType) throw invalidParameter('Bad Request. Content-Type header is missing.');
    if ((contentType.split(';')[0] ?? '').trim() !== 'application/json') {
      throw invalidParameter("Bad Request. Content-Type must be one of ['application/json'].");
    }
  }
  const body = await request.text().catch(() => '');
  let parsed: unknown = null;
  if (body.trim()) {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = null;
    }
  }
  return new Args(
    parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as JsonObject) : {},
    false,
  );
}

/** Turn a thrown error into the answer the real server gives. */
export function toErrorResponse(e: unknown, line3 = false): Response {
  if (e instanceof MlflowError) return errorResponse(e, line3);
  if (e instanceof SearchError) return errorResponse(invalidParameter(e.message), line3);
  return html(HTML_500, 500);
}

/** Python-ish basename for Content-Disposition. */
export function basename(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

/** Bodies at least this big are gzipped once and kept, instead of on every request. */
const PRECOMPRESS_BYTES = 256 * 1024;
const gzipCache = new WeakMap<object, { body: string | Uint8Array; gz: Promise<ArrayBuffer> }>();

function gzipOnce(key: object, body: string | Uint8Array): Promise<ArrayBuffer> {
  const hit = gzipCache.get(key);
  if (hit && hit.body === body) return hit.gz;
  const gz = new Response(
    new Blob([body as BlobPart]).stream().pipeThrough(new CompressionStream('gzip')),
  ).arrayBuffer();
  gzipCache.set(key, { body, gz });
  return gz;
}

/**
 * A big stored body (a 10k-span trace is 5.6 MB, a 100k-row CSV 5.2 MB), sent
 * gzipped from a copy made the first time: the demo server would otherwise
 * compress it again for every page that opens it. Only over HTTP, when the
 * request says it accepts gzip; in the browser's service worker and in tests
 * there is no Accept-Encoding and the body goes as is. `key` identifies the
 * stored thing the body belongs to (the cache forgets it with it).
 */
export async function storedBody(
  request: Request | undefined,
  key: object,
  body: string | Uint8Array,
  headers: Record<string, string>,
): Promise<Response> {
  const size = typeof body === 'string' ? body.length : body.byteLength;
  const gzip =
    request !== undefined &&
    size >= PRECOMPRESS_BYTES &&
    typeof CompressionStream === 'function' &&
    /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
  if (!gzip)
    return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
      status: 200,
      headers,
    });
  const gz = await gzipOnce(key, body);
  return new Response(gz, {
    status: 200,
    headers: {
      ...headers,
      'Content-Encoding': 'gzip',
      'Content-Length': String(gz.byteLength),
      Vary: 'Accept-Encoding',
    },
  });
}
