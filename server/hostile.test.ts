// @vitest-environment node
/**
 * Proxy mode with injected credentials, against clients that are not the
 * Runlens UI: other sites (DNS rebinding, CORS), forged forwarding headers,
 * malformed Host headers, account management through Runlens's account.
 */
import net from 'node:net';
import { at } from '../app/lib/at';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { makeConfig, parseTrackingUri, type ServerConfig } from './config';
import { listen, type RunningServer } from './listen';
import { memoryLogger, silentLogger, type Logger } from './log';
import { makeDist, rawRequest, startUpstream, type Upstream } from '../tools/test-helpers';

const dist = makeDist();
let upstream: Upstream;
const running: RunningServer[] = [];
const INJECTED = 'Basic ' + Buffer.from('runlens:s3cret').toString('base64');

async function start(overrides: Partial<ServerConfig> = {}, log: Logger = silentLogger) {
  const config = makeConfig({
    distDir: dist.dir,
    tracking: parseTrackingUri(`http://runlens:s3cret@127.0.0.1:${upstream.port}`),
    ...overrides,
  });
  const s = await listen(await createApp(config, { log }), '127.0.0.1', 0);
  running.push(s);
  return s;
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

/** A request with exactly this Host line (http.request would check it first). */
function withHost(base: string, host: string, path = '/api/2.0/mlflow/experiments/search') {
  const u = new URL(base);
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const sock = net.connect(Number(u.port), u.hostname, () => {
      sock.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    });
    let raw = '';
    sock.setEncoding('utf8');
    sock.on('data', (d: string) => (raw += d));
    sock.on('end', () =>
      resolve({ status: Number(raw.split(' ')[1]), text: raw.slice(raw.indexOf('\r\n\r\n') + 4) }),
    );
    sock.on('error', reject);
  });
}

describe('account management with injected credentials', () => {
  it.each([
    ['POST', '/api/2.0/mlflow/users/create'],
    ['PATCH', '/api/2.0/mlflow/users/update-password'],
    ['DELETE', '/ajax-api/2.0/mlflow/users/delete'],
    ['POST', '/api/2.0/mlflow/experiments/permissions/create'],
    ['PATCH', '/api/2.0/mlflow/registered-models/permissions/update'],
  ])('%s %s is refused, not sent as the configured account', async (method, p) => {
    const s = await start();
    const res = await rawRequest(s.url, p, {
      method,
      body: '{"username":"mallory","password":"x"}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(403);
    expect(res.json<{ message: string }>().message).toMatch(/account or permission requests/);
    expect(upstream.seen).toEqual([]);
  });

  it("passes them on with the browser's own credentials, and other paths with the configured ones", async () => {
    const s = await start();
    await rawRequest(s.url, '/api/2.0/mlflow/users/get?username=a', {
      headers: { Authorization: 'Basic YWRtaW46cHc=' },
    });
    await rawRequest(s.url, '/api/2.0/mlflow/experiments/search');
    expect(upstream.seen.map((r) => r.headers.authorization)).toEqual([
      'Basic YWRtaW46cHc=',
      INJECTED,
    ]);
  });
});

describe('Host allow-list (DNS rebinding)', () => {
  it('refuses another name for 127.0.0.1 with 421 and a clear message', async () => {
    const s = await start();
    const res = await withHost(s.url, `rebind.attacker.example:${s.port}`);
    expect(res.status).toBe(421);
    expect(JSON.parse(res.text)).toMatchObject({ error_code: 'HOST_NOT_ALLOWED' });
    expect(JSON.parse(res.text).message).toMatch(/RUNLENS_ALLOWED_HOSTS/);
    expect(upstream.seen).toEqual([]);
  });

  it('answers localhost, 127.0.0.1 and [::1] on its port, and names from the setting', async () => {
    const s = await start({ allowedHosts: [{ name: 'runlens.example.com', port: null }] });
    for (const host of [
      `localhost:${s.port}`,
      `127.0.0.1:${s.port}`,
      `[::1]:${s.port}`,
      'runlens.example.com',
    ]) {
      expect((await withHost(s.url, host)).status, host).toBe(200);
    }
    expect((await withHost(s.url, `localhost:${s.port + 1}`)).status).toBe(421);
    expect((await withHost(s.url, 'other.example.com')).status).toBe(421);
  });

  it.each(['a b', '[::1', 'x:99999', 'a/b'])(
    'answers a malformed Host (%s) with 400, without logging',
    async (host) => {
      const log = memoryLogger();
      const s = await start({}, log);
      const res = await withHost(s.url, host);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text)).toMatchObject({ error_code: 'BAD_REQUEST' });
      expect(log.lines).toEqual([]);
    },
  );

  it('answers a malformed Host with 400 in demo mode too', async () => {
    const log = memoryLogger();
    const s = await start({ tracking: null }, log);
    const res = await withHost(s.url, 'a b', '/api/2.0/mlflow/experiments/search');
    expect(res.status).toBe(400);
    expect(log.lines.filter((l) => l.startsWith('error'))).toEqual([]);
  });
});

describe('what crosses the proxy', () => {
  it('drops CORS grants and cookies of the tracking server', async () => {
    upstream.handle = (_req, res) => {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Credentials': 'true',
        'Set-Cookie': 'session=abc; Path=/',
      });
      res.end('{}');
    };
    const s = await start();
    const res = await rawRequest(s.url, '/api/2.0/mlflow/experiments/search', {
      headers: { Origin: 'https://evil.example' },
    });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('sends its own X-Forwarded-* from the real connection, never the client ones, and no cookies', async () => {
    const s = await start();
    await rawRequest(s.url, '/api/2.0/mlflow/experiments/search', {
      headers: {
        'X-Forwarded-For': '6.6.6.6',
        'X-Forwarded-Host': 'evil.example',
        'X-Forwarded-Proto': 'https',
        Forwarded: 'for=6.6.6.6',
        'X-Real-IP': '6.6.6.6',
        Cookie: 'other-app-on-localhost=secret',
      },
    });
    const h = at(upstream.seen, 0).headers;
    expect(h['x-forwarded-for']).toBe('127.0.0.1');
    expect(h['x-forwarded-host']).toBe(`127.0.0.1:${s.port}`);
    expect(h['x-forwarded-proto']).toBe('http');
    expect(h.forwarded).toBeUndefined();
    expect(h['x-real-ip']).toBeUndefined();
    expect(h.cookie).toBeUndefined();
  });
});

describe('Origin (cross-site writes; MLflow 3 refuses writes from a non-localhost Origin)', () => {
  it('refuses a write from another site, and forwards its own writes without the Origin header', async () => {
    const s = await start();
    const foreign = await rawRequest(s.url, '/api/2.0/mlflow/runs/search', {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(upstream.seen).toEqual([]);
    const own = await rawRequest(s.url, '/api/2.0/mlflow/runs/search', {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json', Origin: s.url },
    });
    expect(own.status).toBe(200);
    expect(upstream.seen).toHaveLength(1);
    expect(at(upstream.seen, 0).headers.origin).toBeUndefined();
  });
});
