/**
 * The demo workspace: the MSW handlers of mocks/ answering in-process, over an
 * in-memory db seeded by mocks/seed (the pattern of bulletproof-react's
 * mock-server: `createMiddleware(...handlers)` from @mswjs/http-middleware).
 *
 * Workspaces: with `workspaces: true` (RUNLENS_DEMO_WORKSPACES=1, set by the
 * Playwright config), a request carrying `X-Runlens-Demo-Workspace: <id>` gets
 * its own db, seeded on first use. Parallel end-to-end tests that write then
 * never see each other's changes. Without the header (or with the option off)
 * everybody shares the default db.
 */
import { createMiddleware } from '@mswjs/http-middleware';
import type { RequestHandler as ExpressHandler } from 'express';
import type { RequestHandler as MswHandler } from 'msw';
import { ConfigError } from './config';
import type { Logger } from './log';

export const WORKSPACE_HEADER = 'x-runlens-demo-workspace';
const WORKSPACE_ID = /^[A-Za-z0-9_.-]{1,80}$/;

export interface DemoBackend {
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

/** `createHandlers` builds a fresh db and its handlers each call. */
export function createDemoBackend(
  createHandlers: () => MswHandler[],
  opts: DemoBackendOptions,
): DemoBackend {
  const max = opts.maxWorkspaces ?? 16;
  const build = () => createMiddleware(...createHandlers()) as unknown as ExpressHandler;
  let shared = build();
  const privates = new Map<string, ExpressHandler>();

  const workspaceOf = (value: string | string[] | undefined): string | null => {
    if (!opts.workspaces || typeof value !== 'string') return null;
    return WORKSPACE_ID.test(value) ? value : null;
  };

  const privateWorkspace = (id: string, fresh: boolean): ExpressHandler => {
    let mw = fresh ? undefined : privates.get(id);
    if (mw) {
      privates.delete(id); // re-insert: Map order doubles as recency
    } else {
      mw = build();
    }
    privates.set(id, mw);
    while (privates.size > max) privates.delete(privates.keys().next().value as string);
    return mw;
  };

  return {
    middleware: (req, res, next) => {
      const id = workspaceOf(req.headers[WORKSPACE_HEADER]);
      const mw = id ? privateWorkspace(id, false) : shared;
      return mw(req, res, next);
    },
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
  const [{ createHandlers }, { createDemoDb, readScaleFromEnv }] = await Promise.all([
    import('../mocks/handlers/index'),
    import('../mocks/seed/index'),
  ]);
  let scale: ReturnType<typeof readScaleFromEnv>;
  try {
    scale = readScaleFromEnv(env);
  } catch (e) {
    throw new ConfigError(`Demo workspace: ${(e as Error).message}`);
  }
  let first = true;
  return createDemoBackend(() => {
    const started = performance.now();
    const { db } = createDemoDb(scale);
    if (first) {
      first = false;
      const ms = Math.round(performance.now() - started);
      opts.log.info(
        `Demo workspace seeded in ${ms} ms: ${db.experiments.size} experiments, ${db.runs.size} runs, ` +
          `${db.registeredModels.size} registered models, ${db.traces.size} traces`,
      );
    }
    return createHandlers(db);
  }, opts);
}
