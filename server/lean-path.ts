/**
 * The lean path for plain MLflow API requests in proxy mode: they go straight
 * from node:http to the proxy, without Express's router, middleware chain
 * and response wrappers, which cost more CPU per request than the proxying
 * itself (proxied throughput was 15-19% of the tracking server's direct
 * throughput under 200 clients; bench `proxy-load`).
 *
 * Only requests whose every check is trivially passed take it: a Host on the
 * allow-list, a request target that path normalization would leave as it is
 * (no dot segments, no percent-encoding in the path, no characters the URL
 * parser would rewrite), an MLflow API path that is not an artifact
 * download. Everything else goes through Express (app.ts) as before, which
 * answers the refusals (400, 421, ...) and sets the artifact sandbox. The
 * proxy itself (account-management refusal, cross-site writes, headers,
 * timeouts, error shapes, compression of big answers) is the same handler on
 * both paths.
 */
import type http from 'node:http';
import { checkHost, type HostGuardOptions } from './host-guard';
import { isArtifactDownloadPath, isMlflowPath } from './mlflow-paths';
import type { ProxyHandler } from './proxy';

/** Headers app.ts's path gate sets on every answer; the lean path sets the same. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'SAMEORIGIN',
};

/**
 * Non-empty path segments of unreserved characters that do not start with a
 * dot (so no `.` or `..`), and a query of characters the WHATWG URL parser
 * keeps as they are: such a target normalizes to itself.
 */
const PLAIN_TARGET =
  /^(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+(?:\?[A-Za-z0-9._~%!$&()*+,;=:@/?-]+)?$/;

export function isPlainTarget(url: string): boolean {
  return PLAIN_TARGET.test(url);
}

export function leanMlflowPath(
  hosts: HostGuardOptions,
  proxy: ProxyHandler,
): (req: http.IncomingMessage, res: http.ServerResponse) => boolean {
  return (req, res) => {
    const url = req.url ?? '';
    if (!isPlainTarget(url)) return false;
    const q = url.indexOf('?');
    const pathname = q < 0 ? url : url.slice(0, q);
    if (!isMlflowPath(pathname) || isArtifactDownloadPath(pathname)) return false;
    if (checkHost(req.headers.host, req.socket.localPort, hosts) !== 'ok') return false;
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    proxy(req, res);
    return true;
  };
}
