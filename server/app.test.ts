// @vitest-environment node
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { makeConfig, readConfig, ConfigError } from './config';
import { createDemoBackend, WORKSPACE_HEADER } from './demo';
import { listen, type RunningServer } from './listen';
import { silentLogger } from './log';
import { normalizeRequestPath } from './mlflow-paths';
import { makeDist, rawRequest } from '../tools/test-helpers';

const dist = makeDist();
const running: RunningServer[] = [];

/** A stand-in for mocks/: one counter per db, so resets and workspaces are visible. */
function counterHandlers() {
  const db = { experiments: 0 };
  return [
    http.post('/api/2.0/mlflow/experiments/create', () => {
      db.experiments += 1;
      return HttpResponse.json({ experiment_id: String(db.experiments) });
    }),
    http.get('/api/2.0/mlflow/experiments/search', () =>
      HttpResponse.json({ count: db.experiments }),
    ),
  ];
}

const JSON_POST = { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } };

/** Each workspace gets its own counter db. */
const counterSource = { seed: () => null, copy: () => null, handlers: counterHandlers };

async function startDemo(opts: { workspaces?: boolean } = {}) {
  const demo = createDemoBackend(counterSource, { workspaces: opts.workspaces ?? false });
  const app = await createApp(makeConfig({ distDir: dist.dir }), { demo, log: silentLogger });
  const s = await listen(app, '127.0.0.1', 0);
  running.push(s);
  return s;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});
afterAll(() => dist.cleanup());

