import { describe, expect, it } from 'vitest';
import { ShapeError } from './check';
import { decodeLoggedModel, isLoggedModelId } from './logged-models';

/** A logged model as MLflow 3.18 answers `GET /api/2.0/mlflow/logged-models/<id>` (trimmed). */
const wire = {
  info: {
    model_id: 'm-158b',
    experiment_id: '1',
    name: 'clf',
    creation_timestamp_ms: 1796462430455,
    artifact_uri: 'mlflow-artifacts:/1/models/m-158b/artifacts',
    status: 'LOGGED_MODEL_READY',
    model_type: '',
    source_run_id: '1eeb',
    tags: [
      {
        key: 'mlflow.modelVersions',
        value: '[{"name": "h16-model", "version": 1}, {"name": "h16-model", "version": "1"}]',
      },
      { key: 'team', value: '<b>ml</b>' },
    ],
  },
  data: {
    params: [{ key: 'C', value: '1.0' }],
    metrics: [
      {
        key: 'acc',
        value: 0.9,
        timestamp: 1,
        step: 0,
        dataset_name: 'eval_ds',
        dataset_digest: '8185',
        model_id: 'm-158b',
        run_id: '1eeb',
      },
    ],
  },
};

describe('decodeLoggedModel', () => {
  it('reads info, params, metrics with their dataset, and the registered versions tag', () => {
    const m = decodeLoggedModel(wire);
    expect(m).toMatchObject({
      id: 'm-158b',
      experimentId: '1',
      name: 'clf',
      status: 'READY',
      sourceRunId: '1eeb',
      params: { C: '1.0' },
    });
    expect(m.metrics[0]).toMatchObject({
      key: 'acc',
      value: 0.9,
      datasetName: 'eval_ds',
      modelId: 'm-158b',
    });
    expect(m.registeredVersions).toEqual([{ name: 'h16-model', version: '1' }]);
    expect(m.tags.team).toBe('<b>ml</b>');
  });

  it('names the field of a wrong shape', () => {
    expect(() => decodeLoggedModel({ info: { ...wire.info, model_id: {} } })).toThrow(ShapeError);
    expect(() => decodeLoggedModel({})).toThrow(/model\.info/);
  });

  it('tells logged model ids from run ids', () => {
    expect(isLoggedModelId('m-158b')).toBe(true);
    expect(isLoggedModelId('1eeb481d61844d3f9c76fb5866ccbc06')).toBe(false);
  });
});
