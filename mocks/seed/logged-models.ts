/**
 * MLflow 3 only: logged models (`mlflow.sklearn.log_model(name=...)` in 3.x)
 * in the demo's model-training (3) and churn (4) experiments, as the 3.18.0
 * recording has them (mocks/recordings/mlflow-3.18.0, experiment
 * `logged_models`): the same names, params, metric values per dataset, tags,
 * the consuming `score-with-logreg` run and the `iris-logged` registered
 * model, whose versions' source is `models:/m-…`. Seeded only when the db
 * mirrors a 3.x server.
 */
import type { WireDatasetInput, WireKeyValue, WireModelVersion } from '../../app/api/wire';
import type { Db, DbArtifactFile, DbLoggedModel, DbLoggedModelMetric, DbRun } from '../db';
import {
  addRun,
  binaryFile,
  kvs,
  metric,
  setMetric,
  SOURCE_TAGS,
  textFile,
  type Pairs,
} from './build';
import { DEMO_NOW, demoIds } from './ids';
import { fakePickle } from './models';
import { pyDumps } from './pyjson';
import { hexId } from './random';

/** 3.x objects were logged the evening before DEMO_NOW, after the 2.17-era ones. */
const L = DEMO_NOW - 12 * 3600_000;

const modelId = (name: string) => `m-${hexId(`logged-model/${name}`, 0)}`;
const runId = (name: string) => hexId(`run3/${name}`, 0);

/** Ids of the MLflow 3 objects (present only when the demo mirrors a 3.x server). */
export const demo3Ids = {
  LM_IRIS: modelId('iris-logreg'),
  /** Carries `<img src=x onerror=alert(1)>` in a tag and `<script>` in a param. */
  LM_IRIS_STRONG: modelId('iris-logreg-strong'),
  /** No source run: made by `create_external_model`. */
  LM_EXTERNAL: modelId('external-model'),
  LM_CHURN: modelId('churn-gbm'),
  /** train-iris-logreg: outputs LM_IRIS. */
  R_LM_TRAIN: runId('train-iris-logreg'),
  R_LM_TRAIN_STRONG: runId('train-iris-logreg-strong'),
  /** score-with-logreg: takes LM_IRIS as a model input, logs batch_accuracy for it. */
  R_LM_SCORE: runId('score-with-logreg'),
  R_LM_CHURN: runId('train-churn-gbm'),
  /** Registered from logged models: v1 = LM_IRIS (alias prod), v2 = LM_IRIS_STRONG. */
  MODEL_LOGGED: 'iris-logged',
} as const;

export const HOSTILE_IMG = '<img src=x onerror=alert(1)>';
export const HOSTILE_SCRIPT = '<script>alert(1)</script>';

const IRIS_SCHEMA = JSON.stringify({
  mlflow_colspec: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width']
    .map((name) => ({ type: 'double', name, required: true }))
    .concat([{ type: 'long', name: 'target', required: true }]),
});

function dataset(
  name: string,
  digest: string,
  rows: number,
  context?: string,
  schema = IRIS_SCHEMA,
  columns = 5,
): WireDatasetInput {
  return {
    ...(context ? { tags: kvs([['mlflow.data.context', context]]) } : {}),
    dataset: {
      name,
      digest,
      source_type: 'code',
      source: JSON.stringify({ tags: Object.fromEntries(SOURCE_TAGS) }),
      schema,
      profile: JSON.stringify({ num_rows: rows, num_elements: rows * columns }),
    },
  };
}

const IRIS_TRAIN = { name: 'iris-train', digest: '470bc25c' };
const IRIS_EVAL = { name: 'iris-eval', digest: '7ab501f3' };

