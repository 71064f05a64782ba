/** Handler semantics beyond the recordings: routing, lifecycles, runs writes, metrics, artifacts, traces. */
import { describe, expect, it } from 'vitest';
import { at } from '../../app/lib/at';
import { createRecordedDb } from '../contract/recorded-seed';
import { createEmptyDb } from '../db';
import { makeRun } from '../search/builders';
import { client } from './test-client';

const R_VISION = '2c6844b8058e42868ecaaebcc49c32a0';
const R_FAILED = '3ab153a926374eb3800072cef3d83f07';
const R_MODEL = '3e3374d79f124f52be62a48e28e484fc';

describe('routing', () => {
  it('answers on both prefixes and any origin, 405 and 404 as HTML pages', async () => {
    const call = client(createRecordedDb(), 'https://demo.example:8443');
    expect(
      (await call('GET', '/ajax-api/2.0/mlflow/experiments/get', { experiment_id: '1' })).status,
    ).toBe(200);
    expect(
      (await call('GET', '/api/2.0/mlflow/experiments/get', { experiment_id: '1' })).status,
    ).toBe(200);
    const wrong = await call('GET', '/api/2.0/mlflow/runs/search');
    expect([wrong.status, wrong.contentType]).toEqual([405, 'text/html; charset=utf-8']);
    expect(wrong.text).toContain('405 Method Not Allowed');
    const missing = await call('POST', '/ajax-api/2.0/mlflow/nope');
    expect([missing.status, missing.text]).toEqual([404, expect.stringContaining('404 Not Found')]);
    expect(
      (await call('GET', '/api/2.0/mlflow/get-trace-artifact', { request_id: 'x' })).status,
    ).toBe(404);
    expect((await call('GET', '/version')).text).toBe('2.17.0');
    expect((await call('GET', '/health')).text).toBe('OK');
  });

  it('reads DELETE arguments from the body, not the query', async () => {
    const call = client(createRecordedDb());
    const r = await call(
      'DELETE',
      '/api/2.0/mlflow/traces/9f15bc7966a8400c872984a97c0bdd41/tags?key=reviewed',
      {},
    );
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/^Missing value for required parameter 'key'/);
  });
});

