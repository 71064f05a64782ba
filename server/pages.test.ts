// @vitest-environment node
/**
 * The app's page (index.html): compressed once and sent as stored, with a
 * Content-Security-Policy that allows exactly its inline scripts; and the
 * start-up configuration's error messages (no password, no stack trace).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { ConfigError, makeConfig, readConfig } from './config';
import { createDemoBackend } from './demo';
import { listen, type RunningServer } from './listen';
import { silentLogger } from './log';
import { makeDist, rawRequest } from '../tools/test-helpers';

const dist = makeDist();
const running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});
afterAll(() => dist.cleanup());

const noData = { seed: () => null, copy: () => null, handlers: () => [] };
const PAGE = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

function writeIndex(scripts: string[]): string[] {
  const html =
    '<!doctype html><html><head>' +
    scripts.map((s) => `<script>${s}</script>`).join('\n') +
    '<script type="module" src="/assets/index-Ab12Cd34.js"></script></head>' +
    `<body><div id="root"></div>${'<p>padding</p>'.repeat(200)}</body></html>`;
  fs.writeFileSync(path.join(dist.dir, 'index.html'), html);
  return scripts.map((s) => `'sha256-${crypto.createHash('sha256').update(s).digest('base64')}'`);
}

async function start() {
  const app = await createApp(makeConfig({ distDir: dist.dir }), {
    demo: createDemoBackend(noData, { workspaces: false }),
    log: silentLogger,
  });
  const s = await listen(app, '127.0.0.1', 0);
  running.push(s);
  return s;
}

describe('index.html', () => {
  it('is sent precompressed (br, gzip) with its length, the same bytes every time', async () => {
    writeIndex(['window.a = 1;']);
    const s = await start();
    const html = fs.readFileSync(path.join(dist.dir, 'index.html'), 'utf8');
    const first = await rawRequest(s.url, '/experiments/1', {
      headers: { ...PAGE, 'Accept-Encoding': 'gzip, deflate, br, zstd' },
    });
    expect(first.headers['content-encoding']).toBe('br');
    // A stored copy has a length; compressing per request streams without one.
    expect(first.headers['content-length']).toBe(String(first.body.length));
    expect(zlib.brotliDecompressSync(first.body).toString()).toBe(html);
    const again = await rawRequest(s.url, '/', { headers: { ...PAGE, 'Accept-Encoding': 'br' } });
    expect(again.body.equals(first.body)).toBe(true);
    const gz = await rawRequest(s.url, '/', { headers: { ...PAGE, 'Accept-Encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(html);
    const etag = String(first.headers.etag);
    const cached = await rawRequest(s.url, '/', { headers: { ...PAGE, 'If-None-Match': etag } });
    expect(cached.status).toBe(304);
  });

  it('carries a CSP that allows its inline scripts by hash and no other inline script', async () => {
    const hashes = writeIndex(['window.early = [];', 'document.documentElement.dataset.x = "1";']);
    const s = await start();
    for (const p of ['/', '/experiments/1/runs/abc', '/index.html']) {
      const res = await rawRequest(s.url, p, { headers: PAGE });
      const csp = String(res.headers['content-security-policy']);
      const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
      expect(scriptSrc, p).not.toContain('unsafe-inline');
      expect(scriptSrc, p).toContain("'self'");
      for (const h of hashes) expect(scriptSrc, p).toContain(h);
      expect(csp).toMatch(/object-src/);
      expect(csp).toMatch(/frame-ancestors 'self'/);
      expect(res.headers['permissions-policy']).toMatch(/camera=\(\)/);
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    }
  });

  it('follows a rebuild: new inline scripts, new hashes', async () => {
    writeIndex(['window.v = 1;']);
    const s = await start();
    await rawRequest(s.url, '/', { headers: PAGE });
    const [next] = writeIndex(['window.v = 2;']);
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(dist.dir, 'index.html'), later, later);
    await new Promise((r) => setTimeout(r, 1100));
    const res = await rawRequest(s.url, '/', { headers: PAGE });
    expect(String(res.headers['content-security-policy'])).toContain(next);
    expect(res.text).toContain('window.v = 2;');
  });
});

describe('start-up configuration errors', () => {
  it('never print the password of a tracking URI that is not a valid URL', () => {
    let message = '';
    try {
      readConfig({ MLFLOW_TRACKING_URI: 'http://alice:pa/ss-w0rd@mlflow.example:99999' });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/not a valid URL/);
    expect(message).not.toContain('pa/ss-w0rd');
    expect(message).not.toContain('w0rd');
  });

  it('explain a bare % in the password instead of crashing', () => {
    expect(() => readConfig({ MLFLOW_TRACKING_URI: 'http://alice:50%off@127.0.0.1:5000' })).toThrow(
      ConfigError,
    );
    expect(() => readConfig({ MLFLOW_TRACKING_URI: 'http://alice:50%off@127.0.0.1:5000' })).toThrow(
      /%25/,
    );
  });

  it('read RUNLENS_ALLOWED_HOSTS, and refuse an entry that is not a host', () => {
    expect(
      readConfig({ RUNLENS_ALLOWED_HOSTS: 'runlens.example.com, [::1]:8080' }).allowedHosts,
    ).toEqual([
      { name: 'runlens.example.com', port: null },
      { name: '::1', port: 8080 },
    ]);
    expect(readConfig({ RUNLENS_ALLOWED_HOSTS: '*' }).allowedHosts).toBe('*');
    expect(() => readConfig({ RUNLENS_ALLOWED_HOSTS: 'http://x/' })).toThrow(ConfigError);
  });
});
