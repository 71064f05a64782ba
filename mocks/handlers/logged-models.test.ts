/**
 * logged-models/search and the prompt registry on the 3.18 demo, with the
 * answers a real 3.18.0 server gave to the same questions (asked of one with
 * three models alpha/beta/gamma; see mocks/search/logged-models.ts).
 */
import { describe, expect, it } from 'vitest';
import { createDemoDb, demo3Ids, demoIds } from '../seed';
import { client } from './test-client';

const API = '/api/2.0/mlflow';
const SEARCH = `${API}/logged-models/search`;
const call = client(createDemoDb({ line: '3.18.0' }).db);
const exp = [demoIds.EXP_MODEL];

async function names(body: Record<string, unknown>): Promise<string[]> {
  const r = await call('POST', SEARCH, body);
  expect(r.status, r.text).toBe(200);
  return ((r.body.models ?? []) as { info: { name: string } }[]).map((m) => m.info.name);
}

describe('logged-models/search (3.18 demo)', () => {
  it('lists newest first, and filters on name, params, tags, status and metrics', async () => {
    expect(await names({ experiment_ids: exp })).toEqual([
      'external-model',
      'iris-logreg-strong',
      'iris-logreg',
    ]);
    expect(await names({ experiment_ids: exp, filter: "name ILIKE '%STRONG%'" })).toEqual([
      'iris-logreg-strong',
    ]);
    expect(await names({ experiment_ids: exp, filter: 'params.C = 1.0' })).toEqual(['iris-logreg']);
    expect(
      await names({
        experiment_ids: exp,
        filter: "tags.framework LIKE 'sk%' AND status = 'READY'",
      }),
    ).toEqual(['iris-logreg-strong', 'iris-logreg']);
    // the latest value: the eval accuracy (0.98 / 0.94), logged after the train one
    expect(await names({ experiment_ids: exp, filter: 'metrics.accuracy > 0.95' })).toEqual([
      'iris-logreg',
    ]);
  });

  it('orders by a metric on one dataset, nulls last, and by name', async () => {
    const byTrainF1 = await names({
      experiment_ids: exp,
      order_by: [{ field_name: 'metrics.f1_macro', ascending: true, dataset_name: 'iris-train' }],
    });
    expect(byTrainF1).toEqual(['iris-logreg-strong', 'iris-logreg', 'external-model']);
    expect(
      await names({ experiment_ids: exp, order_by: [{ field_name: 'name', ascending: false }] }),
    ).toEqual(['iris-logreg-strong', 'iris-logreg', 'external-model']);
  });

  it('pages with a token bound to the query', async () => {
    const first = await call('POST', SEARCH, { experiment_ids: exp, max_results: 2 });
    const token = first.body.next_page_token as string;
    expect(JSON.parse(atob(token))).toEqual({
      experiment_ids: exp,
      filter_string: null,
      order_by: null,
      offset: 2,
    });
    expect(await names({ experiment_ids: exp, max_results: 2, page_token: token })).toEqual([
      'iris-logreg',
    ]);
    const other = await call('POST', SEARCH, {
      experiment_ids: exp,
      filter: "name = 'x'",
      page_token: token,
    });
    expect(other.status).toBe(400);
  });

  it('answers bad input with the errors 3.18 gives', async () => {
    const bad = async (body: Record<string, unknown>) => {
      const r = await call('POST', SEARCH, body);
      expect(r.status).toBe(400);
      return r.body;
    };
    expect(
      await bad({ experiment_ids: exp, order_by: [{ field_name: 'last_updated_time' }] }),
    ).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: 'Invalid order by field name: last_updated_time',
      sqlstate: 'KAM04',
      error_class: 'ATTRIBUTE_NOT_FOUND',
    });
    expect((await bad({ experiment_ids: exp, filter: "status = 'NOPE'" })).message).toBe(
      "Unknown model status in filter: 'NOPE'",
    );
    expect((await bad({ experiment_ids: exp, filter: "name = 'x' OR name = 'y'" })).message).toBe(
      "Invalid filter string: 'name = 'x' OR name = 'y''. Expected a list of comparisons separated by 'AND' (e.g. 'metrics.loss > 0.1 AND params.lr = 0.01').",
    );
    expect((await bad({})).message).toMatch(
      /Missing value for required parameter 'experiment_ids'/,
    );
  });

  it('serves the model artifacts and the MLmodel of a version made from it', async () => {
    const dir = await call('GET', `${API}/logged-models/${demo3Ids.LM_IRIS}/artifacts/directories`);
    expect((dir.body.files as { path: string }[]).map((f) => f.path)).toContain('MLmodel');
    const file = await call(
      'GET',
      `/ajax-api/2.0/mlflow/logged-models/${demo3Ids.LM_IRIS}/artifacts/files?artifact_file_path=MLmodel`,
    );
    expect(file.text).toContain(`model_id: ${demo3Ids.LM_IRIS}`);
    const mv = await call('GET', '/model-versions/get-artifact', {
      path: 'MLmodel',
      name: demo3Ids.MODEL_LOGGED,
      version: '1',
    });
    expect(mv.text).toBe(file.text);
  });
});

describe('prompts in the registry (3.18 demo)', () => {
  it('are searched only with the prompt tag, models only without it', async () => {
    const rms = async (filter?: string) =>
      (
        ((await call('GET', `${API}/registered-models/search`, filter ? { filter } : {})).body
          .registered_models ?? []) as { name: string }[]
      ).map((m) => m.name);
    const prompts = await rms("tags.`mlflow.prompt.is_prompt` = 'true'");
    expect(prompts).toEqual(['agent-playbook', 'hostile-prompt', 'qa-prompt', 'support-agent']);
    const models = await rms();
    expect(models).toContain('iris-logged');
    expect(models.some((m) => prompts.includes(m))).toBe(false);
    const versions = await call('GET', `${API}/model-versions/search`, {
      filter: "name = 'qa-prompt' AND tags.`mlflow.prompt.is_prompt` = 'true'",
    });
    expect((versions.body.model_versions as unknown[]).length).toBe(3);
  });

  it('are absent, with the logged models, from a 2.17 demo', async () => {
    const old = client(createDemoDb({ line: '2.17.0' }).db);
    const r = await old('POST', SEARCH, { experiment_ids: exp });
    expect(r.status).toBe(404);
    expect(r.contentType).toMatch(/^text\/html/);
    const rms = await old('GET', `${API}/registered-models/search`, {
      filter: "tags.`mlflow.prompt.is_prompt` = 'true'",
    });
    expect(rms.body).toEqual({});
  });
});
