/**
 * The recordings the replay server (replay.ts) answers from: loading
 * mocks/recordings/mlflow-2.17.0/exchanges/*.json, folding query and body parameters
 * into one canonical map, and picking the recording that answers a call (or a
 * recorded fallback when none does).
 */
import fs from 'node:fs';
import path from 'node:path';
import { compactJson, topLevelRaw } from '../server/raw-json';

export interface Recording {
  name: string;
  method: string;
  path: string;
  params: Map<string, string>;
  status: number;
  contentType: string;
  extraHeaders: Record<string, string>;
  /** No next_page_token: the recording holds the whole result, whatever max_results asked. */
  complete: boolean;
  body: () => Buffer;
}

// ---------------------------------------------------------------------------
// Parameters: query and JSON body folded into one canonical map.

/** Keys whose values are sets: order does not matter. */
const SET_KEYS = new Set(['experiment_ids', 'run_ids', 'run_id', 'request_ids']);
const DEFAULTS: Record<string, string> = { view_type: 'ACTIVE_ONLY', run_view_type: 'ACTIVE_ONLY' };

function canonicalValue(key: string, v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) {
    const items = v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x)));
    if (SET_KEYS.has(key)) items.sort();
    const [only, ...more] = items;
    if (only === undefined) return null;
    return more.length === 0 ? only : JSON.stringify(items);
  }
  if (typeof v === 'object') return JSON.stringify(v, Object.keys(v as object).sort());
  const s = String(v).trim();
  if (s === '' || DEFAULTS[key] === s) return null;
  return s;
}

export function canonicalParams(
  query: Record<string, unknown>,
  body: unknown,
): Map<string, string> {
  const out = new Map<string, string>();
  const add = (obj: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(obj)) {
      const c = canonicalValue(k, v);
      if (c !== null) out.set(k, c);
    }
  };
  add(query);
  if (body && typeof body === 'object' && !Array.isArray(body))
    add(body as Record<string, unknown>);
  return out;
}

// ---------------------------------------------------------------------------
// Loading

/** A 1x1 transparent PNG: stands in for recorded images whose bytes were not kept. */
const PLACEHOLDER_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

interface ExchangeFile {
  name: string;
  method: string;
  path: string;
  query: Record<string, unknown> | null;
  body: unknown;
  status: number;
  response: unknown;
  response_headers: Record<string, string>;
}

function isBinaryShape(
  r: unknown,
): r is { content_type: string; byte_length: number; sha256: string; text?: string } {
  return !!r && typeof r === 'object' && 'sha256' in r && 'byte_length' in r && 'content_type' in r;
}

export function loadRecordings(dir: string): Recording[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('_'));
  return files.sort().map((file) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const ex = JSON.parse(text) as ExchangeFile;
    const headers = ex.response_headers ?? {};
    const header = (name: string) =>
      Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
    const r = ex.response;
    let contentType = header('content-type') ?? 'application/json';
    let makeBody: () => Buffer;
    const extraHeaders: Record<string, string> = {};
    for (const name of ['content-disposition', 'x-content-type-options']) {
      const v = header(name);
      if (v) extraHeaders[name] = v;
    }
    if (isBinaryShape(r)) {
      contentType = r.content_type || contentType;
      if (typeof r.text === 'string') {
        const t = r.text;
        makeBody = () => Buffer.from(t, 'utf8');
      } else {
        extraHeaders['x-replay-placeholder'] = `sha256=${r.sha256}; bytes=${r.byte_length}`;
        makeBody = contentType.startsWith('image/')
          ? () => PLACEHOLDER_PNG
          : () => Buffer.alloc(Math.min(r.byte_length, 1 << 20));
      }
    } else if (typeof r === 'string') {
      makeBody = () => Buffer.from(r, 'utf8');
    } else {
      const raw = topLevelRaw(text).get('response') ?? 'null';
      makeBody = () => Buffer.from(compactJson(raw), 'utf8');
    }
    let cached: Buffer | null = null;
    return {
      name: ex.name ?? file.replace(/\.json$/, ''),
      method: ex.method.toUpperCase(),
      path: ex.path,
      params: canonicalParams(ex.query ?? {}, ex.body),
      status: ex.status,
      contentType,
      extraHeaders,
      complete: !(r && typeof r === 'object' && 'next_page_token' in r),
      body: () => (cached ??= makeBody()),
    };
  });
}

// ---------------------------------------------------------------------------
// Matching

export interface IncomingCall {
  method: string;
  path: string;
  params: Map<string, string>;
}

/** Searches answer GET and POST alike (MLflow routes both for experiments/search). */
function sameMethod(a: string, b: string, p: string): boolean {
  if (a === b) return true;
  const getPost = (m: string) => m === 'GET' || m === 'POST';
  return getPost(a) && getPost(b) && /\/(search|get-latest-versions)$/.test(p);
}

function score(rec: Recording, call: IncomingCall): number {
  const keys = new Set([...rec.params.keys(), ...call.params.keys()]);
  let s = rec.method === call.method ? 1 : 0;
  for (const k of keys) {
    const a = rec.params.get(k);
    const b = call.params.get(k);
    if (a === b) continue;
    if (k === 'max_results' && rec.complete) continue;
    return -1;
  }
  if (rec.params.get('max_results') === call.params.get('max_results')) s += 2;
  return s;
}

const isSearch = (p: string) => /\/(search|traces)$/.test(p);

export function matchRecording(recordings: Recording[], call: IncomingCall): Recording {
  const method = call.method === 'HEAD' ? 'GET' : call.method;
  const samePath = recordings.filter((r) => r.path === call.path);
  const candidates = samePath.filter((r) => sameMethod(r.method, method, call.path));
  let best: Recording | null = null;
  let bestScore = -1;
  for (const r of candidates) {
    const s = score(r, { ...call, method });
    if (s > bestScore) {
      best = r;
      bestScore = s;
    }
  }
  if (best) return best;
  return fallback(recordings, { ...call, method }, samePath, candidates);
}

function byName(recordings: Recording[], name: string): Recording | undefined {
  return recordings.find((r) => r.name === name);
}

/**
 * No recording for exactly this call:
 *  - experiments search: the default listing;
 *  - another search: the same experiments' unfiltered listing, if recorded;
 *  - a read of something unknown: the recorded not-found answer of that endpoint;
 *  - a write: the recorded successful answer of that endpoint;
 *  - a known path with another method: MLflow's 405 page; anything else: its 404 page.
 */
function fallback(
  recordings: Recording[],
  call: IncomingCall,
  samePath: Recording[],
  candidates: Recording[],
): Recording {
  const notFound = byName(recordings, 'error_unknown_endpoint')!;
  if (/\/experiments\/search$/.test(call.path)) {
    return byName(recordings, 'experiments_search_default') ?? notFound;
  }
  if (isSearch(call.path)) {
    const ids = call.params.get('experiment_ids');
    const listing = candidates
      .filter(
        (r) =>
          r.status === 200 &&
          r.complete &&
          !r.params.has('filter') &&
          r.params.get('experiment_ids') === ids,
      )
      .sort((a, b) => b.body().length - a.body().length)[0];
    if (listing) return listing;
  }
  if (call.method === 'GET') {
    const missing = candidates.find(
      (r) => r.status === 404 || (r.status === 400 && /not.?found/i.test(r.name)),
    );
    if (missing) return missing;
  } else {
    const ok = candidates.find((r) => r.status === 200);
    if (ok) return ok;
  }
  const [first] = candidates;
  if (first) return first;
  if (samePath.length) return byName(recordings, 'error_wrong_method') ?? notFound;
  return notFound;
}
