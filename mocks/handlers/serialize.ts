/**
 * Store objects -> the JSON a 2.17 server sends, with its omissions: empty
 * lists and unset fields are left out, NaN is "NaN", +/-inf is +/-DBL_MAX.
 * Key order follows the recordings (handy when diffing by eye).
 */
import type {
  WireExperiment,
  WireMetric,
  WireMetricValue,
  WireModelVersion,
  WireRegisteredModel,
  WireRun,
  WireRunData,
  WireRunInfo,
} from '../../app/api/wire';
import type { Db, DbRegisteredModel, DbRun } from '../db';
import { notFound } from './http';

const DBL_MAX = 1.7976931348623157e308;

export function wireValue(v: WireMetricValue | number): WireMetricValue {
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (v === Infinity) return DBL_MAX;
    if (v === -Infinity) return -DBL_MAX;
    return v;
  }
  if (v === 'Infinity') return DBL_MAX;
  if (v === '-Infinity') return -DBL_MAX;
  return 'NaN';
}

export function wireMetric(m: WireMetric): WireMetric {
  return { key: m.key, value: wireValue(m.value), timestamp: m.timestamp ?? 0, step: m.step ?? 0 };
}

/** Drop undefined fields, keeping the given key order. */
function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

export function runInfoToWire(i: WireRunInfo): WireRunInfo {
  return compact({
    run_uuid: i.run_uuid ?? i.run_id,
    experiment_id: i.experiment_id,
    run_name: i.run_name,
    user_id: i.user_id ?? '',
    status: i.status ?? 'FINISHED',
    start_time: i.start_time,
    end_time: i.end_time ? i.end_time : undefined,
    artifact_uri: i.artifact_uri || undefined,
    lifecycle_stage: i.lifecycle_stage ?? 'active',
    run_id: i.run_id,
  });
}

export function runDataToWire(run: DbRun): WireRunData {
  const metrics = [...run.latest.values()].map(wireMetric);
  return compact({
    metrics: metrics.length ? metrics : undefined,
    params: run.params.length ? run.params.map((p) => ({ key: p.key, value: p.value })) : undefined,
    tags: run.tags.length ? run.tags.map((t) => ({ key: t.key, value: t.value })) : undefined,
  });
}

/**
 * As runs/get and runs/search send it: `inputs` is always there, `{}` when
 * empty. A 3.x server adds `inputs.model_inputs` (runs/get only) and an
 * `outputs` object (`{}` when empty, `model_outputs` when the run produced
 * logged models).
 */
export function runToWire(run: DbRun, line3 = false, search = false): WireRun {
  const wire: WireRun = {
    info: runInfoToWire(run.info),
    data: runDataToWire(run),
    inputs: run.inputs.length ? { dataset_inputs: run.inputs } : {},
  };
  if (!line3) return wire;
  // runs/search leaves model inputs out (recorded: runs_search_logged_models_exp); runs/get has them
  const inputs =
    run.modelInputs?.length && !search
      ? { ...wire.inputs, model_inputs: run.modelInputs }
      : wire.inputs;
  const outputs = run.modelOutputs?.length ? { model_outputs: run.modelOutputs } : {};
  return { ...wire, inputs, outputs } as WireRun;
}

/** An experiment; 3.x adds the workspace it lives in, `default` without workspaces (recorded: experiments_get_sweep). */
export function experimentToWire(e: WireExperiment, line3 = false): WireExperiment {
  return compact({
    experiment_id: e.experiment_id,
    name: e.name,
    artifact_location: e.artifact_location,
    lifecycle_stage: e.lifecycle_stage ?? 'active',
    last_update_time: e.last_update_time,
    creation_time: e.creation_time,
    tags: e.tags && e.tags.length ? e.tags.map((t) => ({ key: t.key, value: t.value })) : undefined,
    ...(line3 ? { workspace: 'default' } : {}),
  });
}

