/**
 * A stand-in MLflow 2.17 tracking server that replays the exchanges recorded
 * from a real one (mocks/recordings/mlflow-2.17.0/exchanges/*.json). For end-to-end
 * tests of proxy mode and for working on the UI without MLflow installed:
 *
 *   node --import tsx tools/replay.ts --port 5055
 *   MLFLOW_TRACKING_URI=http://127.0.0.1:5055 npm run serve
 *
 * It is stateless: a write answers with its recorded answer and changes
 * nothing. Matching: method + path + query/body parameters, where parameters
 * left at their defaults (view_type=ACTIVE_ONLY, empty filter, ...) count as
 * absent and a different max_results is tolerated when the recording holds
 * the whole result. What is not recorded gets a sensible recorded answer
 * (see `fallback` in replay-recordings.ts). JSON bodies are sent from the recording's raw text, so
 * nanosecond span times beyond 2^53 arrive exact.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../server/config';
import {
  canonicalParams,
  loadRecordings,
  matchRecording,
  type IncomingCall,
} from './replay-recordings';

export { compactJson, topLevelRaw } from '../server/raw-json';

export const DEFAULT_EXCHANGES_DIR = path.resolve(
  REPO_ROOT,
  'mocks',
  'recordings',
  'mlflow-2.17.0',
  'exchanges',
);

export function exchangesDir(env: Record<string, string | undefined> = process.env): string {
  return env.MLFLOW_EXCHANGES_DIR ? path.resolve(env.MLFLOW_EXCHANGES_DIR) : DEFAULT_EXCHANGES_DIR;
}

export interface ReplayedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  /** Name of the recording that answered (or the fallback's). */
  answeredWith: string;
}

export interface ReplayServer {
  url: string;
  port: number;
  requests: ReplayedRequest[];
  close(): Promise<void>;
}

export interface ReplayOptions {
  dir?: string;
  host?: string;
  port?: number;
  /** Serve under a base path (as behind a reverse proxy), e.g. "/mlflow". */
  basePath?: string;
  /** Require HTTP basic auth, as `mlflow server --app-name basic-auth` does. */
  auth?: { username: string; password: string };
}

// ---------------------------------------------------------------------------
// Server

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseBody(buf: Buffer): unknown {
  const text = buf.toString('utf8').trim();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { __invalid_json__: text };
  }
}

export async function startReplayServer(opts: ReplayOptions = {}): Promise<ReplayServer> {
  const recordings = loadRecordings(opts.dir ?? exchangesDir());
  const basePath = (opts.basePath ?? '').replace(/\/+$/, '');
  const requests: ReplayedRequest[] = [];
  const expectedAuth = opts.auth
    ? 'Basic ' + Buffer.from(`${opts.auth.username}:${opts.auth.password}`).toString('base64')
    : null;

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://replay.invalid');
      const body = await readBody(req);
      if (basePath && !url.pathname.startsWith(basePath + '/')) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not under the base path');
        return;
      }
      if (expectedAuth && req.headers.authorization !== expectedAuth) {
        requests.push({
          method: req.method ?? 'GET',
          url: req.url ?? '',
          headers: req.headers,
          answeredWith: '401',
        });
        res
          .writeHead(401, {
            'Content-Type': 'text/html; charset=utf-8',
            'WWW-Authenticate': 'Basic realm="mlflow"',
          })
          .end(
            'You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow on how to authenticate.',
          );
        return;
      }
      const query: Record<string, unknown> = {};
      for (const key of new Set(url.searchParams.keys())) {
        const all = url.searchParams.getAll(key);
        query[key] = all.length === 1 ? all[0] : all;
      }
      const call: IncomingCall = {
        method: (req.method ?? 'GET').toUpperCase(),
        path: url.pathname.slice(basePath.length),
        params: canonicalParams(query, req.method === 'GET' ? null : parseBody(body)),
      };
      const rec = matchRecording(recordings, call);
      requests.push({
        method: call.method,
        url: req.url ?? '',
        headers: req.headers,
        answeredWith: rec.name,
      });
      const payload = rec.body();
      res.writeHead(rec.status, {
        ...rec.extraHeaders,
        'Content-Type': rec.contentType,
        'Content-Length': payload.length,
        'X-Replay-Recording': rec.name,
      });
      res.end(call.method === 'HEAD' ? undefined : payload);
    } catch (e) {
      res
        .writeHead(500, { 'Content-Type': 'text/plain' })
        .end(`replay server error: ${(e as Error).message}`);
    }
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}${basePath}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// CLI: node --import tsx tools/replay.ts [--port 5055] [--host 127.0.0.1] [--dir path] [--base-path /mlflow]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const dir = arg('--dir') ?? exchangesDir();
  if (!fs.existsSync(dir)) {
    console.error(`No recorded exchanges at ${dir} (set --dir or MLFLOW_EXCHANGES_DIR)`);
    process.exit(1);
  }
  startReplayServer({
    dir,
    port: Number(arg('--port') ?? 5055),
    host: arg('--host'),
    basePath: arg('--base-path'),
  }).then(
    (s) => console.log(`Replaying MLflow 2.17.0 from ${dir} at ${s.url}`),
    (e: Error) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}