describe('experiments and runs lifecycles', () => {
  it('deletes an experiment with its runs and restores both', async () => {
    const call = client(createRecordedDb());
    const active = async (): Promise<number> =>
      (
        (await call('POST', '/api/2.0/mlflow/runs/search', { experiment_ids: ['2'] })).body.runs as
          unknown[] | undefined
      )?.length ?? 0;
    const before = await active();
    expect(before).toBeGreaterThan(0);
    expect(
      (await call('POST', '/api/2.0/mlflow/experiments/delete', { experiment_id: '2' })).status,
    ).toBe(200);
    expect(await active()).toBe(0);
    const search = await call('GET', '/api/2.0/mlflow/experiments/search', {
      view_type: 'DELETED_ONLY',
      max_results: 10,
    });
    expect((search.body.experiments as { name: string }[]).map((e) => e.name)).toContain(
      'vision-demo',
    );
    expect(
      (await call('POST', '/api/2.0/mlflow/experiments/delete', { experiment_id: '2' })).status,
    ).toBe(404);
    await call('POST', '/api/2.0/mlflow/experiments/restore', { experiment_id: '2' });
    expect(await active()).toBeGreaterThanOrEqual(before);
  });

  it('creates, logs to, renames, deletes and restores a run', async () => {
    const call = client(createRecordedDb());
    const created = await call('POST', '/api/2.0/mlflow/runs/create', {
      experiment_id: '1',
      start_time: 5,
    });
    const runId = (created.body.run as { info: { run_id: string; run_name: string } }).info.run_id;
    expect((created.body.run as { info: { run_name: string } }).info.run_name).toMatch(
      /^[a-z]+-[a-z]+-\d+$/,
    );
    await call('POST', '/api/2.0/mlflow/runs/log-metric', {
      run_id: runId,
      key: 'loss',
      value: 2,
      timestamp: 1,
      step: 1,
    });
    await call('POST', '/api/2.0/mlflow/runs/log-batch', {
      run_id: runId,
      metrics: [{ key: 'loss', value: 1, timestamp: 2, step: 0 }],
      params: [{ key: 'lr', value: '0.1' }],
    });
    const run = (await call('GET', '/api/2.0/mlflow/runs/get', { run_id: runId })).body.run as {
      data: { metrics: { value: number; step: number }[] };
    };
    expect(run.data.metrics).toEqual([{ key: 'loss', value: 2, timestamp: 1, step: 1 }]); // the latest is the highest step
    const hist = await call('GET', '/api/2.0/mlflow/metrics/get-history', {
      run_id: runId,
      metric_key: 'loss',
    });
    expect((hist.body.metrics as unknown[]).length).toBe(2);
    const batchConflict = await call('POST', '/api/2.0/mlflow/runs/log-batch', {
      run_id: runId,
      params: [{ key: 'lr', value: '0.2' }],
    });
    expect(batchConflict.body.message).toBe(
      `Changing param values is not allowed. Params were already logged='[{'key': 'lr', 'old_value': '0.1', 'new_value': '0.2'}]' for run ID='${runId}'.`,
    );
    await call('POST', '/api/2.0/mlflow/runs/update', { run_id: runId, run_name: 'renamed' });
    const found = await call('POST', '/api/2.0/mlflow/runs/search', {
      experiment_ids: ['1'],
      filter: "attributes.run_name = 'renamed'",
    });
    expect((found.body.runs as unknown[]).length).toBe(1);
    await call('POST', '/api/2.0/mlflow/runs/delete', { run_id: runId });
    const logDeleted = await call('POST', '/api/2.0/mlflow/runs/set-tag', {
      run_id: runId,
      key: 'a',
      value: 'b',
    });
    expect(logDeleted.body.message).toBe(
      `The run ${runId} must be in the 'active' state. Current state is deleted.`,
    );
    const deleted = await call('POST', '/api/2.0/mlflow/runs/search', {
      experiment_ids: ['1'],
      run_view_type: 'DELETED_ONLY',
    });
    expect(
      (deleted.body.runs as { info: { run_id: string } }[]).map((r) => r.info.run_id),
    ).toContain(runId);
    await call('POST', '/api/2.0/mlflow/runs/restore', { run_id: runId });
    expect(
      (
        (await call('GET', '/api/2.0/mlflow/runs/get', { run_id: runId })).body.run as {
          info: { lifecycle_stage: string };
        }
      ).info.lifecycle_stage,
    ).toBe('active');
  });

  it('gives a full last page of runs a token, and the page after it is {}', async () => {
    const db = createEmptyDb();
    db.experiments.set('1', { experiment_id: '1', name: 'e' });
    for (let i = 0; i < 4; i++) {
      const r = makeRun({ experimentId: '1' });
      db.runs.set(r.info.run_id, r);
    }
    const call = client(db);
    const p1 = await call('POST', '/api/2.0/mlflow/runs/search', {
      experiment_ids: ['1'],
      max_results: 4,
    });
    expect(p1.body.next_page_token).toBeTruthy();
    const p2 = await call('POST', '/api/2.0/mlflow/runs/search', {
      experiment_ids: ['1'],
      max_results: 4,
      page_token: p1.body.next_page_token,
    });
    expect(p2.body).toEqual({});
  });
});

describe('metrics', () => {
  it('get-history-bulk writes NaN as a bare token, like Flask', async () => {
    const call = client(createRecordedDb());
    const r = await call('GET', '/ajax-api/2.0/mlflow/metrics/get-history-bulk', {
      run_id: R_FAILED,
      metric_key: 'val/loss',
    });
    expect(r.status).toBe(200);
    expect(r.text).toMatch(/"value": NaN\}/);
  });

  it('validates get-history-bulk-interval arguments', async () => {
    const call = client(createRecordedDb());
    const path = '/api/2.0/mlflow/metrics/get-history-bulk-interval';
    expect(
      (await call('GET', path, { run_ids: R_FAILED, metric_key: 'val/loss', start_step: 5 })).body
        .message,
    ).toBe('If either start step or end step are specified, both must be specified.');
    expect(
      (
        await call('GET', path, {
          run_ids: R_FAILED,
          metric_key: 'val/loss',
          start_step: 5,
          end_step: 1,
        })
      ).status,
    ).toBe(400);
    expect(
      (await call('GET', path, { run_ids: R_FAILED, metric_key: 'val/loss', max_results: 5000 }))
        .status,
    ).toBe(400);
    const tooMany = Array.from({ length: 101 }, (_, i) => i.toString(16).padStart(32, 'a'));
    expect((await call('GET', path, { run_ids: tooMany, metric_key: 'x' })).body.message).toMatch(
      /at most 100 run_ids. Received 101 run_ids./,
    );
  });
});