describe('static files', () => {
  it('serves hashed assets with a long immutable cache', async () => {
    const s = await startDemo();
    const res = await rawRequest(s.url, `/assets/${dist.asset}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('compresses what it serves when the client accepts gzip', async () => {
    const s = await startDemo();
    const res = await rawRequest(s.url, `/assets/${dist.asset}`, {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(res.body).toString()).toContain('console.log');
  });

  it("sends the build's precompressed copy (br, else gz) as it is, and the plain file otherwise", async () => {
    const asset = 'chunk-Pc12Pc34.js';
    const body = `console.log(${JSON.stringify('y'.repeat(4000))});\n`;
    fs.writeFileSync(path.join(dist.dir, 'assets', asset), body);
    fs.writeFileSync(path.join(dist.dir, 'assets', `${asset}.br`), zlib.brotliCompressSync(body));
    fs.writeFileSync(path.join(dist.dir, 'assets', `${asset}.gz`), zlib.gzipSync(body));
    const s = await startDemo();
    const br = await rawRequest(s.url, `/assets/${asset}`, {
      headers: { 'Accept-Encoding': 'gzip, br' },
    });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(body);
    const gz = await rawRequest(s.url, `/assets/${asset}`, {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(body);
    const plain = await rawRequest(s.url, `/assets/${asset}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(body);
  });

  it('serves index.html with no-cache, at / and at any page URL (SPA fallback)', async () => {
    const s = await startDemo();
    for (const p of [
      '/',
      '/experiments/1/runs/abc',
      '/models/my.model/versions/2',
      '/no/such/page',
    ]) {
      const res = await rawRequest(s.url, p, {
        headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
      });
      expect(res.status, p).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<div id="root">');
    }
  });

  it('serves public files with no-cache', async () => {
    const s = await startDemo();
    const res = await rawRequest(s.url, '/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('does not answer a missing asset, a JSON request or a POST with index.html', async () => {
    const s = await startDemo();
    const asset = await rawRequest(s.url, '/assets/gone-123.js', { headers: { Accept: '*/*' } });
    expect(asset.status).toBe(404);
    const json = await rawRequest(s.url, '/experiments/1', {
      headers: { Accept: 'application/json' },
    });
    expect(json.status).toBe(404);
    expect(json.json()).toMatchObject({ error_code: 'NOT_FOUND' });
    const post = await rawRequest(s.url, '/experiments', {
      method: 'POST',
      headers: { Accept: 'text/html' },
    });
    expect(post.status).toBe(404);
  });

  it('explains a missing build instead of failing obscurely', async () => {
    const app = await createApp(makeConfig({ distDir: '/nonexistent/dist' }), {
      demo: createDemoBackend(counterSource, { workspaces: false }),
      log: silentLogger,
    });
    const s = await listen(app, '127.0.0.1', 0);
    running.push(s);
    const res = await rawRequest(s.url, '/', { headers: { Accept: 'text/html' } });
    expect(res.status).toBe(503);
    expect(res.text).toMatch(/npm run build/);
  });
});

describe('demo mode', () => {
  it('says so at /runlens/info', async () => {
    const s = await startDemo();
    const res = await rawRequest(s.url, '/runlens/info');
    expect(res.json()).toEqual({ mode: 'demo' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers MLflow paths from the MSW handlers, with /version and /health and an MLflow-like 404', async () => {
    const s = await startDemo();
    const created = await rawRequest(s.url, '/api/2.0/mlflow/experiments/create', {
      method: 'POST',
      body: '{"name":"x"}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(created.json()).toEqual({ experiment_id: '1' });
    expect((await rawRequest(s.url, '/version')).text).toBe('2.17.0');
    expect((await rawRequest(s.url, '/health')).text).toBe('OK');
    const unknown = await rawRequest(s.url, '/api/2.0/mlflow/no-such-endpoint');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('<title>404 Not Found</title>');
  });

  it('POST /runlens/demo/reset rebuilds the db', async () => {
    const s = await startDemo();
    const create = () =>
      rawRequest(s.url, '/api/2.0/mlflow/experiments/create', { method: 'POST', body: '{}' });
    await create();
    await create();
    expect((await rawRequest(s.url, '/api/2.0/mlflow/experiments/search')).json()).toEqual({
      count: 2,
    });
    const reset = await rawRequest(s.url, '/runlens/demo/reset', JSON_POST);
    expect(reset.json()).toEqual({ reset: 'default' });
    expect((await rawRequest(s.url, '/api/2.0/mlflow/experiments/search')).json()).toEqual({
      count: 0,
    });
  });

  it('keeps workspaces apart when enabled', async () => {
    const s = await startDemo({ workspaces: true });
    const as = (id: string) => ({ [WORKSPACE_HEADER]: id });
    await rawRequest(s.url, '/api/2.0/mlflow/experiments/create', {
      method: 'POST',
      body: '{}',
      headers: as('a'),
    });
    const search = (h: Record<string, string> = {}) =>
      rawRequest(s.url, '/api/2.0/mlflow/experiments/search', { headers: h }).then((r) => r.json());
    expect(await search(as('a'))).toEqual({ count: 1 });
    expect(await search(as('b'))).toEqual({ count: 0 });
    expect(await search()).toEqual({ count: 0 });
    await rawRequest(s.url, '/runlens/demo/reset', {
      ...JSON_POST,
      headers: { ...JSON_POST.headers, ...as('a') },
    });
    expect(await search(as('a'))).toEqual({ count: 0 });
  });

  it('ignores the workspace header when workspaces are off', async () => {
    const s = await startDemo();
    await rawRequest(s.url, '/api/2.0/mlflow/experiments/create', {
      method: 'POST',
      body: '{}',
      headers: { [WORKSPACE_HEADER]: 'a' },
    });
    expect((await rawRequest(s.url, '/api/2.0/mlflow/experiments/search')).json()).toEqual({
      count: 1,
    });
  });
});

describe('config', () => {
  it('defaults to demo mode on 127.0.0.1:5173', () => {
    const c = readConfig({});
    expect(c).toMatchObject({
      host: '127.0.0.1',
      port: 5173,
      tracking: null,
      demoWorkspaces: false,
    });
  });

  it('reads HOST, PORT and the tracking server with its credentials', () => {
    const c = readConfig({
      HOST: '0.0.0.0',
      PORT: '8080',
      MLFLOW_TRACKING_URI: 'https://mlflow.example.com/tracking/',
      MLFLOW_TRACKING_USERNAME: 'bob',
      MLFLOW_TRACKING_PASSWORD: 'pw',
    });
    expect(c.host).toBe('0.0.0.0');
    expect(c.port).toBe(8080);
    expect(c.tracking).toEqual({
      target: 'https://mlflow.example.com/tracking',
      displayUri: 'https://mlflow.example.com/tracking',
      authorization: 'Basic ' + Buffer.from('bob:pw').toString('base64'),
    });
  });

  it('takes a bearer token, and treats an empty URI as unset', () => {
    expect(
      readConfig({ MLFLOW_TRACKING_URI: 'http://h:5000', MLFLOW_TRACKING_TOKEN: 't' }).tracking
        ?.authorization,
    ).toBe('Bearer t');
    expect(readConfig({ MLFLOW_TRACKING_URI: '  ' }).tracking).toBeNull();
  });

  it('rejects what it cannot use, with a message that says why', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => readConfig({ MLFLOW_TRACKING_URI: 'file:///tmp/mlruns' })).toThrow(
      /http\(s\) URL/,
    );
    expect(() => readConfig({ MLFLOW_TRACKING_URI: 'databricks' })).toThrow(/not a valid URL/);
  });
});

describe('normalizeRequestPath', () => {
  it.each([
    ['/api/2.0/mlflow/runs/get?run_id=1', '/api/2.0/mlflow/runs/get', '?run_id=1'],
    ['/api/2.0/../x', '/api/x', ''],
    ['/api/2.0/mlflow/%2e%2e/x', '/api/2.0/x', ''],
    ['//evil.example/x', '//evil.example/x', ''],
    ['http://evil.example/x', '/http://evil.example/x', ''],
  ])('%s -> %s', (raw, pathname, search) => {
    expect(normalizeRequestPath(raw)).toEqual({ ok: true, pathname, search });
  });

  it.each(['/a/..%2f..%2fb', '/a/%2e%2e%5cb', '/a/%00', '/a/%zz'])('refuses %s', (raw) => {
    expect(normalizeRequestPath(raw).ok).toBe(false);
  });
});

describe('demo answers', () => {
  it('are sent with their length; a big one compressed in one go (br, else gzip), a small one as it is', async () => {
    const big = JSON.stringify({ runs: Array.from({ length: 10_000 }, (_, i) => ({ i })) });
    expect(big.length).toBeGreaterThan(64 * 1024);
    const handlers = () => [
      http.get('/api/2.0/mlflow/runs/big', () =>
        HttpResponse.text(big, { headers: { 'Content-Type': 'application/json' } }),
      ),
      http.get('/api/2.0/mlflow/runs/small', () => HttpResponse.json({ ok: true })),
    ];
    const demo = createDemoBackend(
      { seed: () => null, copy: () => null, handlers },
      { workspaces: false },
    );
    const s = await listen(
      await createApp(makeConfig({ distDir: dist.dir }), { demo, log: silentLogger }),
      '127.0.0.1',
      0,
    );
    running.push(s);
    const br = await rawRequest(s.url, '/api/2.0/mlflow/runs/big', {
      headers: { 'Accept-Encoding': 'gzip, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(big);
    const gz = await rawRequest(s.url, '/api/2.0/mlflow/runs/big', {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(big);
    const small = await rawRequest(s.url, '/api/2.0/mlflow/runs/small', {
      headers: { 'Accept-Encoding': 'gzip, br' },
    });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers['content-length']).toBe(String(small.body.length));
    expect(small.json()).toEqual({ ok: true });
  });
});
