/**
 * The proxy to one MLflow tracking server. Mounted after the path gate in
 * app.ts, so it only ever sees normalized MLflow paths; the target is fixed at
 * start-up, so this is never an open proxy. Bodies stream through untouched
 * (nothing parses them before this), Authorization passes through, and an
 * unreachable server becomes a 502 JSON body the UI can explain.
 */
import http from 'node:http';
import https from 'node:https';
import type { RequestHandler } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { TrackingServer } from './config';
import type { Logger } from './log';

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

export function createMlflowProxy(opts: ProxyOptions): RequestHandler {
  const { tracking, log } = opts;
  const isHttps = tracking.target.startsWith('https:');
  // Keep-alive to the tracking server, but drop idle sockets after 1.5 s: gunicorn (what
  // `mlflow server` runs on) closes them after 2 s, and reusing one it is closing at that
  // moment fails the request with ECONNRESET.
  const agentOptions = { keepAlive: true, maxSockets: 64, timeout: 1500 };
  const agent = isHttps
    ? new https.Agent({ ...agentOptions, rejectUnauthorized: opts.verifyTls })
    : new http.Agent(agentOptions);
  const warn = throttledWarn(log);

  const proxy = createProxyMiddleware<http.IncomingMessage, http.ServerResponse>({
    target: tracking.target,
    changeOrigin: true,
    secure: opts.verifyTls,
    agent,
    xfwd: false,
    on: {
      proxyReq(proxyReq, req) {
        if (tracking.authorization && !req.headers.authorization) {
          proxyReq.setHeader('Authorization', tracking.authorization);
        }
        // Connect timeout (a blackholed host would otherwise hang for minutes).
        proxyReq.on('socket', (socket) => {
          if (!socket.connecting) return;
          const timer = setTimeout(
            () => proxyReq.destroy(timeoutError('RUNLENS_CONNECT_TIMEOUT')),
            opts.connectTimeoutMs,
          );
          const clear = () => clearTimeout(timer);
          socket.once(isHttps ? 'secureConnect' : 'connect', clear);
          socket.once('close', clear);
        });
        proxyReq.setTimeout(opts.idleTimeoutMs, () =>
          proxyReq.destroy(timeoutError('RUNLENS_IDLE_TIMEOUT')),
        );
      },
      proxyRes(proxyRes, req) {
        if (proxyRes.statusCode === 401 && !req.headers.authorization && !tracking.authorization) {
          warn(
            'auth',
            `The tracking server at ${tracking.displayUri} asks for credentials (401). ` +
              'Set MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD (or MLFLOW_TRACKING_TOKEN).',
          );
        }
      },
      error(err: NodeError, req, res) {
        const reason = describeNetworkError(err, opts);
        const method = req.method ?? 'GET';
        warn(
          err.code ?? err.message,
          `Cannot reach the MLflow tracking server at ${tracking.displayUri}: ${reason} ` +
            `[${method} ${(req.url ?? '').split('?')[0]} answered 502]`,
        );
        if (!('writeHead' in res)) {
          (res as { destroy?: () => void }).destroy?.();
          return;
        }
        const response = res as http.ServerResponse;
        if (response.headersSent) {
          // Failed mid-stream: all we can do is cut the response short.
          response.destroy();
          return;
        }
        const body = JSON.stringify(unreachableBody(tracking.displayUri, reason));
        response.writeHead(502, {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          'Cache-Control': 'no-store',
        });
        response.end(body);
      },
    },
  });
  return proxy as unknown as RequestHandler;
}
