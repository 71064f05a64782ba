/**
 * The workspaces the contract tests replay against: the recorded one (ids are
 * the real ids) and, once mocks/seed/index.ts exists, the demo workspace,
 * whose ids are mapped from the recorded ones through `demoIds` and, for ids
 * `_index.json` does not name, through the recorded run and trace names.
 */
import type { Db } from '../db';
import { loadExchanges, loadIndex } from './exchanges';
import { createRecordedDb } from './recorded-seed';
import { createRecordedDb3 } from './recorded-seed-3';
import { IdMap } from './replay';

export interface Workspace {
  label: string;
  makeDb: () => Db;
  /** A fresh id map for a db made by makeDb (the demo seed is deterministic). */
  ids: (db: Db) => IdMap;
  /** Rebuilt from the recordings (real ids, same objects): paging and text files compare exactly. */
  exact?: boolean;
}

interface SeedModule {
  createDemoDb: (scale?: Record<string, unknown>) => { db: Db; ids: Record<string, string> };
  RECORDED_ONLY?: Record<string, unknown>;
}

// Vite resolves the glob at build time: an empty object until the seed exists.
const seedModules = import.meta.glob<SeedModule>('../seed/index.ts');

export const recordedWorkspace: Workspace = {
  label: 'recorded workspace',
  makeDb: createRecordedDb,
  ids: () => new IdMap(),
  exact: true,
};

/** The 3.18.0 recordings rebuilt as a db at line 3.18.0 (recorded-seed-3.ts). */
export const recordedWorkspace3: Workspace = {
  label: 'recorded 3.18.0 workspace',
  makeDb: () => createRecordedDb3(),
  ids: () => new IdMap(),
  exact: true,
};

/** recorded run id -> {name, experiment}, recorded trace id -> name, from every recorded body. */
function recordedNames(): {
  runs: Map<string, { name: string; experimentId: string }>;
  traces: Map<string, string>;
} {
  const runs = new Map<string, { name: string; experimentId: string }>();
  const traces = new Map<string, string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (
        typeof o.run_id === 'string' &&
        typeof o.run_name === 'string' &&
        typeof o.experiment_id === 'string'
      ) {
        runs.set(o.run_id, { name: o.run_name, experimentId: o.experiment_id });
      }
      if (typeof o.request_id === 'string' && Array.isArray(o.tags)) {
        const name = (o.tags as { key: string; value: string }[]).find(
          (t) => t.key === 'mlflow.traceName',
        )?.value;
        if (name) traces.set(o.request_id, name);
      }
      Object.values(o).forEach(walk);
    }
  };
  for (const x of loadExchanges()) walk(x.response);
  return { runs, traces };
}

export async function demoWorkspace(
  scale?: Record<string, unknown>,
  label = 'demo workspace',
): Promise<Workspace | null> {
  const load = seedModules['../seed/index.ts'];
  if (!load) return null;
  const mod = await load();
  const index = loadIndex();
  const names = recordedNames();
  let demoIds: Record<string, string> = {};
  return {
    label,
    makeDb: () => {
      // The recordings are of a 2.17.0 server: the demo mirrors that line here (its default is 3.18).
      const { db, ids } = mod.createDemoDb({ ...scale, line: '2.17.0' });
      demoIds = ids;
      return db;
    },
    ids: (db) => {
      const map = new IdMap((recordedId) => {
        const run = names.runs.get(recordedId);
        if (run) {
          const exp = map.experiment(run.experimentId);
          for (const r of db.runs.values())
            if (r.info.run_name === run.name && r.info.experiment_id === exp) return r.info.run_id;
        }
        const traceName = names.traces.get(recordedId);
        if (traceName) {
          for (const t of db.traces.values())
            if (t.info.tags?.some((x) => x.key === 'mlflow.traceName' && x.value === traceName))
              return t.info.request_id;
        }
        return undefined;
      });
      for (const [key, recorded] of Object.entries(index.ids)) {
        const mine = demoIds[key];
        if (mine === undefined) continue;
        if (key.startsWith('EXP_')) map.experiments.set(recorded, mine);
        else map.hex.set(recorded, mine);
      }
      return map;
    },
  };
}

/**
 * What the contract tests run against: the recorded workspace, and the demo
 * workspace both at its recorded-only scale (the same objects as the
 * recording) and at its default scale (more of everything).
 */
export async function contractWorkspaces(): Promise<Workspace[]> {
  const load = seedModules['../seed/index.ts'];
  if (!load) return [recordedWorkspace];
  const mod = await load();
  const small = await demoWorkspace(mod.RECORDED_ONLY ?? {}, 'demo workspace, recorded-only scale');
  const full = await demoWorkspace(undefined, 'demo workspace, default scale');
  return [recordedWorkspace, ...(small ? [small] : []), ...(full ? [full] : [])];
}
