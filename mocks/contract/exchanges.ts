/**
 * The recorded exchanges of real MLflow servers (mocks/recordings/mlflow-<line>/exchanges),
 * one set per line (2.17.0, 3.18.0), loaded for tests. Tests read them; the app never does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DemoLine } from '../db';

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

/** One line's recordings: the same loaders for 2.17.0 and 3.18.0. */
export interface ExchangeSet {
  line: DemoLine;
  dir: string;
  load: () => Exchange[];
  /** The recorded exchange `name`; throws when there is none. */
  get: (name: string) => Exchange;
  /** The recorded response as text, cut out of the file: span times beyond 2^53 keep every digit. */
  rawResponseText: (name: string) => string;
}

export function exchangeSet(line: DemoLine): ExchangeSet {
  const dir = path.resolve(__dirname, `../recordings/mlflow-${line}/exchanges`);
  let cache: Exchange[] | null = null;
  const load = (): Exchange[] => {
    if (cache) return cache;
    cache = readdirSync(dir)
      .filter((f) => f.endsWith('.json') && f !== '_index.json')
      .sort()
      .map((f) => {
        const raw = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Omit<
          Exchange,
          'name'
        > & { name?: string };
        return { ...raw, name: f.replace(/\.json$/, ''), query: raw.query ?? {} };
      })
      // Runlens does not speak GraphQL and the mock has no /graphql route (the 404 of
      // /ajax-api/graphql, not a route in 2.17 either, stays).
      .filter((x) => x.path !== '/graphql');
    return cache;
  };
  return {
    line,
    dir,
    load,
    get: (name) => {
      const x = load().find((e) => e.name === name);
      if (!x) throw new Error(`no recorded ${line} exchange ${name}`);
      return x;
    },
    rawResponseText: (name) => {
      const raw = readFileSync(path.join(dir, `${name}.json`), 'utf8');
      const marker = '\n  "response": ';
      const start = raw.indexOf(marker);
      const end = raw.indexOf(',\n  "response_headers"', start);
      if (start < 0 || end < 0) throw new Error(`${name}: unexpected file layout`);
      return raw.slice(start + marker.length, end);
    },
  };
}

/** MLflow 2.17.0's recordings. */
export const LINE_2 = exchangeSet('2.17.0');
export const EXCHANGES_DIR = LINE_2.dir;

export const loadExchanges = (): Exchange[] => LINE_2.load();
export const exchange = (name: string): Exchange => LINE_2.get(name);
export const rawResponseText = (name: string): string => LINE_2.rawResponseText(name);

export function loadIndex(): ExchangeIndex {
  return JSON.parse(readFileSync(path.join(EXCHANGES_DIR, '_index.json'), 'utf8')) as ExchangeIndex;
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
