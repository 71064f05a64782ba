/**
 * What the proxy sends upstream and hands back, header by header. Runlens
 * trusts nobody in front of it: the client's own forwarding headers and
 * cookies never reach the tracking server, and the tracking server's CORS
 * and cookie headers never reach the browser (README, "Security").
 */
import type http from 'node:http';

/** Hop-by-hop headers (RFC 9110 7.6.1): they describe one connection, never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * Request headers dropped on the way upstream. Forwarding headers are set
 * again from the real connection (a client must not choose the address the
 * tracking server logs or trusts); cookies of Runlens's origin (shared with
 * every other app on localhost) are none of the tracking server's business. The
 * browser's Origin is Runlens's own (the proxy refuses writes from other sites):
 * MLflow 3 refuses writes whose Origin is not localhost, so it is not sent.
 */
const DROPPED_REQUEST = new Set(['host', 'cookie', 'forwarded', 'x-real-ip', 'origin']);

/** Response headers dropped on the way back. */
const DROPPED_RESPONSE = new Set(['set-cookie', 'set-cookie2']);

function connectionTokens(headers: http.IncomingHttpHeaders): Set<string> {
  const raw = headers.connection;
  const list = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
  return new Set(
    list
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  );
}

export interface ForwardedFrom {
  /** The peer address of the connection to Runlens. */
  remoteAddress: string | undefined;
  /** The Host the client asked for (already checked against the allow-list). */
  host: string | undefined;
  /** Injected when the request carries no Authorization of its own. */
  authorization: string | null;
  /** The tracking server's host[:port], sent as Host. */
  upstreamHost: string;
}

export function upstreamRequestHeaders(
  incoming: http.IncomingHttpHeaders,
  from: ForwardedFrom,
): http.OutgoingHttpHeaders {
  const perConnection = connectionTokens(incoming);
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    if (HOP_BY_HOP.has(name) || perConnection.has(name) || DROPPED_REQUEST.has(name)) continue;
    if (name.startsWith('x-forwarded-')) continue;
    out[name] = value;
  }
  out.host = from.upstreamHost;
  if (from.remoteAddress) out['x-forwarded-for'] = from.remoteAddress;
  out['x-forwarded-proto'] = 'http';
  if (from.host) out['x-forwarded-host'] = from.host;
  if (!incoming.authorization && from.authorization) out.authorization = from.authorization;
  return out;
}

export function clientResponseHeaders(
  upstream: http.IncomingHttpHeaders,
): http.OutgoingHttpHeaders {
  const perConnection = connectionTokens(upstream);
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(upstream)) {
    if (value === undefined) continue;
    if (HOP_BY_HOP.has(name) || perConnection.has(name) || DROPPED_RESPONSE.has(name)) continue;
    // The browser talks to Runlens, same-origin: CORS grants of the tracking
    // server (`Access-Control-Allow-Origin: *`) would let any web page read
    // through Runlens with the credentials it adds.
    if (name.startsWith('access-control-')) continue;
    out[name] = value;
  }
  return out;
}

/**
 * The basic-auth app's account and permission endpoints (mlflow/server/auth/
 * routes.py, 2.17 and 3.x): users/*, roles/*, and every .../permissions/...
 * path. Runlens never sends these with the credentials it injects.
 */
const ACCOUNT_MANAGEMENT =
  /^\/(?:ajax-)?api\/2\.0\/mlflow\/(?:(?:users|roles)(?:\/|$)|(?:.*\/)?permissions(?:\/|$))/;

export function isAccountManagementPath(pathname: string): boolean {
  return ACCOUNT_MANAGEMENT.test(pathname);
}
