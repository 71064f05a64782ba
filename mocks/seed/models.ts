/**
 * `model-training` (id 3) and `churn` (id 4): runs that logged models, their
 * `model/` folders, and the recorded registry (iris-classifier, churn-model, empty-model).
 */
import type { WireModelVersion } from '../../app/api/wire';
import type { Db, DbArtifactFile } from '../db';
import {
  addFiles,
  addRun,
  binaryFile,
  kvs,
  setSingleMetric,
  SOURCE_TAGS,
  textFile,
  type Pairs,
} from './build';
import { R } from './experiments';
import { demoIds } from './ids';
import { pyDumps } from './pyjson';
import { Rng } from './random';

const SKLEARN_FLAVORS = {
  python_function: {
    model_path: 'model.pkl',
    predict_fn: 'predict',
    loader_module: 'mlflow.sklearn',
    python_version: '3.11.2',
    env: { conda: 'conda.yaml', virtualenv: 'python_env.yaml' },
  },
  sklearn: {
    pickled_model: 'model.pkl',
    sklearn_version: '1.2.1',
    serialization_format: 'cloudpickle',
    code: null,
  },
};

export function logModelHistory(
  runId: string,
  utc: string,
  modelUuid: string,
  flavors: typeof SKLEARN_FLAVORS | typeof XGB_FLAVORS,
): string {
  return pyDumps([
    {
      run_id: runId,
      artifact_path: 'model',
      utc_time_created: utc,
      model_uuid: modelUuid,
      flavors,
    },
  ]);
}

/** The MLmodel file of `mlflow.sklearn.log_model` (1,079 bytes, as recorded). */
export function sklearnMlmodel(runId: string, utc: string, modelUuid: string): string {
  return (
    'artifact_path: model\nflavors:\n  python_function:\n    env:\n      conda: conda.yaml\n      virtualenv: python_env.yaml\n' +
    '    loader_module: mlflow.sklearn\n    model_path: model.pkl\n    predict_fn: predict\n    python_version: 3.11.2\n' +
    '  sklearn:\n    code: null\n    pickled_model: model.pkl\n    serialization_format: cloudpickle\n    sklearn_version: 1.2.1\n' +
    `mlflow_version: 2.17.0\nmodel_size_bytes: 1548\nmodel_uuid: ${modelUuid}\nrun_id: ${runId}\n` +
    'saved_input_example_info:\n  artifact_path: input_example.json\n  pandas_orient: split\n' +
    '  serving_input_path: serving_input_example.json\n  type: dataframe\nsignature:\n' +
    '  inputs: \'[{"type": "double", "name": "sepal length (cm)", "required": true}, {"type":\n' +
    '    "double", "name": "sepal width (cm)", "required": true}, {"type": "double", "name":\n' +
    '    "petal length (cm)", "required": true}, {"type": "double", "name": "petal width\n' +
    '    (cm)", "required": true}]\'\n' +
    '  outputs: \'[{"type": "tensor", "tensor-spec": {"dtype": "int64", "shape": [-1]}}]\'\n' +
    `  params: null\nutc_time_created: '${utc}'\n`
  );
}

const IRIS_COLUMNS = [
  'sepal length (cm)',
  'sepal width (cm)',
  'petal length (cm)',
  'petal width (cm)',
];
const INPUT_EXAMPLE =
  '{"columns": ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"], ' +
  '"data": [[5.1, 3.5, 1.4, 0.2], [4.9, 3.0, 1.4, 0.2], [4.7, 3.2, 1.3, 0.2]]}';
const SERVING_INPUT_EXAMPLE = `{\n  "dataframe_split": {\n    "columns": [\n${IRIS_COLUMNS.map((c) => `      "${c}"`).join(',\n')}\n    ],\n    "data": [\n${[
  ['5.1', '3.5', '1.4', '0.2'],
  ['4.9', '3.0', '1.4', '0.2'],
  ['4.7', '3.2', '1.3', '0.2'],
]
  .map((row) => `      [\n${row.map((v) => `        ${v}`).join(',\n')}\n      ]`)
  .join(',\n')}\n    ]\n  }\n}`;
const CONDA_YAML =
  'channels:\n- conda-forge\ndependencies:\n- python=3.11.2\n- pip<=23.0.1\n- pip:\n  - mlflow==2.17.0\n  - scikit-learn==1.2.1\nname: mlflow-env\n';
const PYTHON_ENV_YAML =
  'python: 3.11.2\nbuild_dependencies:\n- pip==23.0.1\n- setuptools==66.1.1\n- wheel==0.38.4\ndependencies:\n- -r requirements.txt\n';

