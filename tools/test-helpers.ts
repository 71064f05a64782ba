/**
 * Helpers for the server's unit tests: a tiny upstream standing in for MLflow,
 * a raw HTTP client (fetch would clean up `/../` before sending), a built-like
 * dist/ in a temp folder, and a closed port.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  bodyBytes: number;
  bodySha256: string;
}

export interface Upstream {
  url: string;
  port: number;
  seen: SeenRequest[];
  /** Replace the default answer (JSON echo of what was seen). */
  handle: (req: http.IncomingMessage, res: http.ServerResponse, seen: SeenRequest) => void;
  /** Resolves with the first body chunk of the next request that has one. */
  firstChunk(): Promise<Buffer>;
  close(): Promise<void>;
}

export async function startUpstream(): Promise<Upstream> {
  const seen: SeenRequest[] = [];
  let chunkWaiters: ((b: Buffer) => void)[] = [];
  const up: Upstream = {
    url: '',
    port: 0,
    seen,
    handle: (_req, res, s) => {
      const body = JSON.stringify({ echo: s });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(body);
    },
    firstChunk: () => new Promise((resolve) => chunkWaiters.push(resolve)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    const hash = crypto.createHash('sha256');
    let bytes = 0;
    let first = true;
    req.on('data', (chunk: Buffer) => {
      if (first) {
        first = false;
        const waiters = chunkWaiters;
        chunkWaiters = [];
        for (const w of waiters) w(chunk);
      }
      bytes += chunk.length;
      hash.update(chunk);
    });
    req.on('end', () => {
      const s: SeenRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        bodyBytes: bytes,
        bodySha256: hash.digest('hex'),
      };
      seen.push(s);
      up.handle(req, res, s);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  up.port = (server.address() as AddressInfo).port;
  up.url = `http://127.0.0.1:${up.port}`;
  const close = up.close;
  up.close = () => {
    server.closeAllConnections();
    return close();
  };
  return up;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json<T = unknown>(): T;
}

/** A request sent exactly as written: the path is not normalized on the way out. */
export function rawRequest(
  base: string,
  rawPath: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  const u = new URL(base);
  const headers = { ...opts.headers };
  // As browsers do; Node would send a DELETE body without any framing.
  if (opts.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(opts.body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        method: opts.method ?? 'GET',
        path: rawPath,
        headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text,
            json: () => JSON.parse(text),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** A dist/ like `vite build` makes: index.html, a hashed asset, a public file. */
export function makeDist(): { dir: string; asset: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runlens-dist-'));
  const asset = 'index-Ab12Cd34.js';
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html><head><script type="module" src="/assets/${asset}"></script></head><body><div id="root"></div></body></html>`,
  );
  fs.writeFileSync(
    path.join(dir, 'assets', asset),
    `console.log(${JSON.stringify('x'.repeat(4000))});\n`,
  );
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return { dir, asset, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
