/**
 * Compression of proxied answers, decided once per answer from its headers:
 * only big (or unknown-length) text answers the client can decode, with the
 * tracking server's own encoding left alone. Small answers pass through as
 * they came: compressing every small API answer cost more CPU than the bytes
 * it saved, and held proxied throughput to a fraction of the tracking server's.
 */
import type http from 'node:http';
import zlib from 'node:zlib';

/** Answers from this size on are compressed (below it the CPU costs more than the bytes saved). */
export const COMPRESS_FROM_BYTES = 64 * 1024;

const TEXTUAL =
  /^(?:text\/|application\/(?:json|[\w.+-]+\+json|x-ndjson|javascript|xml|[\w.+-]+\+xml|csv|yaml|x-yaml)\b|image\/svg\+xml\b)/i;

/** br when the client takes it at all, else gzip, else null (q=0 refuses). */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  if (!acceptEncoding) return null;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(token, qParam ? Number(qParam.slice(2)) || 0 : 1);
  }
  const accepts = (e: string) => (q.get(e) ?? q.get('*') ?? 0) > 0;
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : null;
}

/**
 * The encoding to send this answer in, or null to send it as it is. When not
 * null, `headers` has been changed to match (Content-Encoding, Vary, no
 * Content-Length).
 */
export function answerEncoding(
  method: string | undefined,
  acceptEncoding: string | undefined,
  status: number,
  headers: http.OutgoingHttpHeaders,
): 'br' | 'gzip' | null {
  if (method === 'HEAD' || status < 200 || status === 204 || status === 304) return null;
  if (headers['content-encoding']) return null;
  const length = headers['content-length'];
  if (length !== undefined && Number(length) < COMPRESS_FROM_BYTES) return null;
  if (!TEXTUAL.test(String(headers['content-type'] ?? ''))) return null;
  if (/\bno-transform\b/i.test(String(headers['cache-control'] ?? ''))) return null;
  headers.vary = headers.vary ? `${String(headers.vary)}, Accept-Encoding` : 'Accept-Encoding';
  const encoding = pickEncoding(acceptEncoding);
  if (!encoding) return null;
  delete headers['content-length'];
  headers['content-encoding'] = encoding;
  return encoding;
}

/**
 * A small brotli window: at the default (4 MB) 200 answers compressed at once
 * held over 500 MB of native memory; 64 KB compresses JSON answers about as well.
 */
export const BROTLI_OPTIONS: zlib.BrotliOptions = {
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 1,
    [zlib.constants.BROTLI_PARAM_LGWIN]: 16,
  },
};
export const GZIP_OPTIONS: zlib.ZlibOptions = { level: 1 };

/** A streaming compressor for this answer (see answerEncoding), or null. */
export function answerCompressor(
  method: string | undefined,
  acceptEncoding: string | undefined,
  status: number,
  headers: http.OutgoingHttpHeaders,
): zlib.BrotliCompress | zlib.Gzip | null {
  const encoding = answerEncoding(method, acceptEncoding, status, headers);
  if (encoding === 'br') return zlib.createBrotliCompress(BROTLI_OPTIONS);
  if (encoding === 'gzip') return zlib.createGzip(GZIP_OPTIONS);
  return null;
}
