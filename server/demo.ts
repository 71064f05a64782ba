/**
 * The demo workspace: the MSW handlers of mocks/ answering in-process, over an
 * in-memory db seeded by mocks/seed (the pattern of bulletproof-react's
 * mock-server), through msw's `getResponse`.
 *
 * Workspaces: with `workspaces: true` (RUNLENS_DEMO_WORKSPACES=1, set by the
 * Playwright config), a request carrying `X-Runlens-Demo-Workspace: <id>` gets
 * its own db. Parallel end-to-end tests that write then never see each
 * other's changes. Without the header (or with the option off) everybody
 * shares the default db. The seed is built once; every workspace (the shared
 * one too) starts as a copy of it, which costs a fraction of a seed and shares
 * the big lazily built values (metric histories, trace text, file bodies).
 */
import type http from 'node:http';
import zlib from 'node:zlib';
import type {
  Request as ExpressRequest,
  Response as ExpressResponse,
  RequestHandler as ExpressHandler,
} from 'express';
import { getResponse, type RequestHandler as MswHandler } from 'msw';
import { ConfigError } from './config';
import type { Logger } from './log';
import { answerEncoding, BROTLI_OPTIONS, GZIP_OPTIONS } from './proxy-compress';

export const WORKSPACE_HEADER = 'x-runlens-demo-workspace';
const WORKSPACE_ID = /^[A-Za-z0-9_.-]{1,80}$/;
/** Request bodies above this are refused (413): the demo keeps what it is sent in memory. */
export const DEMO_MAX_BODY_BYTES = 4 * 1024 * 1024;

export function isWorkspaceId(value: string): boolean {
  return WORKSPACE_ID.test(value);
}

export interface DemoBackend {
  /** Whether X-Runlens-Demo-Workspace selects a private db. */
  workspaces: boolean;
  /** Answers MLflow paths from the db of the request's workspace; calls next() for anything it does not handle. */
  middleware: ExpressHandler;
  /** Rebuild the db of one workspace (the default one when omitted) from the seed. */
  reset(workspace?: string): void;
}

export interface DemoBackendOptions {
  workspaces: boolean;
  /** Private workspaces kept at most (least recently used evicted). */
  maxWorkspaces?: number;
}

/** Where a workspace's data comes from: seeded once, copied per workspace. */
export interface DemoSource<T> {
  seed(): T;
  /** An independent copy: writes to it never show in the seed or other copies. */
  copy(seeded: T): T;
  handlers(data: T): MswHandler[];
}

type BodyResult = { ok: true; body: Buffer | undefined } | { ok: false };

/** The request body, or not ok when it is bigger than `max` (read no further then). */
function readBody(req: ExpressRequest, max: number): Promise<BodyResult> {
  if (req.method === 'GET' || req.method === 'HEAD')
    return Promise.resolve({ ok: true, body: undefined });
  if (Number(req.headers['content-length'] ?? 0) > max) return Promise.resolve({ ok: false });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.off('data', onData);
        req.pause();
        resolve({ ok: false });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve({ ok: true, body: Buffer.concat(chunks) }));
    req.once('error', reject);
  });
}

function fetchRequest(req: ExpressRequest, body: Buffer | undefined): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  // The Host header passed the host guard; the handlers match paths on any origin.
  const origin = `http://${req.headers.host ?? 'localhost'}`;
  return new Request(new URL(req.url, origin), {
    method: req.method,
    headers,
    body: body && Uint8Array.from(body),
  });
}

/**
 * The handler's answer, read whole (it was built in memory anyway) and sent
 * with its length; a big one compressed in one go. One-shot compression
 * frees its native state as soon as it is done: the compression middleware's
 * streams held tens of MB of it after a load, and RSS stayed up (bench
 * `proxy-load`, demo RSS).
 */
