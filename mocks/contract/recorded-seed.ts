/**
 * A small db rebuilt from the recordings themselves, with the real ids: the
 * contract tests run against it (ids map to themselves) and against the demo
 * seed when mocks/seed/index.ts exists. Histories are the recorded ones where
 * a full history was recorded, else the latest value alone.
 */
import type {
  WireExperiment,
  WireMetric,
  WireModelVersion,
  WireRegisteredModel,
  WireRun,
  WireTraceInfo,
} from '../../app/api/wire';
import { createEmptyDb, type Db, type DbArtifactFile, type DbRun } from '../db';
import {
  contentTypeOf,
  isBinarySummary,
  loadExchanges,
  rawResponseText,
  type Exchange,
} from './exchanges';

export function collectRuns(xs: Exchange[]): Map<string, WireRun> {
  const runs = new Map<string, WireRun>();
  const add = (r: unknown): void => {
    const run = r as WireRun;
    if (run?.info?.run_id && run.data !== undefined) runs.set(run.info.run_id, run);
  };
  for (const x of xs) {
    if (x.status !== 200 || !x.response || typeof x.response !== 'object') continue;
    const body = x.response as { runs?: unknown[]; run?: unknown };
    if (x.path.endsWith('/runs/search')) body.runs?.forEach(add);
    if (x.path.endsWith('/runs/get')) add(body.run);
  }
  return runs;
}

/** MLflow 3's `inputs.model_inputs` and `outputs.model_outputs`, when the run has them. */
export function modelIo(w: WireRun): Pick<DbRun, 'modelInputs' | 'modelOutputs'> {
  const io = w as {
    inputs?: { model_inputs?: { model_id: string }[] };
    outputs?: { model_outputs?: { model_id: string; step: number }[] };
  };
  const inputs = io.inputs?.model_inputs;
  const outputs = io.outputs?.model_outputs;
  return {
    ...(inputs?.length ? { modelInputs: inputs.map((m) => ({ ...m })) } : {}),
    ...(outputs?.length ? { modelOutputs: outputs.map((m) => ({ ...m })) } : {}),
  };
}

export function toDbRun(w: WireRun): DbRun {
  const latest = new Map<string, WireMetric>();
  for (const m of w.data?.metrics ?? []) latest.set(m.key, m);
  const metrics = new Map<string, WireMetric[]>();
  for (const m of latest.values()) metrics.set(m.key, [m]);
  return {
    info: { ...w.info },
    params: (w.data?.params ?? []).map((p) => ({ ...p })),
    tags: (w.data?.tags ?? []).map((t) => ({ ...t })),
    inputs: (w.inputs?.dataset_inputs ?? []).map((d) => ({ ...d })),
    metrics,
    latest,
    ...modelIo(w),
  };
}

export function addHistories(db: Db, xs: Exchange[]): void {
  // get-history-bulk without max_results returns whole histories too
  for (const x of xs) {
    if (
      !x.path.endsWith('/metrics/get-history-bulk') ||
      x.status !== 200 ||
      x.query.max_results !== undefined
    )
      continue;
    const points = (x.response as { metrics?: (WireMetric & { run_id: string })[] }).metrics ?? [];
    for (const runId of new Set(points.map((p) => p.run_id))) {
      const mine = points
        .filter((p) => p.run_id === runId)
        .map(({ key, value, timestamp, step }) => ({ key, value, timestamp, step }));
      db.runs.get(runId)?.metrics.set(String(x.query.metric_key), mine);
    }
  }
  for (const x of xs) {
    if (!x.path.endsWith('/metrics/get-history') || x.status !== 200) continue;
    const runId = String(x.query.run_id ?? '');
    const key = String(x.query.metric_key ?? '');
    const points = (x.response as { metrics?: WireMetric[] }).metrics;
    const run = db.runs.get(runId);
    if (run && points?.length)
      run.metrics.set(
        key,
        points.map((m) => ({ ...m })),
      );
  }
}

function textOf(x: Exchange): string | null {
  const r = x.response;
  if (isBinarySummary(r)) return r.text ?? null;
  return typeof r === 'string' ? r : JSON.stringify(r);
}

const TYPES: Record<string, string> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  webp: 'image/webp',
  jpg: 'image/jpeg',
  gif: 'image/gif',
};
const TEXT = new Set(['json', 'yaml', 'yml', 'csv', 'md', 'txt', 'log', 'py', 'MLmodel']);

export function guessType(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : base;
  return TYPES[ext] ?? (TEXT.has(ext) ? 'text/plain' : 'application/octet-stream');
}

