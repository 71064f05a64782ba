import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { endpoints } from './endpoints';
import { takeEarlyResponse } from './early';
import { requestText } from './http';

afterEach(() => {
  window.__runlensEarly = undefined;
  vi.unstubAllGlobals();
});

const url = '/ajax-api/2.0/mlflow/get-trace-artifact?request_id=tr-1';

describe('early requests from index.html', () => {
  it('are handed out once, for the same URL only', async () => {
    const res = Promise.resolve(new Response('spans'));
    window.__runlensEarly = { url, res };
    expect(takeEarlyResponse(new URL('/ajax-api/2.0/mlflow/get-trace-artifact?request_id=tr-2', location.href).toString())).toBeNull();
    expect(takeEarlyResponse(new URL(url, location.href).toString())).toBe(res);
    expect(takeEarlyResponse(new URL(url, location.href).toString())).toBeNull();
  });

  it('are taken over by the client instead of a second fetch', async () => {
    const fetchSpy = vi.fn(async () => new Response('from fetch'));
    vi.stubGlobal('fetch', fetchSpy);
    window.__runlensEarly = { url, res: Promise.resolve(new Response('from index.html')) };
    expect(await requestText('/ajax-api/2.0/mlflow/get-trace-artifact', { query: { request_id: 'tr-1' } })).toBe('from index.html');
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(await requestText('/ajax-api/2.0/mlflow/get-trace-artifact', { query: { request_id: 'tr-1' } })).toBe('from fetch');
  });

  it('fail like any request when the early one failed', async () => {
    const failed = Promise.reject(new TypeError('Failed to fetch'));
    failed.catch(() => undefined);
    window.__runlensEarly = { url, res: failed };
    await expect(requestText('/ajax-api/2.0/mlflow/get-trace-artifact', { query: { request_id: 'tr-1' } })).rejects.toMatchObject({
      errorCode: 'NETWORK_ERROR',
    });
  });
});

describe('the early request in index.html', () => {
  it('asks for the URL the client builds for the span data (so the client takes it over)', () => {
    const html = fs.readFileSync(path.resolve(process.cwd(), 'index.html'), 'utf8');
    const early = /var u = '([^'?]+)\?' \+ new URLSearchParams\(\{ request_id: /.exec(html)?.[1];
    expect(early).toBe(endpoints.traces.artifact);
  });
});
