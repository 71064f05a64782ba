/**
 * Which request paths belong to the MLflow tracking server. Only these are
 * proxied (or answered by the demo backend); everything else is Runlens's own.
 */

/**
 * Prefixes of MLflow's REST API (mlflow-artifacts lives under both too). 3.x
 * adds the v3 API (traces, assessments, ...) under /api/3.0 and /ajax-api/3.0.
 */
const API_PREFIXES = ['/api/2.0/', '/ajax-api/2.0/', '/api/3.0/', '/ajax-api/3.0/'];
/** Exact paths MLflow's server answers outside the REST API. */
const EXACT_PATHS = new Set([
  '/get-artifact',
  '/model-versions/get-artifact',
  '/version',
  '/health',
]);

/** Artifact downloads: served to the browser with a sandbox CSP (an SVG or HTML artifact must not run as Runlens). */
const ARTIFACT_DOWNLOAD = [
  /^\/get-artifact$/,
  /^\/model-versions\/get-artifact$/,
  /^\/(?:ajax-)?api\/2\.0\/mlflow-artifacts\/artifacts\/./,
  /^\/ajax-api\/[23]\.0\/mlflow\/get-trace-artifact$/,
  /^\/ajax-api\/2\.0\/mlflow\/logged-models\/[^/]+\/artifacts\/files$/,
];

export type NormalizedPath =
  { ok: true; pathname: string; search: string } | { ok: false; reason: string };

/**
 * Resolve a raw request target to a clean absolute path. Dot segments are
 * resolved as a browser would (`/api/2.0/../x` -> `/api/x`, percent-encoded
 * dots included), so a prefix check on the result cannot be escaped. Targets
 * whose decoded segments still hold `..`, a slash, a backslash or NUL are
 * refused: a path with those has no business reaching the tracking server.
 */
export function normalizeRequestPath(rawUrl: string): NormalizedPath {
  // Absolute-form targets ("GET http://evil/ HTTP/1.1") and "//host" must stay paths.
  const target = rawUrl.startsWith('/') ? rawUrl : '/' + rawUrl;
  let url: URL;
  try {
    url = new URL('http://runlens.invalid' + target);
  } catch {
    return { ok: false, reason: 'malformed request target' };
  }
  if (url.host !== 'runlens.invalid') return { ok: false, reason: 'malformed request target' };
  const pathname = url.pathname;
  for (const segment of pathname.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return { ok: false, reason: 'malformed percent-encoding in path' };
    }
    if (decoded === '..' || decoded === '.' || /[/\\\0]/.test(decoded)) {
      return { ok: false, reason: 'path segment not allowed' };
    }
  }
  return { ok: true, pathname, search: url.search };
}

export function isMlflowPath(pathname: string): boolean {
  return EXACT_PATHS.has(pathname) || API_PREFIXES.some((p) => pathname.startsWith(p));
}

export function isArtifactDownloadPath(pathname: string): boolean {
  return ARTIFACT_DOWNLOAD.some((re) => re.test(pathname));
}

/** Paths that never fall back to index.html: the API, Runlens's own endpoints and built assets. */
export function isNonPagePath(pathname: string): boolean {
  return (
    isMlflowPath(pathname) ||
    pathname === '/api' ||
    pathname.startsWith('/api/') ||
    pathname.startsWith('/ajax-api/') ||
    pathname.startsWith('/runlens/') ||
    pathname.startsWith('/assets/')
  );
}
