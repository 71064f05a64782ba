/**
 * Replay a recorded request against the mock handlers (no network: msw's
 * getResponse), with the recorded ids mapped to the workspace's ids.
 */
import { getResponse, type HttpHandler } from 'msw';
import type { Exchange } from './exchanges';

const HEX32 = /\b[0-9a-f]{32}\b/g;

/** recorded id -> workspace id (run ids, trace request ids, experiment ids). */
export class IdMap {
  readonly hex = new Map<string, string>();
  readonly experiments = new Map<string, string>();
  /** Resolves a 32-hex id nobody mapped yet (by name lookups in the demo workspace). */
  constructor(private readonly fallback: (id: string) => string | undefined = () => undefined) {}

  hexId(id: string): string {
    let v = this.hex.get(id);
    if (v === undefined) {
      v = this.fallback(id) ?? id;
      this.hex.set(id, v);
    }
    return v;
  }

  experiment(id: string): string {
    return this.experiments.get(id) ?? id;
  }

  /** Map ids inside free text: 32-hex ids anywhere, experiment ids in artifact URIs and proxy paths. */
  text(s: string): string {
    let out = s.replace(HEX32, (m) => this.hexId(m));
    out = out.replace(
      /(mlflow-artifacts:\/)(\d+)\//g,
      (_m, p: string, e: string) => `${p}${this.experiment(e)}/`,
    );
    out = out.replace(
      /(mlflow-artifacts\/artifacts\/)(\d+)\//,
      (_m, p: string, e: string) => `${p}${this.experiment(e)}/`,
    );
    return out;
  }

  /** Map a request body or query: experiment ids by field name, everything else as text. */
  value(v: unknown, key?: string): unknown {
    if (typeof v === 'string') {
      if (key === 'experiment_id' || key === 'experiment_ids') return this.experiment(v);
      if (key === 'path' && /^\d+\//.test(v))
        return this.text(v.replace(/^(\d+)\//, (_m, e: string) => `${this.experiment(e)}/`));
      return this.text(v);
    }
    if (Array.isArray(v)) return v.map((x) => this.value(x, key));
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.value(x, k)]));
    }
    return v;
  }

  /** Learn ids a write created: walk the recorded and the mock answer side by side. */
  align(recorded: unknown, actual: unknown, key?: string): void {
    if (typeof recorded === 'string' && typeof actual === 'string' && recorded !== actual) {
      if (key === 'experiment_id') this.experiments.set(recorded, actual);
      if (
        (key === 'run_id' || key === 'run_uuid' || key === 'request_id') &&
        /^[0-9a-f]{32}$/.test(recorded)
      )
        this.hex.set(recorded, actual);
      return;
    }
    if (Array.isArray(recorded) && Array.isArray(actual)) {
      recorded.forEach((r, i) => this.align(r, actual[i], key));
      return;
    }
    if (recorded && actual && typeof recorded === 'object' && typeof actual === 'object') {
      const a = actual as Record<string, unknown>;
      for (const [k, r] of Object.entries(recorded)) this.align(r, a[k], k);
    }
  }
}

export interface Replayed {
  status: number;
  contentType: string;
  headers: Headers;
  text: string;
  /** Parsed JSON when the body is JSON. */
  json: unknown;
}

export function buildRequest(x: Exchange, ids: IdMap, origin = 'http://runlens.test'): Request {
  const url = new URL(ids.text(x.path), origin);
  for (const [k, v] of Object.entries(x.query ?? {})) {
    const mapped = ids.value(v, k);
    for (const item of Array.isArray(mapped) ? mapped : [mapped])
      url.searchParams.append(k, String(item));
  }
  const init: RequestInit = { method: x.method };
  if (x.body !== null && x.body !== undefined) {
    init.body = JSON.stringify(ids.value(x.body));
    init.headers = { 'Content-Type': 'application/json' };
  }
  return new Request(url, init);
}

export async function replay(handlers: HttpHandler[], x: Exchange, ids: IdMap): Promise<Replayed> {
  const res = await getResponse(handlers, buildRequest(x, ids));
  if (!res) throw new Error(`no handler answered ${x.method} ${x.path}`);
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  let parsed: unknown = undefined;
  if (contentType.startsWith('application/json')) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  return { status: res.status, contentType, headers: res.headers, text, json: parsed };
}
