/**
 * Artifacts: artifacts/list (one folder level), /get-artifact,
 * /model-versions/get-artifact and the proxied /mlflow-artifacts/artifacts
 * endpoints (list and download). Run artifact roots look like
 * `mlflow-artifacts:/<experiment>/<run>/artifacts`; trace data lives at
 * `mlflow-artifacts:/<experiment>/traces/<request_id>/artifacts/traces.json`.
 */
import type { WireFileInfo } from '../../app/api/wire';
import { force, isLine3, type Db, type DbArtifactFile } from '../db';
import {
  basename,
  html,
  HTML_500,
  invalidParameter,
  json,
  missingParam,
  notFound,
  notImplemented,
  storedBody,
  type Ctx,
} from './http';
import { both, type RouteDef } from './router';
import { getRunOr404, getVersionOr404 } from './serialize';

/** mlflow.utils.uri.validate_path_is_safe */
export function checkSafePath(path: string): string {
  const unsafe =
    path.includes('#') ||
    path.split('/').includes('..') ||
    path.startsWith('/') ||
    path.startsWith('\\') ||
    /^[A-Za-z]:[\\/]/.test(path);
  if (unsafe) throw invalidParameter('Invalid path');
  return path;
}

function trimSlashes(p: string): string {
  return p.replace(/^\/+|\/+$/g, '');
}

