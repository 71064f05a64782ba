// @vitest-environment node
import http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { makeConfig, parseTrackingUri, type ServerConfig } from './config';
import { listen, type RunningServer } from './listen';
import { memoryLogger, silentLogger } from './log';
import { probeTrackingServer } from './probe';
import {
  closedPort,
  makeDist,
  rawRequest,
  startUpstream,
  type Upstream,
} from '../tools/test-helpers';

const dist = makeDist();
let upstream: Upstream;
const running: RunningServer[] = [];

async function start(
  trackingUri: string,
  overrides: Partial<ServerConfig> = {},
  log = silentLogger,
) {
  const config = makeConfig({
    distDir: dist.dir,
    tracking: parseTrackingUri(trackingUri),
    ...overrides,
  });
  const server = await listen(await createApp(config, { log }), '127.0.0.1', 0);
  running.push(server);
  return server;
}

beforeAll(async () => {
  upstream = await startUpstream();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  upstream.seen.length = 0;
  upstream.handle = (_req, res, s) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ echo: s }));
  };
});
afterAll(async () => {
  await upstream.close();
  dist.cleanup();
});

describe('proxy mode: what is proxied', () => {
  it.each([
    '/api/2.0/mlflow/experiments/search?max_results=5',
    '/ajax-api/2.0/mlflow/get-trace-artifact?request_id=abc',
    // MLflow 3's v3 API
    '/api/3.0/mlflow/traces/search',
    '/api/3.0/mlflow/traces/tr-85b976e2d9360751cdcb3e5a18236cb2/assessments',
    '/ajax-api/3.0/mlflow/get-trace-artifact?request_id=tr-abc',
    '/api/2.0/mlflow-artifacts/artifacts/2/run/artifacts/images/a.png',
    '/get-artifact?path=a%2Fb.csv&run_uuid=r1',
    '/model-versions/get-artifact?path=MLmodel&name=m&version=1',
    '/version',
    '/health',
  ])('proxies the MLflow path %s unchanged', async (p) => {
    const s = await start(upstream.url);
    const res = await rawRequest(s.url, p, { headers: { Accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(upstream.seen.map((r) => r.url)).toEqual([p]);
  });

  it.each([
    ['/other', 404],
    ['/etc/passwd', 404],
    ['/api/other', 404],
    ['/api/2.0', 404],
    ['/graphql', 404],
    ['/runlens/nope', 404],
    // dot segments are resolved before deciding: this is /etc/passwd, not an API path
    ['/api/2.0/../../etc/passwd', 404],
    ['/api/2.0/mlflow/%2e%2e/%2E%2E/%2e%2e/etc/passwd', 404],
    // an encoded slash or dot-dot that survives resolution is refused outright
    ['/api/2.0/mlflow/..%2f..%2f..%2fetc%2fpasswd', 400],
    ['/get-artifact/..%5c..%5cx', 400],
  ])('does not proxy %s', async (p, status) => {
    const s = await start(upstream.url);
    const res = await rawRequest(s.url, p, { headers: { Accept: 'application/json' } });
    expect(res.status).toBe(status);
    expect(upstream.seen).toEqual([]);
  });

  it('never lets an absolute-form request target pick the upstream', async () => {
    const s = await start(upstream.url);
    const res = await rawRequest(s.url, 'http://169.254.169.254/api/2.0/mlflow/x', {
      headers: { Accept: 'application/json' },
    });
    // The path is taken as a path on Runlens: not an MLflow path, not proxied anywhere.
    expect(res.status).toBe(404);
    expect(upstream.seen).toEqual([]);
  });

  it('sends a page request for a non-API path to the UI, not upstream', async () => {
    const s = await start(upstream.url);
    const res = await rawRequest(s.url, '/other/page', { headers: { Accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.text).toContain('<div id="root">');
    expect(upstream.seen).toEqual([]);
  });

  it('keeps the base path of MLFLOW_TRACKING_URI and sets Host to the upstream', async () => {
    const s = await start(`${upstream.url}/mlflow/`);
    await rawRequest(s.url, '/api/2.0/mlflow/runs/get?run_id=1');
    expect(upstream.seen[0]?.url).toBe('/mlflow/api/2.0/mlflow/runs/get?run_id=1');
    expect(upstream.seen[0]?.headers.host).toBe(`127.0.0.1:${upstream.port}`);
  });

  it('passes status, content type and body of the upstream answer through', async () => {
    upstream.handle = (_req, res) => {
      res.writeHead(404, { 'Content-Type': 'application/json', 'X-From': 'mlflow' });
      res.end('{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"Run \'x\' not found"}');
    };
    const s = await start(upstream.url);
    const res = await rawRequest(s.url, '/api/2.0/mlflow/runs/get?run_id=x');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-from']).toBe('mlflow');
    expect(res.json()).toEqual({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: "Run 'x' not found",
    });
  });
});

describe('proxy mode: bodies and credentials', () => {
  it('streams a request body to the upstream before the client has finished sending it', async () => {
    const s = await start(upstream.url);
    const u = new URL(s.url);
    const part = Buffer.alloc(256 * 1024, 'a');
    const result = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          host: u.hostname,
          port: u.port,
          method: 'POST',
          path: '/api/2.0/mlflow/runs/log-batch',
          headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
        },
        (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write(part);
      // Only once the upstream holds the first chunk do we send the rest: a
      // proxy that buffers bodies would deadlock here and time the test out.
      upstream.firstChunk().then(() => {
        for (let i = 0; i < 15; i++) req.write(part);
        req.end();
      });
    });
    const res = await result;
    expect(res.status).toBe(200);
    const echo = (JSON.parse(res.body) as { echo: { bodyBytes: number; method: string } }).echo;
    expect(echo.method).toBe('POST');
    expect(echo.bodyBytes).toBe(16 * part.length);
  });

  it('passes DELETE and PATCH bodies through byte for byte', async () => {
    const s = await start(upstream.url);
    const body = JSON.stringify({ key: 'reviewed', unicode: 'ünïcødé ✓' });
    for (const method of ['DELETE', 'PATCH']) {
      await rawRequest(s.url, '/api/2.0/mlflow/traces/abc/tags', {
        method,
        body,
        headers: { 'Content-Type': 'application/json' },
      });
    }
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(body).digest('hex');
    expect(upstream.seen.map((r) => [r.method, r.bodySha256])).toEqual([
      ['DELETE', sha],
      ['PATCH', sha],
    ]);
  });

  it("forwards the browser's Authorization header untouched", async () => {
    const s = await start(upstream.url);
    await rawRequest(s.url, '/api/2.0/mlflow/experiments/search', {
      headers: { Authorization: 'Basic dXNlcjpwdw==' },
    });
    expect(upstream.seen[0]?.headers.authorization).toBe('Basic dXNlcjpwdw==');
  });

  it('adds Basic credentials from the URI userinfo only when the request has none', async () => {
    const s = await start(`http://alice:p%40ss@127.0.0.1:${upstream.port}`);
    await rawRequest(s.url, '/api/2.0/mlflow/experiments/search');
    await rawRequest(s.url, '/api/2.0/mlflow/experiments/search', {
      headers: { Authorization: 'Bearer mine' },
    });
    expect(upstream.seen[0]?.headers.authorization).toBe(
      'Basic ' + Buffer.from('alice:p@ss').toString('base64'),
    );
    expect(upstream.seen[1]?.headers.authorization).toBe('Bearer mine');
  });

  it('never reveals credentials in /runlens/info', async () => {
    const s = await start(`http://alice:secret@127.0.0.1:${upstream.port}/base`);
    const res = await rawRequest(s.url, '/runlens/info');
    expect(res.json()).toEqual({
      mode: 'proxy',
      trackingUri: `http://127.0.0.1:${upstream.port}/base`,
    });
    expect(res.text).not.toContain('secret');
    expect(upstream.seen).toEqual([]);
  });
});

describe('proxy mode: unreachable tracking server', () => {
  it('answers 502 JSON TRACKING_SERVER_UNREACHABLE and logs the reason', async () => {
    const port = await closedPort();
    const log = memoryLogger();
    const s = await start(`http://127.0.0.1:${port}`, {}, log);
    const res = await rawRequest(s.url, '/api/2.0/mlflow/experiments/search', {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(502);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json<{ error_code: string; message: string }>();
    expect(body.error_code).toBe('TRACKING_SERVER_UNREACHABLE');
    expect(body.message).toBe(
      `Cannot reach the MLflow tracking server at http://127.0.0.1:${port}: connection refused (is \`mlflow server\` running on that host and port?)`,
    );
    expect(log.lines.join('\n')).toMatch(
      /Cannot reach the MLflow tracking server at http:\/\/127\.0\.0\.1:\d+: connection refused/,
    );
  });

  it('still serves the UI while the tracking server is down', async () => {
    const port = await closedPort();
    const s = await start(`http://127.0.0.1:${port}`);
    const page = await rawRequest(s.url, '/experiments', { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(200);
    const info = await rawRequest(s.url, '/runlens/info');
    expect(info.json()).toEqual({ mode: 'proxy', trackingUri: `http://127.0.0.1:${port}` });
  });

  it('gives up on a server that accepts but never answers', async () => {
    upstream.handle = () => {
      /* never answer */
    };
    const s = await start(upstream.url, { idleTimeoutMs: 300 });
    const res = await rawRequest(s.url, '/api/2.0/mlflow/runs/get?run_id=1');
    expect(res.status).toBe(502);
    expect(res.json<{ message: string }>().message).toMatch(/no answer within .*timed out/);
  });

  it('waits for a slow answer (longer than the idle keep-alive socket timeout)', async () => {
    upstream.handle = (_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"slow":true}');
      }, 2500);
    };
    const s = await start(upstream.url, { idleTimeoutMs: 10_000 });
    const res = await rawRequest(
      s.url,
      '/api/2.0/mlflow/metrics/get-history?run_id=1&metric_key=m',
    );
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ slow: true });
  });

  it('the start-up probe reports the version, or why it failed', async () => {
    upstream.handle = (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(req.url === '/version' ? '2.17.0' : 'OK');
    };
    expect(await probeTrackingServer(parseTrackingUri(upstream.url))).toEqual({
      ok: true,
      version: '2.17.0',
    });
    const port = await closedPort();
    const down = await probeTrackingServer(parseTrackingUri(`http://127.0.0.1:${port}`));
    expect(down).toMatchObject({
      ok: false,
      reason: expect.stringContaining('connection refused'),
    });
  });
});

describe('artifact downloads', () => {
  it('are sandboxed so an SVG or HTML artifact cannot script the Runlens origin', async () => {
    upstream.handle = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'image/svg+xml' });
      res.end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    };
    const s = await start(upstream.url);
    const res = await rawRequest(s.url, '/get-artifact?path=plots/x.svg&run_uuid=r');
    expect(res.headers['content-type']).toBe('image/svg+xml');
    expect(res.headers['content-security-policy']).toMatch(/^sandbox/);
  });
});
