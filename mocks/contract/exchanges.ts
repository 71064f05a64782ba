/**
 * The recorded exchanges of a real MLflow 2.17.0 server
 * (mocks/recordings/mlflow-2.17.0/exchanges), loaded for tests. Tests read them;
 * the app never does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const EXCHANGES_DIR = path.resolve(__dirname, '../recordings/mlflow-2.17.0/exchanges');

export interface Exchange {
  /** File name without `.json`. */
  name: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body: unknown;
  status: number;
  response: unknown;
  response_headers: Record<string, string>;
  url: string;
}

/** For downloads the recorder kept a summary instead of the bytes. */
export interface BinarySummary {
  content_type: string;
  byte_length: number;
  sha256: string;
  content_disposition?: string;
  text?: string;
}

export interface ExchangeIndex {
  ids: Record<string, string>;
}

let cache: Exchange[] | null = null;

export function loadExchanges(): Exchange[] {
  if (cache) return cache;
  cache = readdirSync(EXCHANGES_DIR)
    .filter((f) => f.endsWith('.json') && f !== '_index.json')
    .sort()
    .map((f) => {
      const raw = JSON.parse(readFileSync(path.join(EXCHANGES_DIR, f), 'utf8')) as Omit<
        Exchange,
        'name'
      > & { name?: string };
      return { ...raw, name: f.replace(/\.json$/, ''), query: raw.query ?? {} };
    })
    // Runlens does not speak GraphQL and the mock has no /graphql route (the 404 of
    // /ajax-api/graphql, not a route in 2.17 either, stays).
    .filter((x) => x.path !== '/graphql');
  return cache;
}

export function loadIndex(): ExchangeIndex {
  return JSON.parse(readFileSync(path.join(EXCHANGES_DIR, '_index.json'), 'utf8')) as ExchangeIndex;
}

export function exchange(name: string): Exchange {
  const x = loadExchanges().find((e) => e.name === name);
  if (!x) throw new Error(`no recorded exchange ${name}`);
  return x;
}

/** The recorded response as text, cut out of the file: span times beyond 2^53 keep every digit. */
export function rawResponseText(name: string): string {
  const raw = readFileSync(path.join(EXCHANGES_DIR, `${name}.json`), 'utf8');
  const marker = '\n  "response": ';
  const start = raw.indexOf(marker);
  const end = raw.indexOf(',\n  "response_headers"', start);
  if (start < 0 || end < 0) throw new Error(`${name}: unexpected file layout`);
  return raw.slice(start + marker.length, end);
}

export function contentTypeOf(x: Exchange): string {
  const h = x.response_headers ?? {};
  return h['Content-Type'] ?? h['content-type'] ?? '';
}

export function isBinarySummary(v: unknown): v is BinarySummary {
  return !!v && typeof v === 'object' && 'byte_length' in v && 'sha256' in v && 'content_type' in v;
}

/** Exchanges whose body is JSON (the recorder parsed it), vs. summaries of other bodies. */
export function isJsonExchange(x: Exchange): boolean {
  return contentTypeOf(x).startsWith('application/json') && !isBinarySummary(x.response);
}
