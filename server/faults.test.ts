// @vitest-environment node
/**
 * Proxy mode against misbehaving tracking servers, started here on 127.0.0.1:
 * one that dies mid-body, and one that never completes a TCP handshake.
 */
import http from 'node:http';
import net from 'node:net';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { makeConfig, parseTrackingUri, type ServerConfig } from './config';
import { listen, type RunningServer } from './listen';
import { silentLogger } from './log';
import { makeDist, rawRequest } from '../tools/test-helpers';

const dist = makeDist();
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(trackingUri: string, overrides: Partial<ServerConfig> = {}) {
  const config = makeConfig({
    distDir: dist.dir,
    tracking: parseTrackingUri(trackingUri),
    ...overrides,
  });
  const s: RunningServer = await listen(
    await createApp(config, { log: silentLogger }),
    '127.0.0.1',
    0,
  );
  cleanups.push(() => s.close());
  return s;
}

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

describe('an upstream that drops the connection mid-body', () => {
  it('cuts the client response short at once instead of leaving it waiting', async () => {
    const upstream = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': 100000 });
      res.write(Buffer.alloc(1024, 'x'), () => setTimeout(() => res.socket?.destroy(), 50));
    });
    const s = await start(upstream);
    const u = new URL(s.url);
    const outcome = await new Promise<{ bytes: number; complete: boolean; how: string }>(
      (resolve) => {
        let bytes = 0;
        const req = http.get(
          {
            host: u.hostname,
            port: u.port,
            path: '/get-artifact?path=big.bin&run_uuid=r',
            agent: false,
          },
          (res) => {
            res.on('data', (c: Buffer) => (bytes += c.length));
            res.on('end', () => resolve({ bytes, complete: res.complete, how: 'end' }));
            res.on('error', () => resolve({ bytes, complete: res.complete, how: 'error' }));
            res.on('aborted', () => resolve({ bytes, complete: res.complete, how: 'aborted' }));
          },
        );
        req.on('error', () => resolve({ bytes, complete: false, how: 'request error' }));
        // Today's fault: the response hangs until someone gives up. 5 s is "forever" here.
        setTimeout(() => {
          resolve({ bytes, complete: false, how: 'still waiting after 5s' });
          req.destroy();
        }, 5000);
      },
    );
    expect(outcome.how).not.toBe('still waiting after 5s');
    expect(outcome.complete).toBe(false);
    expect(outcome.bytes).toBe(1024);
  });
});

/**
 * A listener that never accepts, with its accept queue full: further connects
 * to it stay in SYN-SENT, as with a blackholed host. It listens in a worker
 * thread that then blocks (Atomics.wait), so nothing accepts; no child
 * process to spawn and wait for. Released (and the worker ended) at cleanup.
 */
async function blackhole(): Promise<number> {
  const gate = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const s = require('node:net').createServer(() => {});
     s.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
       parentPort.postMessage(s.address().port);
       Atomics.wait(workerData, 0, 0);
     });`,
    { eval: true, workerData: gate },
  );
  cleanups.push(async () => {
    Atomics.store(gate, 0, 1);
    Atomics.notify(gate, 0);
    await worker.terminate();
  });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (p: number) => resolve(p));
    worker.once('error', reject);
  });
  // Fill the accept queue (backlog 1 takes 2; the kernel completes these handshakes itself).
  const fill = Array.from({ length: 4 }, () => {
    const sock = net.connect(port, '127.0.0.1');
    sock.on('error', () => {});
    cleanups.push(() => void sock.destroy());
    return sock;
  });
  await new Promise((r) => setTimeout(r, 200));
  expect(fill.filter((f) => !f.connecting).length).toBeGreaterThanOrEqual(2);
  return port;
}

describe('an upstream that never accepts the connection', () => {
  it('waits the configured connect timeout, beyond 1.5 s, and says it was the connect', async () => {
    const port = await blackhole();
    const s = await start(`http://127.0.0.1:${port}`, { connectTimeoutMs: 2500 });
    const started = performance.now();
    const res = await rawRequest(s.url, '/api/2.0/mlflow/experiments/search');
    const waited = performance.now() - started;
    expect(res.status).toBe(502);
    expect(res.json<{ message: string }>().message).toMatch(
      /no connection within 3s \(connect timed out\)/,
    );
    expect(waited).toBeGreaterThanOrEqual(2400);
  }, 30_000);
});

describe('many clients at once', () => {
  it('keeps 100 slow requests in flight to the upstream at once (no small socket pool)', async () => {
    const waiting: http.ServerResponse[] = [];
    let most = 0;
    const upstream = await serve((_req, res) => {
      waiting.push(res);
      most = Math.max(most, waiting.length);
      // Answer everyone once 100 are in flight together (or give up after 3 s).
      if (waiting.length === 100) for (const r of waiting.splice(0)) r.end('{}');
    });
    cleanups.push(() => {
      for (const r of waiting.splice(0)) r.end('{}');
    });
    const s = await start(upstream);
    const all = Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        rawRequest(s.url, `/api/2.0/mlflow/runs/get?run_id=${i}`),
      ),
    );
    const settled = await Promise.race([all, new Promise((r) => setTimeout(() => r(null), 3000))]);
    expect(most).toBe(100);
    expect(settled).not.toBeNull();
  });

  it('sends small API answers as they came, without compressing each one', async () => {
    const body = JSON.stringify({
      runs: Array.from({ length: 60 }, (_, i) => ({ id: i, v: 'x' })),
    });
    const upstream = await serve((_req, res) => {
      // as MLflow (Flask) answers: with a Content-Length
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
      res.end(body);
    });
    const s = await start(upstream);
    const res = await rawRequest(s.url, '/api/2.0/mlflow/runs/search', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
    });
    expect(body.length).toBeGreaterThan(1024);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.text).toBe(body);
  });
});