function mlmodel(exp: string, id: string, run: string, utc: string, flavor: 'sklearn' | 'xgboost') {
  const flavors =
    flavor === 'sklearn'
      ? '  python_function:\n    env:\n      conda: conda.yaml\n      virtualenv: python_env.yaml\n' +
        '    loader_module: mlflow.sklearn\n    model_path: model.skops\n    predict_fn: predict\n' +
        '    python_version: 3.11.7\n  sklearn:\n    code: null\n    pickled_model: model.skops\n' +
        '    serialization_format: skops\n    sklearn_version: 1.9.1\n    skops_trusted_types: null\n'
      : '  python_function:\n    data: model.xgb\n    env:\n      conda: conda.yaml\n      virtualenv: python_env.yaml\n' +
        '    loader_module: mlflow.xgboost\n    python_version: 3.11.7\n  xgboost:\n    code: null\n' +
        '    data: model.xgb\n    model_class: xgboost.sklearn.XGBClassifier\n    model_format: xgb\n    xgb_version: 3.0.2\n';
  const signature =
    flavor === 'sklearn'
      ? 'saved_input_example_info:\n  artifact_path: input_example.json\n  pandas_orient: split\n' +
        '  serving_input_path: serving_input_example.json\n  type: dataframe\nsignature:\n' +
        '  inputs: \'[{"type": "double", "name": "sepal_length", "required": true}, {"type":\n' +
        '    "double", "name": "sepal_width", "required": true}, {"type": "double", "name":\n' +
        '    "petal_length", "required": true}, {"type": "double", "name": "petal_width", "required":\n' +
        "    true}]'\n" +
        '  outputs: \'[{"type": "tensor", "tensor-spec": {"dtype": "int64", "shape": [-1]}}]\'\n' +
        '  params: null\n'
      : '';
  return (
    `artifact_path: mlflow-artifacts:/${exp}/models/${id}/artifacts\nflavors:\n${flavors}` +
    `is_signature_from_type_hint: false\nmlflow_version: 3.18.0\nmodel_id: ${id}\n` +
    `model_size_bytes: 11574\nmodel_uuid: ${id}\nprompts: null\n${run ? `run_id: ${run}\n` : ''}` +
    `${signature}type_hint_from_example: false\nutc_time_created: '${utc}'\n`
  );
}

const CONDA = (lib: string) =>
  `channels:\n- conda-forge\ndependencies:\n- python=3.11.7\n- pip<=24.0\n- pip:\n  - mlflow==3.18.0\n  - ${lib}\nname: mlflow-env\n`;
const PYTHON_ENV =
  'python: 3.11.7\nbuild_dependencies:\n- pip==24.0\n- setuptools\n- wheel\ndependencies:\n- -r requirements.txt\n';
const INPUT_EXAMPLE =
  '{"columns": ["sepal_length", "sepal_width", "petal_length", "petal_width"], "data": [[5.1, 3.5, 1.4, 0.2]]}';
const SERVING_EXAMPLE =
  '{\n  "dataframe_split": {\n    "columns": [\n      "sepal_length",\n      "sepal_width",\n' +
  '      "petal_length",\n      "petal_width"\n    ],\n    "data": [\n      [\n        5.1,\n' +
  '        3.5,\n        1.4,\n        0.2\n      ]\n    ]\n  }\n}';

function modelFiles(
  exp: string,
  id: string,
  run: string,
  utc: string,
  flavor: 'sklearn' | 'xgboost',
): DbArtifactFile[] {
  const lib = flavor === 'sklearn' ? 'scikit-learn==1.9.1' : 'xgboost==3.0.2';
  return [
    textFile('MLmodel', mlmodel(exp, id, run, utc, flavor)),
    textFile('conda.yaml', CONDA(lib)),
    ...(flavor === 'sklearn'
      ? [
          textFile('input_example.json', INPUT_EXAMPLE),
          binaryFile('model.skops', fakePickle(`skops/${id}`, 11061)),
        ]
      : [binaryFile('model.xgb', fakePickle(`xgb/${id}`, 48211))]),
    textFile('python_env.yaml', PYTHON_ENV),
    textFile('requirements.txt', `mlflow==3.18.0\n${lib}`),
    ...(flavor === 'sklearn' ? [textFile('serving_input_example.json', SERVING_EXAMPLE)] : []),
  ];
}

interface ModelSpec {
  id: string;
  exp: string;
  name: string;
  created: number;
  updated: number;
  modelType: string;
  run: string;
  params: Pairs;
  tags: Pairs;
  flavor: 'sklearn' | 'xgboost' | null;
}

const MODEL_SOURCE_TAGS: Pairs = [
  ['mlflow.source.name', 'workload.py'],
  ['mlflow.source.type', 'LOCAL'],
  ['mlflow.user', 'root'],
];

