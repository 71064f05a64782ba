/**
 * Runlens's production server as an Express app, without listening: main.ts,
 * the unit tests, the end-to-end tests and the benchmarks all start it their
 * own way.
 *
 *   request -> lean path (proxy mode, plain MLflow API requests on an allowed
 *              Host: straight to the proxy, no Express; lean-path.ts)
 *           -> host guard (400 malformed, 421 not allowed: host-guard.ts)
 *           -> path gate (normalize, 400 on tricks)
 *           -> /runlens/* (info, demo reset)
 *           -> MLflow paths: proxy to the tracking server, or the demo backend
 *              (compressed only when big: small answers are not worth the CPU)
 *           -> index.html (precompressed in memory, with the app's CSP)
 *           -> dist/ static files (compressed) -> SPA fallback (index.html) -> 404
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import compression from 'compression';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { ServerConfig } from './config';
import { isWorkspaceId, loadDemoBackend, WORKSPACE_HEADER, type DemoBackend } from './demo';
import { hostGuard } from './host-guard';
import { indexPageSource, sendIndexPage } from './index-page';
import { leanMlflowPath, SECURITY_HEADERS } from './lean-path';
import { consoleLogger, type Logger } from './log';
import {
  isArtifactDownloadPath,
  isMlflowPath,
  isNonPagePath,
  normalizeRequestPath,
} from './mlflow-paths';
import { createMlflowProxy } from './proxy';

export interface AppDeps {
  /** Demo mode backend; loaded from mocks/ when omitted. Ignored in proxy mode. */
  demo?: DemoBackend;
  log?: Logger;
  /** Environment for the demo scale knobs (default process.env). */
  env?: Record<string, string | undefined>;
}

export interface RunlensInfo {
  mode: 'demo' | 'proxy';
  trackingUri?: string;
}

/** What MLflow's own server answers for a path it does not know (recorded from 2.17.0). */
const MLFLOW_NOT_FOUND_HTML =
  '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n' +
  '<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n';

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Artifacts are the tracking server's content, not ours: never let one run script as Runlens. */
const ARTIFACT_CSP =
  "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'";

/**
 * Hashed assets as the build compressed them (`x.js.br`, `x.js.gz`, written
 * by vite.config.ts): sent as they are, so a page's first load does not wait
 * for the server to compress its JavaScript again. Anything else falls
 * through to express.static (and the compression middleware).
 */
function precompressedAssets(dir: string): RequestHandler {
  const root = path.resolve(dir);
  const exists = new Map<string, boolean>();
  const has = (file: string) => {
    let e = exists.get(file);
    if (e === undefined) {
      e = fs.existsSync(file);
      exists.set(file, e);
    }
    return e;
  };
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = path.resolve(root, `.${req.path}`);
    if (!file.startsWith(`${root}${path.sep}`)) return next();
    // br when the client takes it at all (browsers list it after gzip, at the same weight)
    const encoding =
      req.acceptsEncodings('br') === 'br'
        ? 'br'
        : req.acceptsEncodings('gzip') === 'gzip'
          ? 'gzip'
          : null;
    const ext = encoding === 'br' ? '.br' : encoding === 'gzip' ? '.gz' : null;
    if (!encoding || !ext || !has(file + ext)) return next();
    res.set({ 'Content-Encoding': encoding, Vary: 'Accept-Encoding', 'Cache-Control': IMMUTABLE });
    res.type(path.extname(file));
    res.sendFile(file + ext, { cacheControl: false, dotfiles: 'deny' }, (err) => err && next(err));
  };
}

/**
 * State-changing Runlens endpoints answer only their own pages: a JSON
 * content type (a cross-site form cannot send one, and a cross-site fetch
 * with one needs a CORS preflight Runlens never grants), and no foreign
 * Origin or Sec-Fetch-Site.
 */
function crossSiteRefusal(
  req: express.Request,
): { status: number; code: string; message: string } | null {
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  if (
    (site && site !== 'same-origin' && site !== 'none') ||
    (origin && origin !== `http://${req.headers.host}`)
  )
    return {
      status: 403,
      code: 'PERMISSION_DENIED',
      message: 'Refused: this request comes from another site.',
    };
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    return {
      status: 415,
      code: 'INVALID_PARAMETER_VALUE',
      message: 'Send this request with Content-Type: application/json.',
    };
  return null;
}

function jsonError(
  res: express.Response,
  status: number,
  errorCode: string,
  message: string,
): void {
  res.status(status).set('Cache-Control', 'no-store').json({ error_code: errorCode, message });
}