/** Pickle-looking bytes (protocol 5 header, then noise). */
export function fakePickle(seed: string, size: number): Uint8Array {
  const bytes = new Rng(seed).bytes(size);
  bytes.set([0x80, 0x05, 0x95], 0);
  bytes[size - 1] = 0x2e; // STOP
  return bytes;
}

export function sklearnModelFiles(runId: string, utc: string, modelUuid: string): DbArtifactFile[] {
  return [
    textFile('model/MLmodel', sklearnMlmodel(runId, utc, modelUuid)),
    textFile('model/conda.yaml', CONDA_YAML),
    textFile('model/input_example.json', INPUT_EXAMPLE),
    binaryFile('model/model.pkl', fakePickle(`pkl/${runId}`, 995)),
    textFile('model/python_env.yaml', PYTHON_ENV_YAML),
    textFile('model/requirements.txt', 'mlflow==2.17.0\nscikit-learn==1.2.1'),
    textFile('model/serving_input_example.json', SERVING_INPUT_EXAMPLE),
  ];
}

const XGB_FLAVORS = {
  python_function: {
    loader_module: 'mlflow.xgboost',
    python_version: '3.11.2',
    data: 'model.xgb',
    env: { conda: 'conda.yaml', virtualenv: 'python_env.yaml' },
  },
  xgboost: {
    xgb_version: '2.0.3',
    data: 'model.xgb',
    model_class: 'xgboost.sklearn.XGBClassifier',
    model_format: 'xgb',
    code: null,
  },
};

function xgbModelFiles(runId: string, utc: string, modelUuid: string): DbArtifactFile[] {
  const mlmodel =
    'artifact_path: model\nflavors:\n  python_function:\n    data: model.xgb\n    env:\n      conda: conda.yaml\n' +
    '      virtualenv: python_env.yaml\n    loader_module: mlflow.xgboost\n    python_version: 3.11.2\n  xgboost:\n' +
    '    code: null\n    data: model.xgb\n    model_class: xgboost.sklearn.XGBClassifier\n    model_format: xgb\n' +
    `    xgb_version: 2.0.3\nmlflow_version: 2.17.0\nmodel_size_bytes: 48211\nmodel_uuid: ${modelUuid}\nrun_id: ${runId}\n` +
    `utc_time_created: '${utc}'\n`;
  return [
    textFile('model/MLmodel', mlmodel),
    textFile('model/conda.yaml', CONDA_YAML.replace('scikit-learn==1.2.1', 'xgboost==2.0.3')),
    binaryFile('model/model.xgb', new Rng(`xgb/${runId}`).bytes(48211)),
    textFile('model/python_env.yaml', PYTHON_ENV_YAML),
    textFile('model/requirements.txt', 'mlflow==2.17.0\nxgboost==2.0.3'),
  ];
}

// prettier-ignore
const IRIS_RUNS: ReadonlyArray<readonly [string, string, number, number, number, number, string, string]> = [
  [demoIds.R_MODEL_V1, '0.1', 407685, 408130, 0.96, 407724, '2026-11-27 19:40:07.743380', '88a654544b274b2ea4a88333cbe385df'],
  [demoIds.R_MODEL, '1.0', 408148, 408305, 0.9733333333333334, 408177, '2026-11-27 19:40:08.187945', '3b673ffb23434897b2dce7f3b3d9c7a8'],
  [demoIds.R_MODEL_V3, '10.0', 408322, 408479, 0.98, 408358, '2026-11-27 19:40:08.366782', '83ddf2b96eef436b9a39235f7e0ba410'],
];

// prettier-ignore
const CHURN_RUNS: ReadonlyArray<readonly [string, number, number, Pairs, number, number, string, string]> = [
  [demoIds.R_CHURN_V1, 408600, 408638, [['n_estimators', '200'], ['max_depth', '4'], ['learning_rate', '0.1']], 0.861, 0.352, '2026-11-27 19:40:08.631207', '5d0c0e3b3a7c4f0f9a1d2e8b6c4f7a10'],
  [demoIds.R_CHURN_V2, 408650, 408690, [['n_estimators', '400'], ['max_depth', '6'], ['learning_rate', '0.05']], 0.874, 0.331, '2026-11-27 19:40:08.683530', 'c2e7a9f14b6d4e2a8f3b5c7d9e1f2a3b'],
];

