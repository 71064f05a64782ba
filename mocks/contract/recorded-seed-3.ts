/**
 * The MLflow 3.18 recorded workspace: a db at line 3.18.0 rebuilt from the
 * 3.18.0 recordings, with the real ids (experiments, runs, histories,
 * artifacts, registry and prompts, traces with their assessments, logged
 * models). Objects the recordings show only partly are filled in as little
 * as possible: a trace whose spans were never recorded gets one root span.
 */
import type {
  WireExperiment,
  WireKeyValue,
  WireModelVersion,
  WireRegisteredModel,
  WireRun,
  WireTraceInfo,
} from '../../app/api/wire';
import { createEmptyDb, type Db, type DbLoggedModel, type DbTrace } from '../db';
import type { WireAssessment3 } from '../wire3';
import { isBinarySummary, type Exchange, type ExchangeSet } from './exchanges';
import { LINE_3 } from './exchanges-3';
import {
  addArtifacts,
  addHistories,
  collectRuns,
  guessType,
  modelIo,
  toDbRun,
} from './recorded-seed';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every object a 200 read answered with, at any depth, for which `pick` says yes. */
function collect<T>(xs: Exchange[], pick: (o: Obj) => T | undefined): T[] {
  const out: T[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isObj(v)) {
      const hit = pick(v);
      if (hit !== undefined) out.push(hit);
      Object.values(v).forEach(walk);
    }
  };
  for (const x of xs) if (x.status === 200) walk(x.response);
  return out;
}

function addRegistry(db: Db, xs: Exchange[]): void {
  // registered models (prompts included) from every answer that lists or gets one
  const models = collect(xs, (o) =>
    typeof o.name === 'string' && typeof o.creation_timestamp === 'number' && !('version' in o)
      ? (o as unknown as WireRegisteredModel)
      : undefined,
  );
  for (const m of models) {
    if (db.registeredModels.has(m.name)) continue;
    const { latest_versions: _latest, aliases, ...model } = m;
    db.registeredModels.set(m.name, {
      model: { ...model, tags: model.tags?.map((t) => ({ ...t })) },
      aliases: new Map((aliases ?? []).map((a) => [a.alias, a.version])),
    });
  }
  // versions: from latest_versions and model-versions/get, each (name, version) once
  const versions = collect(xs, (o) =>
    typeof o.name === 'string' && typeof o.version === 'string'
      ? (o as unknown as WireModelVersion & { aliases?: string[] })
      : undefined,
  );
  for (const { aliases: _aliases, ...mv } of versions) {
    const list = db.modelVersions.get(mv.name) ?? [];
    if (list.some((v) => v.version === mv.version)) continue;
    list.push({ ...mv, tags: mv.tags?.map((t) => ({ ...t })) });
    db.modelVersions.set(
      mv.name,
      list.sort((a, b) => Number(a.version) - Number(b.version)),
    );
  }
}

interface TraceInfo3 {
  trace_id: string;
  trace_location: { mlflow_experiment?: { experiment_id: string } };
  request_time: string;
  execution_duration?: string;
  state: string;
  trace_metadata?: Record<string, string>;
  tags?: Record<string, string>;
  assessments?: WireAssessment3[];
  request_preview?: string;
  response_preview?: string;
}

const kvList = (m: Record<string, string> | undefined): WireKeyValue[] =>
  Object.keys(m ?? {})
    .sort()
    .map((key) => ({ key, value: (m ?? {})[key] ?? '' }));

/** A v3 trace info as the store keeps it (the v2 form). */
function toV2(t: TraceInfo3): WireTraceInfo {
  const seconds = t.execution_duration ? Number.parseFloat(t.execution_duration) : undefined;
  return {
    request_id: t.trace_id,
    experiment_id: t.trace_location.mlflow_experiment?.experiment_id ?? '',
    timestamp_ms: Date.parse(t.request_time),
    ...(seconds !== undefined ? { execution_time_ms: Math.round(seconds * 1000) } : {}),
    status: t.state,
    request_metadata: kvList(t.trace_metadata),
    tags: kvList(t.tags),
  };
}