/** The server's request listener: `http.createServer(app)` (listen.ts). */
export type RunlensApp = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export async function createApp(config: ServerConfig, deps: AppDeps = {}): Promise<RunlensApp> {
  const log = deps.log ?? consoleLogger;
  const tracking = config.tracking;
  const demo =
    tracking === null
      ? (deps.demo ??
        (await loadDemoBackend(deps.env ?? process.env, {
          workspaces: config.demoWorkspaces,
          log,
        })))
      : null;

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong');

  const hosts = { listenHost: config.host, allowedHosts: config.allowedHosts };
  app.use(hostGuard(hosts));

  // Path gate: every later decision is made on a normalized path.
  app.use((req, res, next) => {
    const normalized = normalizeRequestPath(req.url);
    if (!normalized.ok) {
      jsonError(res, 400, 'BAD_REQUEST', `Rejected request path: ${normalized.reason}`);
      return;
    }
    req.url = normalized.pathname + normalized.search;
    res.set(SECURITY_HEADERS);
    next();
  });

  app.get('/runlens/info', (_req, res) => {
    const info: RunlensInfo = tracking
      ? { mode: 'proxy', trackingUri: tracking.displayUri }
      : { mode: 'demo' };
    res.set('Cache-Control', 'no-store').json(info);
  });

  if (demo) {
    app.post('/runlens/demo/reset', (req, res) => {
      const refused = crossSiteRefusal(req);
      if (refused) return jsonError(res, refused.status, refused.code, refused.message);
      const header = req.headers[WORKSPACE_HEADER];
      if (header !== undefined) {
        if (!demo.workspaces)
          return jsonError(
            res,
            400,
            'INVALID_PARAMETER_VALUE',
            `${WORKSPACE_HEADER} was given, but private demo workspaces are off (start the server with RUNLENS_DEMO_WORKSPACES=1). Nothing was reset.`,
          );
        if (typeof header !== 'string' || !isWorkspaceId(header))
          return jsonError(
            res,
            400,
            'INVALID_PARAMETER_VALUE',
            `Invalid ${WORKSPACE_HEADER}: 1 to 80 characters of A-Z, a-z, 0-9, "_", "." and "-". Nothing was reset.`,
          );
      }
      demo.reset(header);
      res.set('Cache-Control', 'no-store').json({ reset: header ?? 'default' });
    });
  }

  const mlflow: RequestHandler[] = [];
  mlflow.push((req, res, next) => {
    if (isArtifactDownloadPath(req.path)) res.set('Content-Security-Policy', ARTIFACT_CSP);
    next();
  });
  // The proxy and the demo compress big answers themselves (proxy-compress.ts).
  const proxy = tracking
    ? createMlflowProxy({
        tracking,
        verifyTls: config.verifyTls,
        connectTimeoutMs: config.connectTimeoutMs,
        idleTimeoutMs: config.idleTimeoutMs,
        log,
      })
    : null;
  if (proxy) {
    mlflow.push((req, res) => proxy(req, res));
  } else if (demo) {
    mlflow.push(demo.middleware);
    // Answered here when the handlers leave them out: the demo speaks the 2.17 API.
    mlflow.push((req, res, next) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      if (req.path === '/version') return void res.type('text/html; charset=utf-8').send('2.17.0');
      if (req.path === '/health') return void res.type('text/html; charset=utf-8').send('OK');
      next();
    });
    mlflow.push((_req, res) => {
      res.status(404).type('text/html; charset=utf-8').send(MLFLOW_NOT_FOUND_HTML);
    });
  }
  const mlflowRouter = express.Router();
  mlflowRouter.use(...mlflow);
  app.use((req, res, next) => (isMlflowPath(req.path) ? mlflowRouter(req, res, next) : next()));

  const indexHtml = path.join(config.distDir, 'index.html');
  const indexPage = indexPageSource(indexHtml);
  const serveIndex: RequestHandler = (req, res) => {
    const page = indexPage();
    if (!page) {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          `Runlens has not been built: ${indexHtml} is missing. Run \`npm run build\` (or \`npm start\`).`,
        );
      return;
    }
    sendIndexPage(req, res, page);
  };
  app.get('/index.html', serveIndex);
  app.use('/assets', precompressedAssets(path.join(config.distDir, 'assets')));
  app.use(
    compression(),
    express.static(config.distDir, {
      index: false,
      redirect: false,
      setHeaders(res, filePath) {
        const rel = path.relative(config.distDir, filePath).split(path.sep);
        res.setHeader('Cache-Control', rel[0] === 'assets' ? IMMUTABLE : 'no-cache');
      },
    }),
  );

  // SPA fallback: page URLs (/experiments/1/runs/abc, /models/x) all get index.html.
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (isNonPagePath(req.path)) return next();
    if (req.accepts(['html', 'json']) !== 'html') return next();
    serveIndex(req, res, next);
  });

  app.use((req, res) => {
    jsonError(res, 404, 'NOT_FOUND', `No such path on Runlens: ${req.method} ${req.path}`);
  });

  const onError: ErrorRequestHandler = (err, req, res, _next) => {
    const e = err as { status?: number; statusCode?: number; message?: string; type?: string };
    const status = e.status ?? e.statusCode ?? 500;
    if (status >= 500) log.error(`${req.method} ${req.path}: ${e.message ?? String(err)}`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    jsonError(
      res,
      status,
      status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST',
      e.message ?? 'Internal error',
    );
  };
  app.use(onError);

  if (!proxy) return app;
  const lean = leanMlflowPath(hosts, proxy);
  return (req, res) => {
    if (!lean(req, res)) app(req, res);
  };
}