export function seedModelRuns(db: Db): void {
  for (const [id, c, start, end, acc, accAt, utc, modelUuid] of IRIS_RUNS) {
    const name = `iris-logreg-C${c}`;
    const run = addRun(db, {
      id,
      experimentId: demoIds.EXP_MODEL,
      name,
      start: R + start,
      end: R + end,
      params: [['C', c]],
      tags: [
        ...SOURCE_TAGS,
        ['mlflow.runName', name],
        ['mlflow.log-model.history', logModelHistory(id, utc, modelUuid, SKLEARN_FLAVORS)],
      ],
    });
    setSingleMetric(run, 'train_accuracy', acc, R + accAt);
    addFiles(db, id, sklearnModelFiles(id, utc, modelUuid));
  }
  CHURN_RUNS.forEach(([id, start, end, params, auc, logloss, utc, modelUuid], i) => {
    const name = `gbm-attempt-${i}`;
    const run = addRun(db, {
      id,
      experimentId: demoIds.EXP_CHURN,
      name,
      start: R + start,
      end: R + end,
      params,
      tags: [
        ...SOURCE_TAGS,
        ['mlflow.runName', name],
        ['mlflow.log-model.history', logModelHistory(id, utc, modelUuid, XGB_FLAVORS)],
      ],
    });
    setSingleMetric(run, 'val_auc', auc, R + end - 20);
    setSingleMetric(run, 'val_logloss', logloss, R + end - 19);
    addFiles(db, id, xgbModelFiles(id, utc, modelUuid));
  });
}

function version(
  name: string,
  v: number,
  created: number,
  updated: number,
  stage: string,
  description: string,
  source: string,
  runId: string,
  tags?: Pairs,
): WireModelVersion {
  return {
    name,
    version: String(v),
    creation_timestamp: created,
    last_updated_timestamp: updated,
    current_stage: stage,
    description,
    source,
    run_id: runId,
    status: 'READY',
    ...(tags ? { tags: kvs(tags) } : {}),
    run_link: '',
  };
}

export function seedRegistry(db: Db): void {
  const iris = demoIds.MODEL_IRIS;
  const src = (runId: string) => `mlflow-artifacts:/3/${runId}/artifacts/model`;
  db.registeredModels.set(iris, {
    model: {
      name: iris,
      creation_timestamp: R + 407941,
      last_updated_timestamp: R + 408571,
      description: 'Logistic regression on iris. Owned by ml-platform.',
      tags: kvs([
        ['task', 'classification'],
        ['team', 'ml-platform'],
      ]),
    },
    aliases: new Map([
      ['challenger', '3'],
      ['champion', '2'],
    ]),
  });
  db.modelVersions.set(iris, [
    version(
      iris,
      1,
      R + 407957,
      R + 408552,
      'Archived',
      'first baseline (C=0.1)',
      src(demoIds.R_MODEL_V1),
      demoIds.R_MODEL_V1,
    ),
    version(
      iris,
      2,
      R + 408250,
      R + 408563,
      'Production',
      '',
      src(demoIds.R_MODEL),
      demoIds.R_MODEL,
      [['validation_status', 'approved']],
    ),
    version(
      iris,
      3,
      R + 408422,
      R + 408571,
      'Staging',
      '',
      src(demoIds.R_MODEL_V3),
      demoIds.R_MODEL_V3,
      [['validation_status', 'pending']],
    ),
  ]);
  const churn = demoIds.MODEL_CHURN;
  db.registeredModels.set(churn, {
    model: {
      name: churn,
      creation_timestamp: R + 408595,
      last_updated_timestamp: R + 408695,
      description: 'Churn prediction (gradient boosting)',
      tags: kvs([['domain', 'marketing']]),
    },
    aliases: new Map([['champion', '1']]),
  });
  db.modelVersions.set(churn, [
    version(
      churn,
      1,
      R + 408643,
      R + 408643,
      'None',
      'gbm attempt 0',
      `runs:/${demoIds.R_CHURN_V1}/model`,
      demoIds.R_CHURN_V1,
      [['framework', 'xgboost']],
    ),
    version(
      churn,
      2,
      R + 408695,
      R + 408695,
      'None',
      'gbm attempt 1',
      `runs:/${demoIds.R_CHURN_V2}/model`,
      demoIds.R_CHURN_V2,
      [['framework', 'xgboost']],
    ),
  ]);
  const empty = demoIds.MODEL_EMPTY;
  db.registeredModels.set(empty, {
    model: {
      name: empty,
      creation_timestamp: R + 408708,
      last_updated_timestamp: R + 408708,
      description: 'registered but no versions yet',
    },
    aliases: new Map(),
  });
  db.modelVersions.set(empty, []);
}