/** An OTLP AnyValue (traces/get) -> the plain value it holds. */
function plain(v: unknown): unknown {
  if (!isObj(v)) return null;
  if ('string_value' in v) return v.string_value;
  if ('bool_value' in v) return v.bool_value;
  if ('int_value' in v) return Number(v.int_value);
  if ('double_value' in v) return v.double_value;
  const arr = v.array_value;
  if (isObj(arr)) return (Array.isArray(arr.values) ? arr.values : []).map(plain);
  const kv = v.kvlist_value;
  if (isObj(kv))
    return Object.fromEntries(
      (Array.isArray(kv.values) ? kv.values.filter(isObj) : []).map((e) => [
        String(e.key),
        plain(e.value),
      ]),
    );
  return null;
}

const attrs = (list: unknown, asJsonText: boolean): Obj =>
  Object.fromEntries(
    (Array.isArray(list) ? list.filter(isObj) : []).map((a) => [
      String(a.key),
      asJsonText ? JSON.stringify(plain(a.value)) : plain(a.value),
    ]),
  );

/** traces/get's OTLP spans -> the span data get-trace-artifact serves (attribute values as JSON text). */
function spanData(spans: Obj[]): string {
  return JSON.stringify({
    spans: spans.map((s) => ({
      trace_id: s.trace_id,
      span_id: s.span_id,
      parent_span_id: s.parent_span_id ?? null,
      name: s.name,
      kind: s.kind,
      start_time_unix_nano: s.start_time_unix_nano,
      end_time_unix_nano: s.end_time_unix_nano,
      events: (Array.isArray(s.events) ? s.events.filter(isObj) : []).map((e) => ({
        name: e.name,
        time_unix_nano: e.time_unix_nano,
        attributes: attrs(e.attributes, false),
      })),
      status: isObj(s.status) ? { message: '', ...s.status } : { code: 'STATUS_CODE_UNSET' },
      attributes: attrs(s.attributes, true),
      links: [],
    })),
  });
}

function rootSpan(info: WireTraceInfo): string {
  const start = BigInt(info.timestamp_ms) * 1_000_000n;
  const end = start + BigInt(info.execution_time_ms ?? 0) * 1_000_000n;
  return `{"spans": [{"trace_id": "AAAAAAAAAAAAAAAAAAAAAQ==", "span_id": "AAAAAAAAAAE=", "parent_span_id": null, "name": "root", "kind": "SPAN_KIND_INTERNAL", "start_time_unix_nano": ${start}, "end_time_unix_nano": ${end}, "events": [], "status": {"code": "STATUS_CODE_OK", "message": ""}, "attributes": {}, "links": []}]}`;
}

function addTraces(db: Db, set: ExchangeSet, xs: Exchange[]): void {
  const v3 = collect(xs, (o) =>
    typeof o.trace_id === 'string' && isObj(o.trace_location)
      ? (o as unknown as TraceInfo3)
      : undefined,
  );
  const v2 = collect(xs, (o) =>
    typeof o.request_id === 'string' && typeof o.timestamp_ms === 'number'
      ? (o as unknown as WireTraceInfo)
      : undefined,
  );
  const data = new Map<string, string>();
  for (const x of xs) {
    if (x.path.endsWith('/get-trace-artifact') && x.status === 200) {
      // the recorder kept a summary with the text, or the parsed body (read raw: every digit)
      const text = isBinarySummary(x.response) ? x.response.text : set.rawResponseText(x.name);
      if (text !== undefined) data.set(String(x.query.request_id), text);
    }
  }
  for (const t of collect(xs, (o) =>
    isObj(o.trace_info) && Array.isArray(o.spans) ? o : undefined,
  )) {
    const id = String((t.trace_info as Obj).trace_id);
    if (!data.has(id)) data.set(id, spanData((t.spans as unknown[]).filter(isObj)));
  }
  for (const info3 of v3) {
    const id = info3.trace_id;
    const known = db.traces.get(id);
    if (known) {
      // a later answer may carry assessments an earlier one did not
      if (!known.assessments?.length && info3.assessments?.length)
        known.assessments = structuredClone(info3.assessments);
      continue;
    }
    const info = v2.find((i) => i.request_id === id) ?? toV2(info3);
    const trace: DbTrace = {
      info: structuredClone(info),
      data: data.get(id) ?? rootSpan(info),
      ...(info3.assessments?.length ? { assessments: structuredClone(info3.assessments) } : {}),
    };
    const previews = {
      ...(info3.request_preview !== undefined ? { request: info3.request_preview } : {}),
      ...(info3.response_preview !== undefined ? { response: info3.response_preview } : {}),
    };
    if (Object.keys(previews).length) trace.previews = previews;
    db.traces.set(id, trace);
  }
}