describe('artifacts', () => {
  it('serves files with type and disposition, folders and missing files as 500 pages', async () => {
    const call = client(createRecordedDb());
    const csv = await call('GET', '/get-artifact', {
      path: 'metrics_summary.csv',
      run_uuid: R_VISION,
    });
    expect([csv.status, csv.contentType, csv.text]).toEqual([
      200,
      'text/plain',
      'epoch,acc\n0,0.5\n1,0.6\n2,0.7\n3,0.75\n4,0.8\n',
    ]);
    expect((await call('GET', '/get-artifact', { path: 'data', run_uuid: R_VISION })).status).toBe(
      500,
    );
    expect((await call('GET', '/get-artifact', { path: '../x', run_uuid: R_VISION })).status).toBe(
      400,
    );
    const mv = await call('GET', '/model-versions/get-artifact', {
      path: 'MLmodel',
      name: 'iris-classifier',
      version: '2',
    });
    expect([mv.status, mv.text.startsWith('artifact_path: model')]).toEqual([200, true]);
    expect(
      (
        await call('GET', '/model-versions/get-artifact', {
          path: 'MLmodel',
          name: 'iris-classifier',
          version: '9',
        })
      ).status,
    ).toBe(404);
    const deep = await call('GET', '/api/2.0/mlflow/artifacts/list', {
      run_id: R_MODEL,
      path: 'model/',
    });
    expect((deep.body.files as unknown[]).length).toBe(7);
  });

  it('lists and downloads through the proxied mlflow-artifacts endpoints, trace data included', async () => {
    const call = client(createRecordedDb());
    const list = await call('GET', '/api/2.0/mlflow-artifacts/artifacts', {
      path: '5/traces/6993367c5b574ff4965382c20c679929/artifacts',
    });
    expect((list.body.files as { path: string }[])[0]?.path).toBe('traces.json');
    const data = await call(
      'GET',
      '/api/2.0/mlflow-artifacts/artifacts/5/traces/6993367c5b574ff4965382c20c679929/artifacts/traces.json',
    );
    expect([data.status, data.contentType]).toEqual([200, 'text/plain']);
    expect(data.text).toContain('"spans"');
    expect(
      (await call('GET', '/api/2.0/mlflow-artifacts/artifacts', { path: '2/nope/artifacts' })).body,
    ).toEqual({});
  });
});

describe('traces', () => {
  it('deletes the oldest traces up to max_traces', async () => {
    const db = createRecordedDb();
    const call = client(db);
    const before = db.traces.size;
    const oldest = at(
      [...db.traces.values()].sort((a, b) => a.info.timestamp_ms - b.info.timestamp_ms),
      0,
    ).info;
    const r = await call('POST', '/api/2.0/mlflow/traces/delete-traces', {
      experiment_id: '5',
      max_timestamp_millis: 9e15,
      max_traces: 2,
    });
    expect(r.body).toEqual({ traces_deleted: 2 });
    expect(db.traces.size).toBe(before - 2);
    expect(db.traces.has(oldest.request_id)).toBe(false);
    expect((await call('GET', `/api/2.0/mlflow/traces/${oldest.request_id}/info`)).status).toBe(
      404,
    );
  });

  it('caps max_results at 500', async () => {
    const r = await client(createRecordedDb())('GET', '/api/2.0/mlflow/traces', {
      experiment_ids: '5',
      max_results: 501,
    });
    expect([r.status, r.body.message]).toEqual([
      400,
      expect.stringMatching(/^Invalid value "501" for parameter 'max_results' supplied/),
    ]);
  });
});
