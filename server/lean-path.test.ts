// @vitest-environment node
/**
 * The lean path for plain MLflow API requests in proxy mode: which targets
 * may skip Express, and that an answer taken that way looks like one that
 * went through Express (security headers, compression of big answers).
 */
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { makeConfig, parseTrackingUri } from './config';
import { isPlainTarget } from './lean-path';
import { listen, type RunningServer } from './listen';
import { silentLogger } from './log';
import { makeDist, rawRequest, startUpstream, type Upstream } from '../tools/test-helpers';

describe('isPlainTarget', () => {
  it('takes the targets the UI sends', () => {
    for (const t of [
      '/api/2.0/mlflow/experiments/search?max_results=20',
      '/ajax-api/2.0/mlflow/runs/get?run_id=0a1b',
      '/ajax-api/2.0/mlflow/metrics/get-history?run_id=x&metric_key=loss%2Fval',
      '/api/2.0/mlflow/runs/search',
      '/version',
    ])
      expect(isPlainTarget(t), t).toBe(true);
  });

  it('leaves to Express every target that normalization would change or refuse', () => {
    for (const t of [
      '/api/2.0/mlflow/../../x',
      '/api/2.0/mlflow/./x',
      '/api/2.0/mlflow/..',
      '/api/2.0/mlflow/%2e%2e/x',
      '/api/2.0/mlflow/a%2Fb',
      '/api//2.0/mlflow/x',
      '//evil.example/api/2.0/mlflow/x',
      'http://evil.example/api/2.0/mlflow/x',
      '/api/2.0/mlflow/x/',
      '/api/2.0/mlflow/x?',
      "/api/2.0/mlflow/x?a='b'",
      '/api/2.0/mlflow/x?a=b c',
      '/api/2.0/mlflow/x?a=<b>',
      '/api/2.0/mlflow/x#frag',
      '/api/2.0/mlflow/x\\y',
      '',
    ])
      expect(isPlainTarget(t), t).toBe(false);
  });
});

describe('an answer on the lean path', () => {
  const dist = makeDist();
  let upstream: Upstream;
  let s: RunningServer;
  beforeAll(async () => {
    upstream = await startUpstream();
    const config = makeConfig({ distDir: dist.dir, tracking: parseTrackingUri(upstream.url) });
    s = await listen(await createApp(config, { log: silentLogger }), '127.0.0.1', 0);
  });
  afterAll(async () => {
    await s.close();
    await upstream.close();
    dist.cleanup();
  });

  it('carries the same security headers as one that went through Express', async () => {
    const lean = await rawRequest(s.url, '/api/2.0/mlflow/experiments/search?max_results=1');
    // Percent-encoding in the path: not plain, so through Express's path gate.
    const express = await rawRequest(s.url, '/api/2.0/mlflow/experiments/%73earch');
    for (const res of [lean, express]) {
      expect(res.status).toBe(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    }
  });

  it('compresses a big JSON answer (br, else gzip) and leaves a HEAD alone', async () => {
    const body = JSON.stringify({ runs: Array.from({ length: 10_000 }, (_, i) => ({ i })) });
    upstream.handle = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
      res.end(body);
    };
    expect(body.length).toBeGreaterThan(64 * 1024);
    const path = '/api/2.0/mlflow/runs/search';
    const br = await rawRequest(s.url, path, { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(body);
    const gz = await rawRequest(s.url, path, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(body);
    const plain = await rawRequest(s.url, path, { headers: { 'Accept-Encoding': 'br;q=0' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(body);
    const head = await rawRequest(s.url, path, {
      method: 'HEAD',
      headers: { 'Accept-Encoding': 'br' },
    });
    expect(head.headers['content-encoding']).toBeUndefined();
  });
});