function addLoggedModel(db: Db, s: ModelSpec): DbLoggedModel {
  const utc = new Date(s.created).toISOString().replace('T', ' ').replace('Z', '000');
  const lm: DbLoggedModel = {
    model_id: s.id,
    experiment_id: s.exp,
    name: s.name,
    creation_timestamp_ms: s.created,
    last_updated_timestamp_ms: s.updated,
    status: 'LOGGED_MODEL_READY',
    model_type: s.modelType,
    source_run_id: s.run,
    tags: kvs(s.tags),
    params: kvs(s.params),
    metrics: [],
    files: s.flavor ? modelFiles(s.exp, s.id, s.run, utc, s.flavor) : [],
  };
  db.loggedModels.set(s.id, lm);
  return lm;
}

/**
 * `log_metric(..., model_id=, dataset=)`: a point in the run's history (no
 * dataset there, as get-history answers) and one in the model's metrics.
 */
function logModelMetric(
  run: DbRun,
  lm: DbLoggedModel,
  key: string,
  value: number,
  timestamp: number,
  ds: { name: string; digest: string },
): void {
  const point = metric(key, value, timestamp, 0);
  const prev = run.metrics.get(key);
  const history = Array.isArray(prev) ? [...prev, point] : [point];
  setMetric(run, key, history, point);
  const m: DbLoggedModelMetric = {
    ...point,
    dataset_name: ds.name,
    dataset_digest: ds.digest,
    run_id: run.info.run_id,
  };
  lm.metrics.push(m);
}

/** `mlflow.modelVersions` as the 3.18 client writes it: each version twice, as a number then as text. */
function modelVersionsTag(name: string, versions: number[]): [string, string] {
  const items = versions.flatMap((v) => [
    { name, version: v },
    { name, version: String(v) },
  ]);
  return ['mlflow.modelVersions', pyDumps(items)];
}

