/** Small builders that put wire-shaped objects into the Db. */
import type {
  WireDatasetInput,
  WireExperiment,
  WireKeyValue,
  WireMetric,
  WireMetricValue,
  WireRunStatus,
} from '../../app/api/wire';
import type { Db, DbArtifactFile, DbRun, Lazy } from '../db';

/** +inf as the SQLite backend returns it. */
export const MAX_DOUBLE = 1.7976931348623157e308;

/** A metric value in wire form: NaN as "NaN", +/-inf as +/-1.7976931348623157e308. */
export function wireValue(v: number): WireMetricValue {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return MAX_DOUBLE;
  if (v === -Infinity) return -MAX_DOUBLE;
  return v;
}

export type Pairs = ReadonlyArray<readonly [string, string]>;

export function kvs(pairs: Pairs): WireKeyValue[] {
  return pairs.map(([key, value]) => ({ key, value }));
}

/** The tags the Python client sets on every run it starts from a script. */
export const SOURCE_TAGS: Pairs = [
  ['mlflow.user', 'root'],
  ['mlflow.source.name', 'workload.py'],
  ['mlflow.source.type', 'LOCAL'],
];

export interface ExperimentSpec {
  id: string;
  name: string;
  created: number;
  updated?: number;
  deleted?: boolean;
  tags?: Pairs;
}

export function addExperiment(db: Db, spec: ExperimentSpec): WireExperiment {
  const exp: WireExperiment = {
    experiment_id: spec.id,
    name: spec.name,
    artifact_location: `mlflow-artifacts:/${spec.id}`,
    lifecycle_stage: spec.deleted ? 'deleted' : 'active',
    last_update_time: spec.updated ?? spec.created,
    creation_time: spec.created,
  };
  if (spec.tags && spec.tags.length > 0) exp.tags = kvs(spec.tags);
  db.experiments.set(spec.id, exp);
  return exp;
}

export interface RunSpec {
  id: string;
  experimentId: string;
  name: string;
  /** `user_id`; "root" unless said otherwise. */
  user?: string;
  status?: WireRunStatus;
  start: number;
  /** Omitted for a RUNNING run. */
  end?: number;
  deleted?: boolean;
  params?: Pairs;
  /** The full tag list in the order the server returns it (include SOURCE_TAGS and mlflow.runName). */
  tags?: Pairs;
  inputs?: WireDatasetInput[];
}

export function addRun(db: Db, spec: RunSpec): DbRun {
  const run: DbRun = {
    info: {
      run_uuid: spec.id,
      experiment_id: spec.experimentId,
      run_name: spec.name,
      user_id: spec.user ?? 'root',
      status: spec.status ?? 'FINISHED',
      start_time: spec.start,
      ...(spec.end === undefined ? {} : { end_time: spec.end }),
      artifact_uri: `mlflow-artifacts:/${spec.experimentId}/${spec.id}/artifacts`,
      lifecycle_stage: spec.deleted ? 'deleted' : 'active',
      run_id: spec.id,
    },
    params: kvs(spec.params ?? []),
    tags: kvs(spec.tags ?? []),
    inputs: spec.inputs ?? [],
    metrics: new Map(),
    latest: new Map(),
  };
  db.runs.set(spec.id, run);
  return run;
}

export function metric(key: string, value: number, timestamp: number, step: number): WireMetric {
  return { key, value: wireValue(value), timestamp, step };
}

/** Record a metric: its full history (usually lazy) and its latest point (the value at the max step). */
export function setMetric(
  run: DbRun,
  key: string,
  history: Lazy<WireMetric[]>,
  latest: WireMetric,
): void {
  run.metrics.set(key, history);
  run.latest.set(key, latest);
}

/** A metric logged once. */
export function setSingleMetric(
  run: DbRun,
  key: string,
  value: number,
  timestamp: number,
  step = 0,
): void {
  const m = metric(key, value, timestamp, step);
  setMetric(run, key, [m], m);
}

// ---------------------------------------------------------------- artifacts

/** Extensions MLflow 2.17 serves as text/plain (mlflow/server/handlers.py TEXT_EXTENSIONS). */
const TEXT_EXTENSIONS = new Set(
  'txt log err cfg conf cnf cf ini properties prop hocon toml yaml yml xml json js py py3 csv tsv md rst MLmodel mlproject'.split(
    ' ',
  ),
);
const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  html: 'text/html',
  htm: 'text/html',
};

/** The Content-Type a 2.17 server sends for an artifact path (`_guess_mime_type`). */
export function contentTypeFor(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1) : name;
  if (TEXT_EXTENSIONS.has(ext)) return 'text/plain';
  return MIME[ext.toLowerCase()] ?? 'application/octet-stream';
}

/** UTF-8 byte length of a string, without encoding it. */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // a surrogate pair: 2 UTF-16 units, 4 bytes
      i++;
    } else n += 2;
  }
  return n;
}

export function textFile(
  path: string,
  text: string,
  contentType = contentTypeFor(path),
): DbArtifactFile {
  return { path, body: text, size: utf8Length(text), contentType };
}

export function binaryFile(
  path: string,
  bytes: Uint8Array,
  contentType = contentTypeFor(path),
): DbArtifactFile {
  return { path, body: bytes, size: bytes.length, contentType };
}

/** A file whose body is built on each read (not kept, so big bodies do not stay in memory); `size` must be exact. */
export function lazyFile(
  path: string,
  size: number,
  build: () => string | Uint8Array,
  contentType = contentTypeFor(path),
): DbArtifactFile {
  return { path, size, contentType, body: build };
}

export function addFiles(db: Db, runId: string, files: readonly DbArtifactFile[]): void {
  const list = db.artifacts.get(runId);
  if (list) list.push(...files);
  else db.artifacts.set(runId, [...files]);
}

/** ASCII text of exactly `size` bytes, made of lines from `line(i)` (cut or space-padded). */
export function fixedSizeText(size: number, line: (i: number) => string): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const l = `${line(i)}\n`;
    parts.push(l);
    n += l.length;
  }
  return parts.join('').slice(0, size);
}
