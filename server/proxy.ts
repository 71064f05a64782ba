/**
 * The proxy to one MLflow tracking server. Mounted after the path gate and the
 * host check in app.ts, so it only ever sees normalized MLflow paths; the
 * target is fixed at start-up, so this is never an open proxy. Bodies stream
 * through untouched both ways (nothing parses them), Authorization passes
 * through, headers are filtered as proxy-headers.ts says, an unreachable
 * server becomes a 502 JSON body the UI can explain, and an answer cut short
 * upstream is cut short for the client too, at once.
 */
import http from 'node:http';
import https from 'node:https';
import type { TrackingServer } from './config';
import type { Logger } from './log';
import { answerCompressor } from './proxy-compress';
import {
  clientResponseHeaders,
  isAccountManagementPath,
  upstreamRequestHeaders,
} from './proxy-headers';

export interface ProxyOptions {
  tracking: TrackingServer;
  verifyTls: boolean;
  connectTimeoutMs: number;
  idleTimeoutMs: number;
  log: Logger;
}

interface NodeError extends Error {
  code?: string;
}

/** Network failure codes that mean "the tracking server cannot be reached". */
export function describeNetworkError(
  err: NodeError,
  opts: { connectTimeoutMs: number; idleTimeoutMs: number },
): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return 'connection refused (is `mlflow server` running on that host and port?)';
    case 'ENOTFOUND':
      return 'host not found (DNS lookup failed)';
    case 'EAI_AGAIN':
      return 'host name could not be resolved right now (DNS temporary failure)';
    case 'RUNLENS_CONNECT_TIMEOUT':
      return `no connection within ${Math.round(opts.connectTimeoutMs / 1000)}s (connect timed out)`;
    case 'RUNLENS_IDLE_TIMEOUT':
      return `no answer within ${Math.round(opts.idleTimeoutMs / 1000)}s (timed out)`;
    case 'RUNLENS_CUT_SHORT':
      return 'the answer was cut short (the connection closed mid-body)';
    case 'ETIMEDOUT':
      return 'connection timed out';
    case 'ECONNRESET':
      return 'connection reset by the server';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable (network)';
    case 'EPIPE':
      return 'connection closed by the server';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'CERT_HAS_EXPIRED':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `TLS certificate not accepted (${err.code}); set MLFLOW_TRACKING_INSECURE_TLS=true to skip verification`;
    default:
      return err.code ? `${err.message} (${err.code})` : err.message || 'unknown network error';
  }
}

export function unreachableBody(displayUri: string, reason: string) {
  return {
    error_code: 'TRACKING_SERVER_UNREACHABLE',
    message: `Cannot reach the MLflow tracking server at ${displayUri}: ${reason}`,
  };
}

function timeoutError(code: string): NodeError {
  const e: NodeError = new Error(code);
  e.code = code;
  return e;
}

/** One log line per failure reason every 30s, with a count of the ones held back. */
function throttledWarn(log: Logger) {
  const last = new Map<string, { at: number; held: number }>();
  return (key: string, line: string) => {
    const now = Date.now();
    const seen = last.get(key);
    if (seen && now - seen.at < 30_000) {
      seen.held += 1;
      return;
    }
    const held = seen?.held ?? 0;
    last.set(key, { at: now, held: 0 });
    log.warn(held ? `${line} (${held} similar failure(s) not shown)` : line);
  };
}

/**
 * Keep-alive sockets to the tracking server. An idle socket is dropped after
 * 1.5 s: gunicorn (what `mlflow server` runs on) closes them after 2 s, and
 * reusing one it is closing at that moment fails the request with ECONNRESET.
 * That timeout is set on free sockets only (the agent's own `timeout` option
 * would also run while connecting and while waiting for an answer, cutting
 * both short). The pool is large enough for every client a browser-facing
 * server meets at once; past it, requests queue.
 */
export const FREE_SOCKET_TIMEOUT_MS = 1500;

function upstreamAgent(isHttps: boolean, verifyTls: boolean): http.Agent {
  const options = {
    keepAlive: true,
    maxSockets: 256,
    maxFreeSockets: 256,
    scheduling: 'lifo' as const,
  };
  const agent = isHttps
    ? new https.Agent({ ...options, rejectUnauthorized: verifyTls })
    : new http.Agent(options);
  // Runs after the agent's own 'free' listener, which resets the timeout to the option (none).
  agent.on('free', (socket: import('node:net').Socket) =>
    socket.setTimeout(FREE_SOCKET_TIMEOUT_MS),
  );
  return agent;
}