function sortTags(tags: WireKeyValue[]): WireKeyValue[] {
  return tags.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function seedLoggedModels(db: Db): void {
  const ids = demo3Ids;
  const exp = demoIds.EXP_MODEL;
  const runTags = (name: string): Pairs => [...SOURCE_TAGS, ['mlflow.runName', name]];
  const specs: [string, string, string, number, Pairs, string][] = [
    [
      ids.R_LM_TRAIN,
      ids.LM_IRIS,
      'iris-logreg',
      0,
      [
        ['C', '1.0'],
        ['penalty', 'l2'],
      ],
      'ok',
    ],
    [
      ids.R_LM_TRAIN_STRONG,
      ids.LM_IRIS_STRONG,
      'iris-logreg-strong',
      551,
      [
        ['C', '0.05'],
        ['penalty', 'l2'],
        ['preprocess', `${HOSTILE_SCRIPT} standard-scaler`],
      ],
      HOSTILE_IMG,
    ],
  ];
  // prettier-ignore
  const values: Record<string, [number, number, number, number]> = {
    'iris-logreg': [0.9733333333333334, 0.9538666666666668, 0.98, 0.9603999999999999],
    'iris-logreg-strong': [0.94, 0.9211999999999999, 0.94, 0.9211999999999999],
  };
  const models = new Map<string, DbLoggedModel>();
  for (const [rid, mid, name, at, params, note] of specs) {
    const t = L + at;
    const run = addRun(db, {
      id: rid,
      experimentId: exp,
      name: `train-${name}`,
      start: t,
      end: t + (at ? 1012 : 505),
      tags: runTags(`train-${name}`),
      inputs: [
        dataset(IRIS_TRAIN.name, IRIS_TRAIN.digest, 150, 'training'),
        dataset(IRIS_EVAL.name, IRIS_EVAL.digest, 50),
      ],
    });
    run.modelOutputs = [{ model_id: mid, step: 0 }];
    const versions = name === 'iris-logreg' ? [1] : [2];
    const lm = addLoggedModel(db, {
      id: mid,
      exp,
      name,
      created: t + 102,
      updated: t + 287,
      modelType: 'classifier',
      run: rid,
      params,
      tags: [
        ['framework', 'sklearn'],
        modelVersionsTag(ids.MODEL_LOGGED, versions),
        ...MODEL_SOURCE_TAGS,
        ['note', note],
      ],
      flavor: 'sklearn',
    });
    lm.tags = sortTags(lm.tags);
    const metrics = values[name];
    if (!metrics) throw new Error(`no metric values for logged model ${name}`);
    const [trAcc, trF1, evAcc, evF1] = metrics;
    logModelMetric(run, lm, 'accuracy', trAcc, t + 312, IRIS_TRAIN);
    logModelMetric(run, lm, 'f1_macro', trF1, t + 366, IRIS_TRAIN);
    logModelMetric(run, lm, 'accuracy', evAcc, t + 447, IRIS_EVAL);
    logModelMetric(run, lm, 'f1_macro', evF1, t + 468, IRIS_EVAL);
    models.set(name, lm);
  }
  // A later run scores the first model on the eval set: a model input, and a metric for the model.
  const score = addRun(db, {
    id: ids.R_LM_SCORE,
    experimentId: exp,
    name: 'score-with-logreg',
    start: L + 1592,
    end: L + 1714,
    tags: runTags('score-with-logreg'),
    inputs: [dataset(IRIS_EVAL.name, IRIS_EVAL.digest, 50)],
  });
  score.modelInputs = [{ model_id: ids.LM_IRIS }];
  const iris = models.get('iris-logreg');
  if (iris) logModelMetric(score, iris, 'batch_accuracy', 0.95, L + 1667, IRIS_EVAL);

  addLoggedModel(db, {
    id: ids.LM_EXTERNAL,
    exp,
    name: 'external-model',
    created: L + 32_285,
    updated: L + 32_310,
    modelType: '',
    run: '',
    params: [['source', 'external']],
    tags: [['kind', 'external']],
    flavor: null,
  });
  seedChurnModel(db);
  seedLoggedRegistry(db);
}

function seedChurnModel(db: Db): void {
  const ids = demo3Ids;
  const t = L + 40_000;
  const run = addRun(db, {
    id: ids.R_LM_CHURN,
    experimentId: demoIds.EXP_CHURN,
    name: 'train-churn-gbm',
    start: t,
    end: t + 2_400,
    params: [['n_estimators', '300']],
    tags: [...SOURCE_TAGS, ['mlflow.runName', 'train-churn-gbm']],
  });
  run.modelOutputs = [{ model_id: ids.LM_CHURN, step: 0 }];
  const lm = addLoggedModel(db, {
    id: ids.LM_CHURN,
    exp: demoIds.EXP_CHURN,
    name: 'churn-gbm',
    created: t + 1_900,
    updated: t + 2_100,
    modelType: 'gbm',
    run: ids.R_LM_CHURN,
    params: [
      ['learning_rate', '0.05'],
      ['max_depth', '6'],
      ['n_estimators', '300'],
    ],
    tags: [['framework', 'xgboost'], ...MODEL_SOURCE_TAGS],
    flavor: 'xgboost',
  });
  const ds = { name: 'churn-val', digest: 'c0ffee12' };
  logModelMetric(run, lm, 'val_auc', 0.881, t + 2_200, ds);
  logModelMetric(run, lm, 'val_logloss', 0.318, t + 2_210, ds);
}

function seedLoggedRegistry(db: Db): void {
  const ids = demo3Ids;
  const name = ids.MODEL_LOGGED;
  const version = (v: number, lm: string, run: string, at: number): WireModelVersion => ({
    name,
    version: String(v),
    creation_timestamp: at,
    last_updated_timestamp: at,
    current_stage: 'None',
    description: '',
    source: `models:/${lm}`,
    run_id: run,
    status: 'READY',
    run_link: '',
  });
  db.registeredModels.set(name, {
    model: {
      name,
      creation_timestamp: L + 1_750,
      last_updated_timestamp: L + 2_300,
      description: 'Registered from logged models (MLflow 3).',
    },
    aliases: new Map([['prod', '1']]),
  });
  db.modelVersions.set(name, [
    version(1, ids.LM_IRIS, ids.R_LM_TRAIN, L + 1_783),
    version(2, ids.LM_IRIS_STRONG, ids.R_LM_TRAIN_STRONG, L + 2_300),
  ]);
}
