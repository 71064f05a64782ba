/** Scale knobs for the registry (EXP_ZOO + N models x V versions) and for the experiment list (filler experiments). */
import type { WireModelVersion } from '../../app/api/wire';
import type { Db } from '../db';
import {
  addExperiment,
  addFiles,
  addRun,
  kvs,
  lazyFile,
  setSingleMetric,
  SOURCE_TAGS,
  textFile,
} from './build';
import { R } from './experiments';
import { demoIds } from './ids';
import { fakePickle } from './models';
import { cycle, hexId, Rng } from './random';

const DOMAINS = [
  'fraud',
  'churn',
  'ranking',
  'forecast',
  'vision',
  'nlp',
  'pricing',
  'ads',
] as const;
const KINDS = ['xgb', 'lgbm', 'logreg', 'resnet', 'bert', 'tft', 'mlp'] as const;
const STAGES = ['Production', 'Staging', 'Archived', 'None'] as const;

/** `models` registered models with `versions` versions each; every model's versions come from one run in EXP_ZOO. */
export function seedModelZoo(db: Db, models: number, versions: number): void {
  const created = R + 520_000;
  addExperiment(db, {
    id: demoIds.EXP_ZOO,
    name: 'model-zoo',
    created,
    updated: created + 3_600_000,
    tags: [['team', 'ml-platform']],
  });
  const rng = new Rng('model-zoo');
  for (let m = 0; m < models; m++) {
    const domain = cycle(DOMAINS, m);
    const kind = cycle(KINDS, Math.floor(m / DOMAINS.length));
    const name = `${domain}-${kind}-${String(m).padStart(4, '0')}`;
    const runId = hexId('run/zoo', m);
    const t0 = created + m * 1_000;
    const run = addRun(db, {
      id: runId,
      experimentId: demoIds.EXP_ZOO,
      name: `train-${name}`,
      start: t0,
      end: t0 + 800,
      params: [
        ['model_kind', kind],
        ['domain', domain],
      ],
      tags: [...SOURCE_TAGS, ['mlflow.runName', `train-${name}`]],
    });
    setSingleMetric(run, 'val_score', Math.round(rng.range(0.7, 0.99) * 1e4) / 1e4, t0 + 700);
    const mlmodel = `artifact_path: model\nflavors:\n  python_function:\n    loader_module: mlflow.pyfunc.model\nmlflow_version: 2.17.0\nrun_id: ${runId}\n`;
    addFiles(db, runId, [
      textFile('model/MLmodel', mlmodel),
      lazyFile('model/model.pkl', 512, () => fakePickle(`zoo/${m}`, 512)),
    ]);
    const source = `mlflow-artifacts:/${demoIds.EXP_ZOO}/${runId}/artifacts/model`;
    const list: WireModelVersion[] = [];
    const production = versions - 1 - (m % 3 === 0 ? 1 : 0);
    for (let v = 1; v <= versions; v++) {
      const stage =
        v === production
          ? STAGES[0]
          : v === versions && v !== production
            ? STAGES[1]
            : v < production - 2
              ? STAGES[2]
              : STAGES[3];
      const at = t0 + v * 37;
      list.push({
        name,
        version: String(v),
        creation_timestamp: at,
        last_updated_timestamp: at + 5,
        current_stage: stage,
        description: v === 1 ? 'first version' : '',
        source,
        run_id: runId,
        status: 'READY',
        ...(v % 4 === 0 ? { tags: kvs([['validated', v % 8 === 0 ? 'true' : 'false']]) } : {}),
        run_link: '',
      });
    }
    db.modelVersions.set(name, list);
    const aliases = new Map<string, string>();
    if (versions > 0 && production >= 1) aliases.set('champion', String(production));
    if (versions > 1) aliases.set('challenger', String(versions));
    db.registeredModels.set(name, {
      model: {
        name,
        creation_timestamp: t0,
        last_updated_timestamp: t0 + versions * 37 + 5,
        description: `${kind} model for ${domain}.`,
        tags: kvs([
          ['domain', domain],
          ['owner', rng.pick(['risk', 'growth', 'search', 'platform'])],
        ]),
      },
      aliases,
    });
  }
}

const TEAMS = ['vision', 'nlp', 'recsys', 'forecasting', 'platform', 'speech'] as const;
const PROJECTS = [
  'baseline',
  'ablation',
  'sweep',
  'distill',
  'finetune',
  'eval',
  'repro',
  'debug',
] as const;

/** Fill the experiment list up to `total` experiments (ids from `firstId`); 5% are deleted, some have runs. */
export function seedFillerExperiments(db: Db, total: number, firstId: number): void {
  const rng = new Rng('filler-experiments');
  const count = total - db.experiments.size;
  const created0 = R + 600_000;
  for (let i = 0; i < count; i++) {
    const id = String(firstId + i);
    const team = cycle(TEAMS, i);
    const name = `${team}/${cycle(PROJECTS, Math.floor(i / TEAMS.length))}-${String(i).padStart(4, '0')}`;
    const created = created0 + i * 20_000;
    const tags: Array<readonly [string, string]> = [['team', team]];
    if (i % 7 === 0)
      tags.push(['mlflow.note.content', `Experiments by the ${team} team (batch ${i}).`]);
    addExperiment(db, {
      id,
      name,
      created,
      updated: created + rng.int(0, 600_000),
      deleted: rng.chance(0.05),
      tags,
    });
    if (i % 3 !== 0) continue;
    for (let r = 0; r < 2; r++) {
      const runId = hexId(`run/filler/${id}`, r);
      const runName = `${PROJECTS[(i + r) % PROJECTS.length]}-${r}`;
      const run = addRun(db, {
        id: runId,
        experimentId: id,
        name: runName,
        start: created + 1_000 + r * 5_000,
        end: created + 4_000 + r * 5_000,
        params: [['seed', String(r)]],
        tags: [...SOURCE_TAGS, ['mlflow.runName', runName]],
      });
      setSingleMetric(
        run,
        'score',
        Math.round(rng.range(0.5, 0.95) * 1e4) / 1e4,
        created + 3_500 + r * 5_000,
      );
    }
  }
}