/** Alias names pointing at one version, sorted as the registry lists them. */
export function aliasesOf(rm: DbRegisteredModel | undefined, version: string): string[] {
  if (!rm) return [];
  const out: string[] = [];
  for (const [alias, v] of rm.aliases) if (v === version) out.push(alias);
  return out.sort();
}

/**
 * A model version. `aliases` only where the server puts them (model-versions/get,
 * get by alias, writes); search results and latest_versions have none.
 */
export function modelVersionToWire(mv: WireModelVersion, aliases?: string[]): WireModelVersion {
  return compact({
    name: mv.name,
    version: mv.version,
    creation_timestamp: mv.creation_timestamp,
    last_updated_timestamp: mv.last_updated_timestamp,
    user_id: mv.user_id || undefined,
    current_stage: mv.current_stage ?? 'None',
    description: mv.description ?? '',
    source: mv.source,
    run_id: mv.run_id,
    status: mv.status ?? 'READY',
    status_message: mv.status_message || undefined,
    tags:
      mv.tags && mv.tags.length ? mv.tags.map((t) => ({ key: t.key, value: t.value })) : undefined,
    run_link: mv.run_link ?? '',
    aliases: aliases && aliases.length ? aliases : undefined,
  });
}

/** latest_versions: the highest version of each stage, stages in order of first appearance. */
export function latestVersions(
  versions: readonly WireModelVersion[],
  stages?: readonly string[],
): WireModelVersion[] {
  const byStage = new Map<string, WireModelVersion>();
  for (const mv of versions) {
    const stage = mv.current_stage ?? 'None';
    const prev = byStage.get(stage);
    if (!prev || Number(prev.version) < Number(mv.version)) byStage.set(stage, mv);
  }
  const wanted = stages && stages.length ? new Set(stages.map((s) => s.toLowerCase())) : null;
  return [...byStage.entries()]
    .filter(([s]) => !wanted || wanted.has(s.toLowerCase()))
    .map(([, mv]) => mv);
}

export function registeredModelToWire(db: Db, rm: DbRegisteredModel): WireRegisteredModel {
  const m = rm.model;
  const versions = db.modelVersions.get(m.name) ?? [];
  const latest = latestVersions(versions).map((mv) => modelVersionToWire(mv));
  const aliases = [...rm.aliases.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([alias, version]) => ({ alias, version }));
  return compact({
    name: m.name,
    creation_timestamp: m.creation_timestamp,
    last_updated_timestamp: m.last_updated_timestamp,
    user_id: m.user_id || undefined,
    description: m.description,
    latest_versions: latest.length ? latest : undefined,
    tags: m.tags && m.tags.length ? m.tags.map((t) => ({ key: t.key, value: t.value })) : undefined,
    aliases: aliases.length ? aliases : undefined,
  });
}

// ---- lookups with MLflow's not-found errors ---------------------------------------------------

export function getRunOr404(db: Db, runId: string): DbRun {
  const run = db.runs.get(runId);
  if (!run) throw notFound(`Run with id=${runId} not found`);
  return run;
}

export function getExperimentOr404(db: Db, id: string): WireExperiment {
  const e = db.experiments.get(id);
  if (!e) throw notFound(`No Experiment with id=${id} exists`);
  return e;
}

export function getModelOr404(db: Db, name: string): DbRegisteredModel {
  const rm = db.registeredModels.get(name);
  if (!rm) throw notFound(`Registered Model with name=${name} not found`);
  return rm;
}

export function getVersionOr404(db: Db, name: string, version: string): WireModelVersion {
  const mv = (db.modelVersions.get(name) ?? []).find((v) => v.version === version);
  if (!mv) throw notFound(`Model Version (name=${name}, version=${version}) not found`);
  return mv;
}

/** Upsert a {key, value} in a list (in place), keeping the original position. */
export function upsertKv(list: { key: string; value: string }[], key: string, value: string): void {
  const hit = list.find((kv) => kv.key === key);
  if (hit) hit.value = value;
  else list.push({ key, value });
}

export function newRunId(): string {
  let s = '';
  for (let i = 0; i < 32; i++) s += Math.floor(Math.random() * 16).toString(16);
  return s;
}
