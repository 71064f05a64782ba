// @vitest-environment node
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { storedBody } from './http';

const headers = { 'Content-Type': 'text/plain' };
const big = 'row,value\n'.repeat(40_000); // 400 kB
const gzipRequest = new Request('http://x/get-artifact', {
  headers: { 'Accept-Encoding': 'gzip, br' },
});

describe('storedBody (big artifacts and traces over HTTP)', () => {
  it('sends a big body gzipped when the request accepts gzip, compressing it only once', async () => {
    const key = {};
    const first = await storedBody(gzipRequest, key, big, headers);
    expect(first.headers.get('Content-Encoding')).toBe('gzip');
    const bytes = new Uint8Array(await first.arrayBuffer());
    expect(gunzipSync(bytes).toString()).toBe(big);
    expect(Number(first.headers.get('Content-Length'))).toBe(bytes.byteLength);
    const again = await storedBody(gzipRequest, key, big, headers);
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(bytes);
  });

  it('sends the body as is when it is small, when gzip is not accepted, or without a request', async () => {
    const plain = new Request('http://x/get-artifact');
    for (const [req, body] of [
      [gzipRequest, 'small'],
      [plain, big],
      [undefined, big],
    ] as const) {
      const res = await storedBody(req, {}, body, headers);
      expect(res.headers.get('Content-Encoding')).toBeNull();
      expect(await res.text()).toBe(body);
    }
  });

  it('sends bytes (a binary artifact) unchanged', async () => {
    const png = new Uint8Array([137, 80, 78, 71, 0, 255]);
    const res = await storedBody(undefined, {}, png, { 'Content-Type': 'image/png' });
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(png);
  });
});
