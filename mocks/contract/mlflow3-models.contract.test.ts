/**
 * Contract (MLflow 3.18.0): the recorded logged-model and prompt exchanges
 * replayed against the demo workspace seeded as a 3.18 server
 * (RUNLENS_DEMO_MLFLOW=3.18.0) answer with the recorded status, body form
 * and JSON shape, and the recorded error messages. The recorded ids map to
 * the demo's by role (the workload's `logged_models` experiment is the
 * demo's model-training). Against a 2.17 demo the logged-model routes answer
 * Flask's HTML 404, as a real 2.17 server does.
 */
import type { HttpHandler } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { createHandlers } from '../handlers/index';
import { createDemoDb, demo3Ids, demoIds } from '../seed';
import { contentTypeOf, type Exchange } from './exchanges';
import { exchange3, loadExchanges3 } from './exchanges-3';
import { IdMap, replay } from './replay';
import { shapeDiff } from './shape';

const hex = (id: string) => id.replace(/^m-/, '');

/** Recorded ids (mocks/recordings/mlflow-3.18.0/exchanges/_index.json) -> the demo's. */
function idMap(): IdMap {
  const ids = new IdMap();
  ids.experiments.set('11', demoIds.EXP_MODEL);
  const pairs: [string, string][] = [
    ['fefe5682a8574af5a72c9517d0b7a6b3', demo3Ids.LM_IRIS],
    ['f76d0eb47aee4316a12a59f8b2250aea', demo3Ids.LM_IRIS_STRONG],
    ['7b2f8e3d8d944f9da80a36c4b4a2ec6c', demo3Ids.R_LM_TRAIN],
    ['1ff0b83b2399487b839638a68a4bf454', demo3Ids.R_LM_TRAIN_STRONG],
    ['fe55ee3a790f4ee7ab4d513f55c78705', demo3Ids.R_LM_SCORE],
  ];
  for (const [recorded, mine] of pairs) ids.hex.set(recorded, hex(mine));
  return ids;
}

const isModelOrPrompt = (x: Exchange) =>
  /logged.?model|prompt|registered_models_search_all/.test(x.name) &&
  !x.name.startsWith('write_') &&
  !x.name.startsWith('artifacts_list');

const reads = loadExchanges3().filter(isModelOrPrompt);

function demo3(): { db: Db; handlers: HttpHandler[] } {
  const { db } = createDemoDb({ line: '3.18.0' });
  return { db, handlers: createHandlers(db) };
}

/** Same endpoint, any id in the path. */
const endpointOf = (x: Exchange): string =>
  `${x.method} ${x.path.replace(/^\/(ajax-)?api\/2\.0/, '').replace(/m-[0-9a-f]{32}|[0-9a-f]{32}/g, ':id')}`;

/** Other 200 recordings of the same endpoint: their array elements widen what a mock element may hold. */
function peersOf(x: Exchange): unknown[] {
  return loadExchanges3()
    .filter((p) => p !== x && p.status === 200 && endpointOf(p) === endpointOf(x))
    .map((p) => p.response);
}

async function expectLikeRecorded(
  handlers: HttpHandler[],
  x: Exchange,
  ids: IdMap,
): Promise<unknown> {
  const r = await replay(handlers, x, ids);
  expect(r.status, `${x.name} status (body ${r.text.slice(0, 300)})`).toBe(x.status);
  expect(r.contentType.split(';')[0]).toBe(contentTypeOf(x).split(';')[0]);
  if (!contentTypeOf(x).startsWith('application/json')) return r.text;
  const diffs = shapeDiff(x.response, r.json, x.status === 200 ? peersOf(x) : []).filter(
    (d) =>
      !d.startsWith('$.next_page_token') &&
      // empty lists are omitted: a model without metrics or params (recorded: write_logged_models_create)
      !/^\$\.models\[\d+\]\.(data\.metrics|data\.params|info\.tags): missing$/.test(d),
  );
  expect(diffs, `${x.name}: ${diffs.join('\n')}`).toEqual([]);
  const rec = x.response as { error_code?: string; message?: string };
  if (typeof rec.error_code === 'string')
    expect(r.json).toEqual({ ...rec, message: ids.text(rec.message ?? '') });
  return r.json;
}

