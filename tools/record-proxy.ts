/**
 * A recording proxy in front of a real MLflow server: every exchange that
 * passes through is written as one JSON file in the layout of
 * mocks/recordings/mlflow-2.17.0 (see its README):
 *
 *   { name, method, path, query, body, status, response, response_headers, url }
 *
 * JSON answers are stored parsed; anything else as a summary
 * {content_type, byte_length, sha256, content_disposition?, text?} (text for
 * textual bodies only). The name of the next exchanges is set by the caller:
 * in-process with `setName()`, or over HTTP with
 * `POST /__record/name {"name": "..."}` (for a Python client driven through
 * the proxy); several exchanges under one name get `_2`, `_3`, ... Without a
 * name an exchange is named from its method and path.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface RecordProxy {
  url: string;
  setName(name: string | null): void;
  /** Names written so far. */
  written: string[];
  close(): Promise<void>;
}

const SKIP_HEADERS = new Set(['date', 'server', 'connection', 'keep-alive', 'transfer-encoding']);

function parseQuery(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of search) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function parseBody(buf: Buffer): unknown {
  if (!buf.length) return null;
  const text = buf.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isTextual(type: string, buf: Buffer): boolean {
  if (/^text\/|json|yaml|xml|csv|javascript/.test(type)) return true;
  if (!type || type === 'application/octet-stream') {
    const text = buf.toString('utf8');
    return !text.includes('\uFFFD') && !text.includes('\u0000');
  }
  return false;
}

function describeResponse(headers: http.IncomingHttpHeaders, buf: Buffer): unknown {
  const type = String(headers['content-type'] ?? '');
  if (/application\/json/.test(type)) {
    try {
      return JSON.parse(buf.toString('utf8'));
    } catch {
      /* fall through to the summary */
    }
  }
  const summary: Record<string, unknown> = {
    content_type: type,
    byte_length: buf.length,
    sha256: crypto.createHash('sha256').update(buf).digest('hex'),
  };
  if (headers['content-disposition']) summary.content_disposition = headers['content-disposition'];
  if (isTextual(type, buf)) summary.text = buf.toString('utf8');
  return summary;
}

function slug(method: string, pathname: string): string {
  const s = pathname
    .replace(/^\/(ajax-)?api\/[23]\.0\/mlflow\//, (_m, ajax) => (ajax ? 'ajax_' : ''))
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return `${method.toLowerCase()}_${s || 'root'}`.slice(0, 120);
}

/** Start a proxy to `target` that writes exchanges into `dir`. */
export async function startRecordProxy(opts: {
  target: string;
  dir: string;
}): Promise<RecordProxy> {
  fs.mkdirSync(opts.dir, { recursive: true });
  const target = new URL(opts.target);
  const written: string[] = [];
  const used = new Map<string, number>();
  let current: string | null = null;

  function nameFor(method: string, pathname: string): string {
    const base = current ?? slug(method, pathname);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}_${n}`;
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://recorder');
      if (url.pathname === '/__record/name' && req.method === 'POST') {
        const parsed = parseBody(body) as { name?: string | null } | null;
        current = parsed?.name ?? null;
        res.writeHead(204).end();
        return;
      }
      const headers = { ...req.headers, host: target.host };
      delete headers['content-length'];
      const upstream = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...headers, 'content-length': String(body.length) },
        },
        (up) => {
          const out: Buffer[] = [];
          up.on('data', (c: Buffer) => out.push(c));
          up.on('end', () => {
            const buf = Buffer.concat(out);
            const name = nameFor(req.method ?? 'GET', url.pathname);
            const responseHeaders: Record<string, string> = {};
            for (const [k, v] of Object.entries(up.headers)) {
              if (!SKIP_HEADERS.has(k) && v !== undefined) {
                // Title-case like the 2.17 recordings (Content-Type).
                const key = k.replace(/(^|-)([a-z])/g, (_m, d, c: string) => d + c.toUpperCase());
                responseHeaders[key] = Array.isArray(v) ? v.join(', ') : v;
              }
            }
            const exchange = {
              name,
              method: req.method,
              path: url.pathname,
              query: parseQuery(url.searchParams),
              body: parseBody(body),
              status: up.statusCode,
              response: describeResponse(up.headers, buf),
              response_headers: responseHeaders,
              url: req.url,
            };
            fs.writeFileSync(
              path.join(opts.dir, `${name}.json`),
              `${JSON.stringify(exchange, null, 2)}\n`,
            );
            written.push(name);
            const passHeaders = { ...up.headers };
            delete passHeaders['transfer-encoding'];
            passHeaders['content-length'] = String(buf.length);
            res.writeHead(up.statusCode ?? 502, passHeaders).end(buf);
          });
        },
      );
      upstream.on('error', (e) => {
        res.writeHead(502, { 'content-type': 'text/plain' }).end(`record-proxy: ${e.message}`);
      });
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setName: (name) => {
      current = name;
    },
    written,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
