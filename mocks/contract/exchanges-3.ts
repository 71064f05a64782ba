/**
 * The recorded exchanges of a real MLflow 3.18.0 server
 * (mocks/recordings/mlflow-3.18.0/exchanges), for the 3.x contract tests.
 * Same file format as the 2.17 ones (exchanges.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Exchange } from './exchanges';

export const EXCHANGES_3_DIR = path.resolve(__dirname, '../recordings/mlflow-3.18.0/exchanges');

let cache: Exchange[] | null = null;

export function loadExchanges3(): Exchange[] {
  if (cache) return cache;
  cache = readdirSync(EXCHANGES_3_DIR)
    .filter((f) => f.endsWith('.json') && f !== '_index.json')
    .sort()
    .map((f) => {
      const raw = JSON.parse(readFileSync(path.join(EXCHANGES_3_DIR, f), 'utf8')) as Omit<
        Exchange,
        'name'
      > & { name?: string };
      return { ...raw, name: f.replace(/\.json$/, ''), query: raw.query ?? {} };
    });
  return cache;
}

export function exchange3(name: string): Exchange {
  const x = loadExchanges3().find((e) => e.name === name);
  if (!x) throw new Error(`no recorded 3.18.0 exchange ${name}`);
  return x;
}