describe('contract (3.18.0 demo): logged models and prompts', () => {
  const { handlers } = demo3();
  it('covers the recorded logged-model and prompt reads', () => {
    expect(reads.map((x) => x.name)).toContain('logged_models_search');
    expect(reads.length).toBeGreaterThanOrEqual(20);
  });
  for (const x of reads) {
    it(`${x.name}: ${x.method} ${x.path}`, async () => {
      await expectLikeRecorded(handlers, x, idMap());
    });
  }

  it('lists no prompt in a plain registered-models search, and no version of one', async () => {
    const all = (await expectLikeRecorded(
      handlers,
      exchange3('registered_models_search_all'),
      idMap(),
    )) as { registered_models: { name: string }[] };
    const names = all.registered_models.map((m) => m.name);
    expect(names).toContain(demo3Ids.MODEL_LOGGED);
    expect(names).not.toContain('qa-prompt');
    expect(
      await expectLikeRecorded(handlers, exchange3('model_versions_search_prompt'), idMap()),
    ).toEqual({});
  });

  it('answers the recorded logged-model writes in order', async () => {
    const w = demo3();
    const ids = idMap();
    const created = (await expectLikeRecorded(
      w.handlers,
      exchange3('write_logged_models_create'),
      ids,
    )) as { model: { info: { model_id: string } } };
    ids.hex.set('b4a543f4592948d5a21c2c6cf62b0c36', hex(created.model.info.model_id));
    for (const name of [
      'write_logged_models_finalize',
      'write_logged_models_log_params',
      'write_logged_models_log_params_2',
      'write_logged_models_set_tags',
      'write_logged_models_set_tags_2',
      'write_logged_models_delete_tag',
    ])
      await expectLikeRecorded(w.handlers, exchange3(name), ids);
    // a run logs a metric for the new model on a dataset, and names it as an output
    const run = (await expectLikeRecorded(
      w.handlers,
      exchange3('write_runs_create_for_model_io'),
      ids,
    )) as { run: { info: { run_id: string } } };
    ids.hex.set('c2dd525485844fd1b21cc30246184421', run.run.info.run_id);
    await expectLikeRecorded(w.handlers, exchange3('write_runs_log_metric_model_dataset'), ids);
    await expectLikeRecorded(w.handlers, exchange3('write_runs_log_outputs'), ids);
    expect(w.db.runs.get(run.run.info.run_id)?.modelOutputs).toEqual([
      { model_id: created.model.info.model_id, step: 0 },
    ]);
    const lm = w.db.loggedModels.get(created.model.info.model_id);
    expect(lm?.status).toBe('LOGGED_MODEL_READY');
    expect(lm?.params).toContainEqual({ key: 'k', value: 'v' });
    expect(lm?.metrics).toMatchObject([
      { key: 'accuracy', value: 0.9, dataset_name: 'tiny', dataset_digest: 'abc123' },
    ]);
    expect(
      w.db.loggedModels.get(demo3Ids.LM_IRIS_STRONG)?.tags.some((t) => t.key === 'stage'),
    ).toBe(false);
  });

  it('answers the recorded prompt writes in order', async () => {
    const w = demo3();
    const ids = idMap();
    for (const name of [
      'write_prompts_register_version',
      'write_prompts_register_version_2',
      'write_prompts_register_version_3',
      'write_prompts_register_version_4',
      'write_prompts_set_alias',
      'write_prompts_set_alias_2',
      'write_prompts_set_alias_3',
      'write_prompts_delete_alias',
    ])
      await expectLikeRecorded(w.handlers, exchange3(name), ids);
    expect(w.db.modelVersions.get('qa-prompt')?.map((v) => v.version)).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
  });
});

describe('contract (2.17.0 demo): no logged models', () => {
  const { db } = createDemoDb({ line: '2.17.0' });
  const handlers = createHandlers(db);
  for (const name of [
    'logged_models_get',
    'logged_models_search',
    'logged_models_artifacts_directories',
  ])
    it(`${name} is Flask's HTML 404`, async () => {
      const r = await replay(handlers, exchange3(name), idMap());
      expect(r.status).toBe(404);
      expect(r.contentType).toMatch(/^text\/html/);
    });
  it('seeds no logged model, prompt or model output', () => {
    expect(db.loggedModels.size).toBe(0);
    expect(db.registeredModels.has('qa-prompt')).toBe(false);
    expect([...db.runs.values()].some((r) => r.modelOutputs || r.modelInputs)).toBe(false);
  });
});