interface LoggedModelWire {
  info: Omit<DbLoggedModel, 'params' | 'metrics' | 'files' | 'tags'> & { tags?: WireKeyValue[] };
  data?: { params?: WireKeyValue[]; metrics?: DbLoggedModel['metrics'] };
}

function addLoggedModels(db: Db, xs: Exchange[]): void {
  const models = collect(xs, (o) =>
    isObj(o.info) && typeof o.info.model_id === 'string'
      ? (o as unknown as LoggedModelWire)
      : undefined,
  );
  for (const { info, data } of models) {
    if (db.loggedModels.has(info.model_id)) continue;
    const {
      tags,
      artifact_uri: _uri,
      ...rest
    } = info as LoggedModelWire['info'] & {
      artifact_uri?: string;
    };
    db.loggedModels.set(info.model_id, {
      ...rest,
      tags: (tags ?? []).map((t) => ({ ...t })),
      params: (data?.params ?? []).map((p) => ({ ...p })),
      metrics: (data?.metrics ?? []).map((m) => ({ ...m })),
      files: [],
    });
  }
  for (const x of xs) {
    const m = /\/logged-models\/(m-[0-9a-f]+)\/artifacts\/directories$/.exec(x.path);
    const lm = m && db.loggedModels.get(m[1] ?? '');
    if (!lm || x.status !== 200) continue;
    const files = (
      x.response as { files?: { path: string; is_dir: boolean; file_size?: number }[] }
    ).files;
    for (const f of files ?? [])
      if (!f.is_dir) {
        const size = f.file_size ?? 0;
        lm.files.push({
          path: f.path,
          body: new Uint8Array(size),
          size,
          contentType: guessType(f.path),
        });
      }
  }
}

/**
 * Files read through model-versions/get-artifact: a version made from a logged model
 * serves that model's files, so the model (known only by its id and the MLmodel's
 * artifact_path) holds them.
 */
function addModelVersionFiles(db: Db, xs: Exchange[]): void {
  for (const x of xs) {
    if (x.path !== '/model-versions/get-artifact' || x.status !== 200) continue;
    const mv = db.modelVersions
      .get(String(x.query.name))
      ?.find((v) => v.version === String(x.query.version));
    const id = /^models:\/(m-[0-9a-f]+)$/.exec(mv?.source ?? '')?.[1];
    const summary = isBinarySummary(x.response) ? x.response : null;
    if (!mv || !id || !summary) continue;
    let lm = db.loggedModels.get(id);
    if (!lm) {
      const exp = /mlflow-artifacts:\/(\d+)\/models\//.exec(summary.text ?? '')?.[1] ?? '0';
      lm = {
        model_id: id,
        experiment_id: exp,
        name: mv.name,
        creation_timestamp_ms: mv.creation_timestamp ?? 0,
        last_updated_timestamp_ms: mv.creation_timestamp ?? 0,
        status: 'LOGGED_MODEL_READY',
        model_type: '',
        source_run_id: mv.run_id ?? '',
        tags: [],
        params: [],
        metrics: [],
        files: [],
      };
      db.loggedModels.set(id, lm);
    }
    const path = String(x.query.path);
    lm.files = lm.files.filter((f) => f.path !== path);
    lm.files.push({
      path,
      body: summary.text ?? new Uint8Array(summary.byte_length),
      size: summary.byte_length,
      contentType: summary.content_type,
    });
  }
}

/** runs/search leaves `inputs.model_inputs` out: take each run's model io from its runs/get. */
function addRunModelIo(db: Db, xs: Exchange[]): void {
  for (const x of xs) {
    if (!x.path.endsWith('/runs/get') || x.status !== 200) continue;
    const w = (x.response as { run: WireRun }).run;
    const run = db.runs.get(w.info.run_id);
    if (run) Object.assign(run, modelIo(w));
  }
}

/** Build the 3.18 recorded workspace from its reads (writes are replayed on top of it, not baked in). */
export function createRecordedDb3(set: ExchangeSet = LINE_3): Db {
  const xs = set.load().filter((x) => !x.name.startsWith('write_'));
  const db = createEmptyDb();
  db.line = set.line;
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
  addTraces(db, set, xs);
  addLoggedModels(db, xs);
  addModelVersionFiles(db, xs);
  addRunModelIo(db, xs);
  db.seq.experiment = Math.max(0, ...[...db.experiments.keys()].map(Number));
  return db;
}
