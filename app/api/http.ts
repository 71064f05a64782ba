/**
 * The one fetch wrapper. Every call to the tracking server goes through here,
 * so every failure becomes one ApiError {status, errorCode, message}.
 */
import { ShapeError } from './check';
import { takeEarlyResponse, type Reply } from './early';
import type { WireErrorBody } from './wire';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export type QueryValue = string | number | boolean | undefined | null | readonly string[];
export type Query = Record<string, QueryValue>;

/** The code of a request that got no answer at all (fetch itself failed). */
const NETWORK_ERROR = 'NETWORK_ERROR';

const DB_MESSAGE = /\[SQL:|sqlite3?\.|IntegrityError|OperationalError|psycopg|sqlalche\.me/i;

export class ApiError extends Error {
  readonly status: number;
  readonly errorCode: string;
  /** Raw server text kept for a "details" toggle (HTML bodies, database errors). */
  readonly details: string;

  constructor(status: number, errorCode: string, message: string, details = '') {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.errorCode = errorCode;
    this.details = details;
  }

  /**
   * The tracking server could not be reached at all (network, proxy 502/503/504).
   * Not any status 0: a failure inside a worker (WORKER_ERROR) has no HTTP status either.
   */
  get isUnreachable(): boolean {
    return (
      this.errorCode === NETWORK_ERROR ||
      this.errorCode === 'TRACKING_SERVER_UNREACHABLE' ||
      this.status === 502 ||
      this.status === 503 ||
      this.status === 504
    );
  }

  get isNotFound(): boolean {
    return this.status === 404 || this.errorCode === 'RESOURCE_DOES_NOT_EXIST';
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** What an ApiError carries across a worker boundary: structured clone keeps fields, not classes. */
export interface WireApiError {
  status: number;
  errorCode: string;
  message: string;
  details: string;
}

/** Any failure inside a worker, as the main thread will rebuild it. */
export function errorToWire(err: unknown): WireApiError {
  if (err instanceof ApiError)
    return {
      status: err.status,
      errorCode: err.errorCode,
      message: err.message,
      details: err.details,
    };
  return {
    status: 0,
    errorCode: 'WORKER_ERROR',
    message: err instanceof Error ? err.message : String(err),
    details: '',
  };
}

export function errorFromWire(w: WireApiError): ApiError {
  return new ApiError(w.status, w.errorCode, w.message, w.details);
}

/** A message fit to show a person: database internals become a plain sentence. */
export function userMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * Database errors leak SQL into `message`. Keep the server's own sentence when
 * it wrote one first ("Experiment(name=x) already exists. Error: (sqlite3...")
 * and put the rest behind the details toggle.
 */
function plainDbMessage(status: number, message: string): string {
  const cut = message.search(
    /\s*Error:\s*\(|\s*\(sqlite3|\s*\(psycopg|\s*\[SQL:|\s*\(raised as a result/i,
  );
  const lead = cut > 0 ? message.slice(0, cut).trim() : '';
  if (lead.length >= 8) return lead;
  if (status === 400 && /FOREIGN KEY/i.test(message))
    return 'The server rejected this change: the object it refers to does not exist.';
  return 'The server could not apply this change (a database error).';
}

function htmlTitle(text: string): string | null {
  const m = /<title>([^<]*)<\/title>/i.exec(text) ?? /<h1>(?:<p>)?([^<]*)/i.exec(text);
  return m?.[1]?.trim() ?? null;
}

/** Turn any non-2xx answer (JSON error body, HTML page, empty) into an ApiError. */
export function errorFromBody(status: number, contentType: string, text: string): ApiError {
  let body: unknown = null;
  if (contentType.includes('json') || /^\s*\{/.test(text)) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (body && typeof body === 'object' && 'message' in body) {
    const b = body as Partial<WireErrorBody>;
    const code = typeof b.error_code === 'string' ? b.error_code : `HTTP_${status}`;
    const message = typeof b.message === 'string' ? b.message : `Request failed (${status})`;
    if (DB_MESSAGE.test(message))
      return new ApiError(status, code, plainDbMessage(status, message), message);
    return new ApiError(status, code, message);
  }
  const title = text ? htmlTitle(text) : null;
  const message = title ?? (text.trim().slice(0, 200) || `Request failed with status ${status}`);
  return new ApiError(status, `HTTP_${status}`, message, text);
}

let baseUrl = '';

/** Absolute origin for environments without a page location (node tests, bench). */
export function setApiBaseUrl(url: string): void {
  baseUrl = url.replace(/\/$/, '');
}

function origin(): string {
  if (baseUrl) return baseUrl;
  const loc = (globalThis as { location?: { origin?: string } }).location;
  return loc?.origin && loc.origin !== 'null' ? loc.origin : 'http://localhost';
}

export function buildUrl(path: string, query?: Query): string {
  const url = new URL(path, origin() + '/');
  if (query) {
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null || v === '') continue;
      if (Array.isArray(v)) for (const item of v) url.searchParams.append(k, item);
      else url.searchParams.set(k, String(v));
    }
  }
  return url.toString();
}

/** The same URL, relative to the page: for <img src>, <a href> and downloads. */
export function relativeUrl(path: string, query?: Query): string {
  const abs = new URL(buildUrl(path, query));
  return abs.pathname + abs.search;
}

export interface RequestOptions {
  method?: HttpMethod;
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

async function send(path: string, opts: RequestOptions): Promise<Reply> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  const url = buildUrl(path, opts.query);
  let res: Reply;
  try {
    const early = method === 'GET' ? takeEarlyResponse(url) : null;
    res = await (early ?? fetch(url, { method, headers, body, signal: opts.signal }));
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(
      0,
      NETWORK_ERROR,
      'Cannot reach the tracking server. Check your connection or the server address.',
      e instanceof Error ? e.message : String(e),
    );
  }
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    throw errorFromBody(res.status, res.headers.get('content-type') ?? '', text);
  }
  return res;
}

/**
 * Reads a JSON answer into an app type, checking its shape (check.ts). Throws
 * ShapeError on a surprise; requestJson turns that into an ApiError.
 */
export type Decoder<T> = (body: unknown) => T;

/** For writes whose answer Runlens does not read (`{}` on success). */
export const ignoreBody: Decoder<void> = () => undefined;

/**
 * JSON request, decoded and checked at the boundary. An empty body decodes as
 * {} (writes answer {}). An answer of the wrong shape becomes an ApiError
 * `INVALID_RESPONSE` naming the endpoint and the field.
 */
export async function requestJson<T>(
  path: string,
  decode: Decoder<T>,
  opts: RequestOptions = {},
): Promise<T> {
  const res = await send(path, opts);
  const text = await res.text();
  return decodeJsonText(path, opts.method ?? 'GET', res.status, text, decode);
}

/** The decoding half of requestJson, for bodies read another way (lenient JSON, workers). */
export function decodeJsonText<T>(
  path: string,
  method: string,
  status: number,
  text: string,
  decode: Decoder<T>,
  parse: (text: string) => unknown = JSON.parse,
): T {
  let body: unknown = {};
  if (text.trim()) {
    try {
      body = parse(text);
    } catch {
      throw new ApiError(
        status,
        'INVALID_RESPONSE',
        `${method} ${path} answered with something that is not JSON.`,
        text.slice(0, 2000),
      );
    }
  }
  return decodeBody(path, method, status, body, decode);
}

export function decodeBody<T>(
  path: string,
  method: string,
  status: number,
  body: unknown,
  decode: Decoder<T>,
): T {
  try {
    return decode(body);
  } catch (e) {
    if (e instanceof ShapeError)
      throw new ApiError(
        status,
        'INVALID_RESPONSE',
        `Unexpected answer from ${method} ${path}: ${e.message}.`,
        JSON.stringify(body).slice(0, 2000),
      );
    throw e;
  }
}

/** Raw text (artifacts, span data that needs exact big integers, /version). */
export async function requestText(path: string, opts: RequestOptions = {}): Promise<string> {
  const res = await send(path, opts);
  return res.text();
}

export async function requestBlob(path: string, opts: RequestOptions = {}): Promise<Blob> {
  const res = await send(path, opts);
  return res.blob();
}