async function sendAnswer(
  req: ExpressRequest,
  res: ExpressResponse,
  response: Response,
): Promise<void> {
  const headers: http.OutgoingHttpHeaders = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  if (!response.body || req.method === 'HEAD') {
    res.writeHead(response.status, headers).end();
    return;
  }
  let body = Buffer.from(await response.arrayBuffer());
  headers['content-length'] = body.length;
  const encoding = answerEncoding(
    req.method,
    req.headers['accept-encoding'],
    response.status,
    headers,
  );
  // On this thread, not the thread pool: freed encoder state left there stays
  // in the pool threads' malloc arenas (RSS 20-30% above the start a minute
  // after a load, against below it this way; ~1 ms per 200 KB at quality 1).
  if (encoding === 'br') body = zlib.brotliCompressSync(body, BROTLI_OPTIONS);
  else if (encoding === 'gzip') body = zlib.gzipSync(body, GZIP_OPTIONS);
  headers['content-length'] = body.length;
  res.writeHead(response.status, headers).end(body);
}

function demoMiddleware(handlersOf: (req: ExpressRequest) => MswHandler[]): ExpressHandler {
  return async (req, res, next) => {
    try {
      const read = await readBody(req, DEMO_MAX_BODY_BYTES);
      if (!read.ok) {
        res
          .status(413)
          .set({ 'Cache-Control': 'no-store', Connection: 'close' })
          .json({
            error_code: 'REQUEST_LIMIT_EXCEEDED',
            message: `Request body too large: the demo workspace takes at most ${DEMO_MAX_BODY_BYTES / 1024 / 1024} MB per request.`,
          });
        return;
      }
      const request = fetchRequest(req, read.body);
      const response = await getResponse(handlersOf(req), request, {
        baseUrl: new URL(request.url).origin,
      });
      if (!response) return next();
      await sendAnswer(req, res, response);
    } catch (e) {
      next(e);
    }
  };
}

export function createDemoBackend<T>(source: DemoSource<T>, opts: DemoBackendOptions): DemoBackend {
  const max = opts.maxWorkspaces ?? 16;
  let seeded: T | undefined;
  const build = () => {
    seeded ??= source.seed();
    return source.handlers(source.copy(seeded));
  };
  let shared = build();
  const privates = new Map<string, MswHandler[]>();

  const workspaceOf = (value: string | string[] | undefined): string | null => {
    if (!opts.workspaces || typeof value !== 'string') return null;
    return isWorkspaceId(value) ? value : null;
  };

  const privateWorkspace = (id: string, fresh: boolean): MswHandler[] => {
    let handlers = fresh ? undefined : privates.get(id);
    if (handlers) {
      privates.delete(id); // re-insert: Map order doubles as recency
    } else {
      handlers = build();
    }
    privates.set(id, handlers);
    while (privates.size > max) privates.delete(privates.keys().next().value as string);
    return handlers;
  };

  return {
    workspaces: opts.workspaces,
    middleware: demoMiddleware((req) => {
      const id = workspaceOf(req.headers[WORKSPACE_HEADER]);
      return id ? privateWorkspace(id, false) : shared;
    }),
    reset(workspace) {
      const id = workspaceOf(workspace);
      if (id) privateWorkspace(id, true);
      else shared = build();
    },
  };
}

/**
 * Load mocks/ lazily (proxy mode never pays for it) and build the backend with
 * the scale knobs of the environment (RUNLENS_DEMO_*, see mocks/seed/README.md).
 */
export async function loadDemoBackend(
  env: Record<string, string | undefined>,
  opts: DemoBackendOptions & { log: Logger },
): Promise<DemoBackend> {
  const [{ createHandlers }, { createDemoDb, readScaleFromEnv }, { copyDb }] = await Promise.all([
    import('../mocks/handlers/index'),
    import('../mocks/seed/index'),
    import('../mocks/db'),
  ]);
  let scale: ReturnType<typeof readScaleFromEnv>;
  try {
    scale = readScaleFromEnv(env);
  } catch (e) {
    throw new ConfigError(`Demo workspace: ${(e as Error).message}`);
  }
  return createDemoBackend(
    {
      seed() {
        const started = performance.now();
        const { db } = createDemoDb(scale);
        const ms = Math.round(performance.now() - started);
        opts.log.info(
          `Demo workspace (MLflow ${db.line}) seeded in ${ms} ms: ${db.experiments.size} experiments, ${db.runs.size} runs, ` +
            `${db.registeredModels.size} registered models, ${db.traces.size} traces`,
        );
        return db;
      },
      copy: copyDb,
      handlers: createHandlers,
    },
    opts,
  );
}
