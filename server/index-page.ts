/**
 * index.html, the app's one page: read once, compressed once (brotli and
 * gzip, kept in memory), and served with the app's Content-Security-Policy.
 * The policy allows the page's inline scripts by their sha256, computed from
 * the built file, so they can change without anyone editing a hash by hand.
 * The file is looked at again at most once a second and reloaded when a
 * rebuild changed it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { Request, Response } from 'express';

export interface IndexPage {
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
  etag: string;
  csp: string;
}

/** The `'sha256-...'` source of every inline <script> (one without src). */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const [, attrs = '', body = ''] of html.matchAll(
    /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi,
  )) {
    if (/\bsrc\s*=/i.test(attrs)) continue;
    out.push(`'sha256-${crypto.createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return out;
}

/**
 * No inline script but the page's own (by hash), nothing from other
 * origins. Styles may be inline: React's style attributes and the charts use
 * them. blob: serves artifact previews (images, PDF) the app fetched itself;
 * data: the images the app draws.
 */
export function appContentSecurityPolicy(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "media-src 'self' blob:",
    "object-src 'self' blob:",
    "frame-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

export const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()';

export function buildIndexPage(html: Buffer): IndexPage {
  return {
    identity: html,
    br: zlib.brotliCompressSync(html, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY },
    }),
    gzip: zlib.gzipSync(html, { level: 9 }),
    etag: `"${crypto.createHash('sha1').update(html).digest('base64url')}"`,
    csp: appContentSecurityPolicy(inlineScriptHashes(html.toString('utf8'))),
  };
}

/** index.html as it is on disk now (null when missing), rechecked at most every `recheckMs`. */
export function indexPageSource(file: string, recheckMs = 1000): () => IndexPage | null {
  let page: IndexPage | null = null;
  let stamp = '';
  let checkedAt = -Infinity;
  return () => {
    const now = performance.now();
    if (now - checkedAt < recheckMs) return page;
    checkedAt = now;
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch {
      page = null;
      stamp = '';
      return null;
    }
    const next = `${st.mtimeMs}:${st.size}`;
    if (next !== stamp) {
      page = buildIndexPage(fs.readFileSync(file));
      stamp = next;
    }
    return page;
  };
}

/** Send the page: the precompressed copy the client takes, 304 when it has it already. */
export function sendIndexPage(req: Request, res: Response, page: IndexPage): void {
  res.set({
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-cache',
    ETag: page.etag,
    Vary: 'Accept-Encoding',
    'Content-Security-Policy': page.csp,
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
  });
  if (req.headers['if-none-match'] === page.etag) {
    res.status(304).end();
    return;
  }
  // br when the client takes it at all (browsers list it after gzip, at the same weight)
  const encoding =
    req.acceptsEncodings('br') === 'br'
      ? 'br'
      : req.acceptsEncodings('gzip') === 'gzip'
        ? 'gzip'
        : null;
  const body = encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.identity;
  if (encoding) res.set('Content-Encoding', encoding);
  res.set('Content-Length', String(body.length));
  res.status(200).end(req.method === 'HEAD' ? undefined : body);
}
