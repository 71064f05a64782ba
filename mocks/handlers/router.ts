/**
 * The route table, as Flask's url_map of `mlflow server` 2.17 has it
 * (mocks/recordings/mlflow-2.17.0/routes.txt): each path answers its own methods and
 * a 405 HTML page for the others. Paths match on any origin, since the app
 * calls absolute URLs of whatever origin it runs on.
 */
import { http, type HttpHandler } from 'msw';
import { isLine3, type Db } from '../db';
import { html, HTML_405, readArgs, toErrorResponse, type Ctx, type Method } from './http';
import { applyFieldLimits } from './limits';

export type Handler = (ctx: Ctx) => Response | Promise<Response>;

export interface RouteDef {
  /** `/api/2.0/mlflow/traces/:requestId/info`, `/api/2.0/mlflow-artifacts/artifacts/*path` */
  path: string;
  methods: Partial<Record<Method, Handler>>;
}

export const API = '/api/2.0/mlflow';
export const AJAX = '/ajax-api/2.0/mlflow';

/** The same route under /api/2.0/mlflow and /ajax-api/2.0/mlflow. */
export function both(path: string, methods: RouteDef['methods']): RouteDef[] {
  return [
    { path: API + path, methods },
    { path: AJAX + path, methods },
  ];
}

export function ajaxOnly(path: string, methods: RouteDef['methods']): RouteDef[] {
  return [{ path: AJAX + path, methods }];
}

interface CompiledPath {
  re: RegExp;
  names: string[];
}

function compilePath(path: string): CompiledPath {
  const names: string[] = [];
  const src = path
    .split('/')
    .map((seg) => {
      if (seg.startsWith(':')) {
        names.push(seg.slice(1));
        return '([^/]+)';
      }
      if (seg.startsWith('*')) {
        names.push(seg.slice(1));
        return '(.+)';
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { re: new RegExp(`^${src}$`), names };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function matchPath(compiled: CompiledPath, pathname: string): Record<string, string> | null {
  const m = compiled.re.exec(pathname);
  if (!m) return null;
  const params: Record<string, string> = {};
  compiled.names.forEach((n, i) => {
    params[n] = safeDecode(m[i + 1] ?? ''); // one group per name
  });
  return params;
}

const METHODS: readonly Method[] = ['GET', 'POST', 'PATCH', 'DELETE', 'PUT'];

async function dispatch(
  db: Db,
  def: RouteDef,
  request: Request,
  params: Record<string, string>,
): Promise<Response> {
  const method = request.method.toUpperCase();
  const allowed = METHODS.filter((m) => def.methods[m]);
  const allow = [...allowed, ...(def.methods.GET ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  if (method === 'OPTIONS') return new Response('', { status: 200, headers: { Allow: allow } });
  const handler = method === 'HEAD' ? def.methods.GET : def.methods[method as Method];
  if (!handler) {
    const res = html(HTML_405, 405);
    res.headers.set('Allow', allow);
    return res;
  }
  const url = new URL(request.url);
  const m: Method = method === 'HEAD' ? 'GET' : (method as Method);
  try {
    const args = await readArgs(request, url, m);
    applyFieldLimits(url.pathname, args);
    return await handler({ db, request, url, method: m, params, args });
  } catch (e) {
    return toErrorResponse(e, isLine3(db));
  }
}

interface Matched {
  def: RouteDef;
  params: Record<string, string>;
}

/**
 * The whole route table as one msw handler: msw runs every handler's
 * predicate for every request (parsing cookies each time), so one handler
 * with a Map lookup keeps a request well under a millisecond.
 */
export function toMswHandler(db: Db, defs: RouteDef[]): HttpHandler {
  const exact = new Map<string, RouteDef>();
  const patterns: { compiled: CompiledPath; def: RouteDef }[] = [];
  for (const def of defs) {
    if (/[:*]/.test(def.path)) patterns.push({ compiled: compilePath(def.path), def });
    else if (!exact.has(def.path)) exact.set(def.path, def);
  }
  const find = (pathname: string): Matched | null => {
    const def = exact.get(pathname);
    if (def) return { def, params: {} };
    for (const p of patterns) {
      const params = matchPath(p.compiled, pathname);
      if (params) return { def: p.def, params };
    }
    return null;
  };
  const seen = new WeakMap<Request, Matched | null>();
  const lookup = (request: Request): Matched | null => {
    if (!seen.has(request)) seen.set(request, find(new URL(request.url).pathname));
    return seen.get(request) ?? null;
  };
  return http.all(
    ({ request }) => lookup(request) !== null,
    ({ request }) => {
      const m = lookup(request);
      return m ? dispatch(db, m.def, request, m.params) : undefined;
    },
  );
}
