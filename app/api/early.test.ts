import { afterEach, describe, expect, it, vi } from 'vitest';
import { takeEarlyResponse } from './early';
import { requestText } from './http';

afterEach(() => {
  window.__runlensEarly = undefined;
  vi.unstubAllGlobals();
});

const url = '/ajax-api/2.0/mlflow/get-trace-artifact?request_id=tr-1';
const abs = (u: string) => new URL(u, location.href).toString();

/** What index.html's script resolves to: the status, the headers and the body read as text. */
function reply(text: string, status = 200, contentType = 'application/json') {
  return Promise.resolve({ status, headers: new Headers({ 'content-type': contentType }), text });
}

describe('early requests from index.html', () => {
  it('are handed out once, for the same URL only', async () => {
    window.__runlensEarly = [{ url, res: reply('spans') }];
    expect(
      takeEarlyResponse(abs('/ajax-api/2.0/mlflow/get-trace-artifact?request_id=tr-2')),
    ).toBeNull();
    const res = await takeEarlyResponse(abs(url));
    expect(res?.ok).toBe(true);
    expect(await res?.text()).toBe('spans');
    expect(takeEarlyResponse(abs(url))).toBeNull();
  });

  it('are found among several, each handed out once', async () => {
    const info = '/api/2.0/mlflow/traces/tr-1/info';
    window.__runlensEarly = [
      { url, res: reply('spans') },
      { url: info, res: reply('info') },
    ];
    expect(await (await takeEarlyResponse(abs(info)))?.text()).toBe('info');
    expect(takeEarlyResponse(abs(info))).toBeNull();
    expect(await (await takeEarlyResponse(abs(url)))?.text()).toBe('spans');
    expect(window.__runlensEarly).toBeUndefined();
  });

  it('are taken over by the client instead of a second fetch', async () => {
    const fetchSpy = vi.fn(async () => new Response('from fetch'));
    vi.stubGlobal('fetch', fetchSpy);
    window.__runlensEarly = [{ url, res: reply('from index.html') }];
    expect(
      await requestText('/ajax-api/2.0/mlflow/get-trace-artifact', {
        query: { request_id: 'tr-1' },
      }),
    ).toBe('from index.html');
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(
      await requestText('/ajax-api/2.0/mlflow/get-trace-artifact', {
        query: { request_id: 'tr-1' },
      }),
    ).toBe('from fetch');
  });

  it("report a server's error with its message, like any request", async () => {
    const body = JSON.stringify({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: 'Trace with ID tr-1 not found.',
    });
    window.__runlensEarly = [{ url, res: reply(body, 404) }];
    await expect(
      requestText('/ajax-api/2.0/mlflow/get-trace-artifact', { query: { request_id: 'tr-1' } }),
    ).rejects.toMatchObject({
      status: 404,
      errorCode: 'RESOURCE_DOES_NOT_EXIST',
      message: 'Trace with ID tr-1 not found.',
    });
  });

  it('fail like any request when the early one failed', async () => {
    const failed = Promise.reject(new TypeError('Failed to fetch'));
    failed.catch(() => undefined);
    window.__runlensEarly = [{ url, res: failed }];
    await expect(
      requestText('/ajax-api/2.0/mlflow/get-trace-artifact', { query: { request_id: 'tr-1' } }),
    ).rejects.toMatchObject({
      errorCode: 'NETWORK_ERROR',
    });
  });
});