export function addArtifacts(db: Db, xs: Exchange[]): void {
  const listed = new Map<string, Map<string, number>>();
  const dirs = new Map<string, Set<string>>();
  const downloaded = new Map<string, Map<string, DbArtifactFile>>();
  const of = <V>(m: Map<string, V>, runId: string, make: () => V): V => {
    if (!m.has(runId)) m.set(runId, make());
    return m.get(runId) as V;
  };
  for (const x of xs) {
    if (x.path.endsWith('/artifacts/list') && x.status === 200) {
      const runId = String(x.query.run_id);
      for (const f of (
        x.response as { files?: { path: string; is_dir: boolean; file_size?: number }[] }
      ).files ?? []) {
        if (f.is_dir) of(dirs, runId, () => new Set<string>()).add(f.path);
        else of(listed, runId, () => new Map<string, number>()).set(f.path, f.file_size ?? 0);
      }
    }
    if (x.path === '/get-artifact' && x.status !== 404 && x.status !== 500) {
      const runId = String(x.query.run_uuid);
      const path = String(x.query.path);
      const summary = isBinarySummary(x.response) ? x.response : null;
      const text = textOf(x);
      const file: DbArtifactFile =
        x.status !== 200
          ? {
              path,
              body: '',
              size: 0,
              contentType: guessType(path),
              failWith: { status: x.status, contentType: contentTypeOf(x), body: text ?? '' },
            }
          : {
              path,
              body:
                summary && summary.text === undefined
                  ? new Uint8Array(summary.byte_length)
                  : (text ?? ''),
              size: summary?.byte_length ?? (text ?? '').length,
              contentType: contentTypeOf(x),
            };
      of(downloaded, runId, () => new Map<string, DbArtifactFile>()).set(path, file);
    }
  }
  const runIds = new Set([...listed.keys(), ...dirs.keys(), ...downloaded.keys()]);
  for (const runId of runIds) {
    const files = new Map<string, DbArtifactFile>();
    for (const [path, size] of listed.get(runId) ?? []) {
      files.set(path, { path, body: new Uint8Array(size), size, contentType: guessType(path) });
    }
    for (const [path, f] of downloaded.get(runId) ?? []) {
      const size = listed.get(runId)?.get(path);
      files.set(path, size === undefined ? f : { ...f, size });
    }
    // a listed folder nothing else was recorded in: keep it visible with a placeholder file
    for (const dir of dirs.get(runId) ?? []) {
      if (![...files.keys()].some((p) => p.startsWith(`${dir}/`)))
        files.set(`${dir}/.keep`, {
          path: `${dir}/.keep`,
          body: '',
          size: 0,
          contentType: 'text/plain',
        });
    }
    db.artifacts.set(
      runId,
      [...files.values()].sort((a, b) => (a.path < b.path ? -1 : 1)),
    );
  }
}

function addRegistry(db: Db, xs: Exchange[]): void {
  const models = (
    xs.find((x) => x.name === 'registered_models_search_all')?.response as {
      registered_models: WireRegisteredModel[];
    }
  ).registered_models;
  const versions = (
    xs.find((x) => x.name === 'model_versions_search_all')?.response as {
      model_versions: WireModelVersion[];
    }
  ).model_versions;
  for (const m of models) {
    const { latest_versions: _latest, aliases, ...model } = m;
    db.registeredModels.set(m.name, {
      model: { ...model },
      aliases: new Map((aliases ?? []).map((a) => [a.alias, a.version])),
    });
    const mine = versions.filter((v) => v.name === m.name).map((v) => ({ ...v }));
    db.modelVersions.set(
      m.name,
      mine.sort((a, b) => Number(a.version) - Number(b.version)),
    );
  }
}

function addTraces(db: Db, xs: Exchange[]): void {
  const infos = (
    xs.find((x) => x.name === 'traces_search_all')?.response as { traces: WireTraceInfo[] }
  ).traces;
  const data = new Map<string, string>();
  for (const x of xs) {
    if (x.path.endsWith('/get-trace-artifact') && x.status === 200) {
      // keep span times digit for digit
      data.set(String(x.query.request_id), rawResponseText(x.name));
    }
  }
  for (const info of infos) {
    const fallback = JSON.stringify({
      spans: [
        {
          name: 'root',
          context: { span_id: '0x0000000000000001', trace_id: '0x01' },
          parent_id: null,
          start_time: info.timestamp_ms * 1e6,
          end_time: (info.timestamp_ms + (info.execution_time_ms ?? 0)) * 1e6,
          status_code: 'OK',
          status_message: '',
          attributes: {},
          events: [],
        },
      ],
      request: null,
      response: null,
    });
    db.traces.set(info.request_id, {
      info: { ...info, tags: info.tags?.map((t) => ({ ...t })) },
      data: data.get(info.request_id) ?? fallback,
    });
  }
}

/** Build the recorded workspace: experiments, runs, histories, artifacts, registry, traces. */
export function createRecordedDb(): Db {
  const xs = loadExchanges();
  // The recordings are of a 2.17.0 server: the db answers as one.
  const db = createEmptyDb(undefined, '2.17.0');
  const exps = (
    xs.find((x) => x.name === 'experiments_search_view_all')?.response as {
      experiments: WireExperiment[];
    }
  ).experiments;
  for (const e of exps)
    db.experiments.set(e.experiment_id, { ...e, tags: e.tags?.map((t) => ({ ...t })) });
  for (const [id, w] of collectRuns(xs)) db.runs.set(id, toDbRun(w));
  addHistories(db, xs);
  addArtifacts(db, xs);
  addRegistry(db, xs);
  addTraces(db, xs);
  db.seq.experiment = Math.max(0, ...[...db.experiments.keys()].map(Number));
  return db;
}