function sendJson(res: http.ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return !!host && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * Raw node:http in and out (no Express): app.ts calls it from its lean path
 * for plain MLflow API requests, and from the Express chain for the rest.
 */
export type ProxyHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export function createMlflowProxy(opts: ProxyOptions): ProxyHandler {
  const { tracking, log } = opts;
  const target = new URL(tracking.target);
  const isHttps = target.protocol === 'https:';
  const basePath = target.pathname.replace(/\/+$/, '');
  const agent = upstreamAgent(isHttps, opts.verifyTls);
  const request = isHttps ? https.request : http.request;
  const warn = throttledWarn(log);

  return (req, res) => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const pathname = query < 0 ? url : url.slice(0, query);
    const injected = !req.headers.authorization && tracking.authorization !== null;
    if (injected && isAccountManagementPath(pathname)) {
      sendJson(res, 403, {
        error_code: 'PERMISSION_DENIED',
        message:
          'Runlens does not send account or permission requests (users, roles, permissions) to the ' +
          'tracking server with the credentials it is configured with. Send your own Authorization ' +
          "header, or use MLflow's own UI or client for account management.",
      });
      return;
    }

    // A write from another site's page: the browser names that page in Origin. Runlens's own
    // pages send their own origin (same host). Refused here, since Origin is not forwarded:
    // MLflow 3 refuses writes whose Origin is not localhost, which a Runlens served under a
    // real hostname would always send.
    const origin = req.headers.origin;
    if (
      origin &&
      req.method !== 'GET' &&
      req.method !== 'HEAD' &&
      !sameHost(origin, req.headers.host)
    ) {
      sendJson(res, 403, {
        error_code: 'PERMISSION_DENIED',
        message: `Runlens does not forward writes from another site (${origin}).`,
      });
      return;
    }

    let failed = false;
    const fail = (err: NodeError) => {
      if (failed) return;
      failed = true;
      const reason = describeNetworkError(err, opts);
      warn(
        err.code ?? err.message,
        `Cannot reach the MLflow tracking server at ${tracking.displayUri}: ${reason} ` +
          `[${req.method} ${pathname} ${res.headersSent ? 'cut short' : 'answered 502'}]`,
      );
      if (res.headersSent) {
        // Failed mid-answer: the client must see a broken response, not wait for the rest.
        res.destroy();
        return;
      }
      sendJson(res, 502, unreachableBody(tracking.displayUri, reason));
    };

    // GET and HEAD carry no body, so one whose kept-alive socket turns out to
    // be closing (ECONNRESET before any answer) is sent again on a new one.
    const bodyless = req.method === 'GET' || req.method === 'HEAD';
    let current: http.ClientRequest | null = null;
    let clientGone = false;
    // A client that goes away before the answer frees the upstream socket too.
    res.once('close', () => {
      if (res.writableFinished) return;
      clientGone = true;
      current?.destroy();
    });

    const send = (mayRetry: boolean) => {
      const upstreamReq = request({
        protocol: target.protocol,
        hostname: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port || (isHttps ? 443 : 80),
        method: req.method,
        path: basePath + url,
        headers: upstreamRequestHeaders(req.headers, {
          remoteAddress: req.socket.remoteAddress,
          host: req.headers.host,
          authorization: tracking.authorization,
          upstreamHost: target.host,
        }),
        agent,
      });
      current = upstreamReq;
      let answered = false;

      // Connect timeout (a blackholed host would otherwise hang for minutes).
      upstreamReq.once('socket', (socket) => {
        if (!socket.connecting) return;
        const timer = setTimeout(
          () => upstreamReq.destroy(timeoutError('RUNLENS_CONNECT_TIMEOUT')),
          opts.connectTimeoutMs,
        );
        const clear = () => clearTimeout(timer);
        socket.once(isHttps ? 'secureConnect' : 'connect', clear);
        socket.once('close', clear);
      });
      // Idle timeout: Node applies it once the socket is connected.
      upstreamReq.setTimeout(opts.idleTimeoutMs, () =>
        upstreamReq.destroy(timeoutError('RUNLENS_IDLE_TIMEOUT')),
      );
      upstreamReq.on('error', (err: NodeError) => {
        const stale =
          (err.code === 'ECONNRESET' || err.code === 'EPIPE') && upstreamReq.reusedSocket;
        if (mayRetry && bodyless && stale && !answered && !clientGone) send(false);
        else fail(err);
      });

      upstreamReq.on('response', (upstreamRes) => {
        answered = true;
        const status = upstreamRes.statusCode ?? 502;
        if (status === 401 && !req.headers.authorization && !tracking.authorization) {
          warn(
            'auth',
            `The tracking server at ${tracking.displayUri} asks for credentials (401). ` +
              'Set MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD (or MLFLOW_TRACKING_TOKEN).',
          );
        }
        const headers = clientResponseHeaders(upstreamRes.headers);
        const compressor = answerCompressor(
          req.method,
          req.headers['accept-encoding'],
          status,
          headers,
        );
        res.writeHead(status, upstreamRes.statusMessage, headers);
        if (compressor) {
          compressor.on('error', () => res.destroy());
          upstreamRes.pipe(compressor).pipe(res);
        } else upstreamRes.pipe(res);
        // An answer that ends early (gunicorn killing a worker mid-download)
        // must end the client's response as failed, not leave it waiting.
        upstreamRes.on('error', () => {});
        upstreamRes.once('close', () => {
          if (!upstreamRes.complete && !clientGone) fail(timeoutError('RUNLENS_CUT_SHORT'));
        });
      });

      if (bodyless) upstreamReq.end();
      // pipe, not pipeline: an upstream failure must not destroy the client's
      // socket before it gets its 502.
      else req.pipe(upstreamReq);
    };
    send(true);
  };
}