/** The direct children of `folder` (relative to the run's root): dirs without size, files with it. */
export function listLevel(
  files: readonly DbArtifactFile[],
  folder: string,
): { name: string; isDir: boolean; size?: number }[] {
  const prefix = folder ? `${folder}/` : '';
  const seen = new Map<string, { name: string; isDir: boolean; size?: number }>();
  for (const f of files) {
    if (!f.path.startsWith(prefix)) continue;
    const rest = f.path.slice(prefix.length);
    if (!rest) continue;
    const slash = rest.indexOf('/');
    if (slash >= 0) {
      const name = rest.slice(0, slash);
      if (!seen.has(name)) seen.set(name, { name, isDir: true });
    } else {
      seen.set(rest, { name: rest, isDir: false, size: f.size });
    }
  }
  return [...seen.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function fileInfos(
  entries: { name: string; isDir: boolean; size?: number }[],
  prefix: string,
): WireFileInfo[] {
  return entries.map((e) => ({
    path: prefix ? `${prefix}/${e.name}` : e.name,
    is_dir: e.isDir,
    ...(e.isDir ? {} : { file_size: e.size ?? 0 }),
  }));
}

function listArtifacts({ db, args }: Ctx): Response {
  const runId = args.str('run_id') || args.str('run_uuid');
  if (!runId) throw missingParam('run_id');
  const rawPath = args.str('path');
  const path = rawPath === undefined ? '' : trimSlashes(checkSafePath(rawPath));
  const run = getRunOr404(db, runId);
  const files = fileInfos(listLevel(db.artifacts.get(runId) ?? [], path), path);
  return json({ root_uri: run.info.artifact_uri, ...(files.length ? { files } : {}) });
}

/** Serve one stored file as the artifact endpoints do (or its recorded failure). */
export async function sendFile(
  file: DbArtifactFile | undefined,
  request?: Request,
): Promise<Response> {
  if (!file) return html(HTML_500, 500);
  if (file.failWith) {
    return new Response(file.failWith.body, {
      status: file.failWith.status,
      headers: { 'Content-Type': file.failWith.contentType },
    });
  }
  return storedBody(request, file, force(file.body), {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename=${basename(file.path)}`,
    'X-Content-Type-Options': 'nosniff',
  });
}

function findFile(db: Db, runId: string, path: string): DbArtifactFile | undefined {
  return (db.artifacts.get(runId) ?? []).find((f) => f.path === path);
}

function getArtifact({ db, url, request }: Ctx): Response | Promise<Response> {
  const path = url.searchParams.get('path');
  if (path === null) return html(HTML_500, 500);
  const runId = url.searchParams.get('run_id') || url.searchParams.get('run_uuid');
  if (!runId) throw missingParam('run_id');
  checkSafePath(path);
  const run = getRunOr404(db, runId);
  const file = findFile(db, runId, trimSlashes(path));
  // 2.17 fails with Flask's 500 page; 3.x says which proxied path it missed (get_artifact_missing_file)
  if (!file && isLine3(db)) {
    const root = (run.info.artifact_uri ?? '').replace(/^mlflow-artifacts:\//, '');
    throw notFound(`No such artifact: '${root}/${trimSlashes(path)}'`);
  }
  return sendFile(file, request);
}

/** Where an artifact URI points inside the store: a run's files under a folder, or a trace's data. */
type Located =
  | { kind: 'run'; runId: string; folder: string }
  | { kind: 'trace'; requestId: string; rest: string };

export function locateUri(db: Db, uri: string): Located | null {
  const runs = /^runs:\/([^/]+)(?:\/(.*))?$/.exec(uri);
  if (runs) {
    const [, id = '', folder = ''] = runs; // group 1 is set on a match, group 2 is optional
    return db.runs.has(id) ? { kind: 'run', runId: id, folder: trimSlashes(folder) } : null;
  }
  const rel = trimSlashes(uri.replace(/^mlflow-artifacts:\/*/, ''));
  const segs = rel.split('/');
  if (segs[1] === 'traces' && segs[2] && db.traces.has(segs[2]) && segs[3] === 'artifacts') {
    return { kind: 'trace', requestId: segs[2], rest: segs.slice(4).join('/') };
  }
  const runId = segs[1];
  const run = runId ? db.runs.get(runId) : undefined;
  if (!runId || !run || !run.info.artifact_uri) return null;
  const root = trimSlashes(run.info.artifact_uri.replace(/^mlflow-artifacts:\/*/, ''));
  if (rel !== root && !rel.startsWith(`${root}/`)) return null;
  return { kind: 'run', runId, folder: trimSlashes(rel.slice(root.length)) };
}

function traceFile(db: Db, requestId: string): DbArtifactFile | undefined {
  const trace = db.traces.get(requestId);
  if (!trace) return undefined;
  return { path: 'traces.json', body: trace.data, size: 0, contentType: 'text/plain' };
}

/** The file a model version's `path` names: its source folder inside the source run's artifacts. */
function modelVersionArtifact({ db, url, request }: Ctx): Response | Promise<Response> {
  const path = url.searchParams.get('path');
  if (path === null) return html(HTML_500, 500);
  checkSafePath(path);
  const mv = getVersionOr404(
    db,
    url.searchParams.get('name') ?? '',
    url.searchParams.get('version') ?? '',
  );
  // 3.x: a version made from a logged model (`models:/m-…`) serves the model's files.
  const logged = /^models:\/(m-[0-9a-f]+)$/.exec(mv.source ?? '');
  const model = logged?.[1] === undefined ? undefined : db.loggedModels.get(logged[1]);
  if (model)
    return sendFile(
      model.files.find((f) => f.path === trimSlashes(path)),
      request,
    );
  const where = mv.source ? locateUri(db, mv.source) : null;
  if (!where || where.kind !== 'run') return html(HTML_500, 500);
  const full = [where.folder, trimSlashes(path)].filter(Boolean).join('/');
  return sendFile(findFile(db, where.runId, full), request);
}

function proxyList({ db, args }: Ctx): Response {
  const path = trimSlashes(checkSafePath(args.str('path') ?? ''));
  const where = locateUri(db, `mlflow-artifacts:/${path}`);
  let files: WireFileInfo[] = [];
  if (where?.kind === 'run')
    files = fileInfos(listLevel(db.artifacts.get(where.runId) ?? [], where.folder), '');
  if (where?.kind === 'trace' && !where.rest)
    files = [
      {
        path: 'traces.json',
        is_dir: false,
        file_size: force(db.traces.get(where.requestId)?.data ?? '').length,
      },
    ];
  return json(files.length ? { files } : {});
}

function proxyDownload({ db, params, request }: Ctx): Response | Promise<Response> {
  const path = checkSafePath(params.path ?? '');
  const where = locateUri(db, `mlflow-artifacts:/${path}`);
  if (where?.kind === 'trace')
    return sendFile(
      where.rest === 'traces.json' ? traceFile(db, where.requestId) : undefined,
      request,
    );
  if (where?.kind === 'run') return sendFile(findFile(db, where.runId, where.folder), request);
  return html(HTML_500, 500);
}

export function artifactRoutes(): RouteDef[] {
  const proxy = (prefix: string): RouteDef[] => [
    { path: `${prefix}/mlflow-artifacts/artifacts`, methods: { GET: proxyList } },
    {
      path: `${prefix}/mlflow-artifacts/artifacts/*path`,
      methods: { GET: proxyDownload, PUT: notImplemented, DELETE: notImplemented },
    },
    { path: `${prefix}/mlflow-artifacts/mpu/create/*path`, methods: { POST: notImplemented } },
    { path: `${prefix}/mlflow-artifacts/mpu/complete/*path`, methods: { POST: notImplemented } },
    { path: `${prefix}/mlflow-artifacts/mpu/abort/*path`, methods: { POST: notImplemented } },
  ];
  return [
    ...both('/artifacts/list', { GET: listArtifacts }),
    { path: '/get-artifact', methods: { GET: getArtifact } },
    { path: '/model-versions/get-artifact', methods: { GET: modelVersionArtifact } },
    ...proxy('/api/2.0'),
    ...proxy('/ajax-api/2.0'),
    { path: '/ajax-api/2.0/mlflow/upload-artifact', methods: { POST: notImplemented } },
  ];
}
