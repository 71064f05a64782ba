// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compactJson,
  exchangesDir,
  startReplayServer,
  topLevelRaw,
  type ReplayServer,
} from './replay';

const dir = exchangesDir();

describe('raw JSON helpers', () => {
  it('keep integers beyond 2^53 exact', () => {
    const text =
      '{\n  "a": 1,\n  "response": {\n    "start_time": 1795808409342917797,\n    "s": "x \\" y"\n  }\n}';
    const raw = topLevelRaw(text).get('response')!;
    expect(compactJson(raw)).toBe('{"start_time":1795808409342917797,"s":"x \\" y"}');
  });
});

describe('replay server (recorded MLflow 2.17.0)', () => {
  let s: ReplayServer;
  beforeAll(async () => {
    s = await startReplayServer({ dir });
  });
  afterAll(() => s.close());

  const post = (p: string, body: unknown) =>
    fetch(s.url + p, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const recording = (r: Response) => r.headers.get('x-replay-recording');

  it('answers /version as MLflow does', async () => {
    const r = await fetch(s.url + '/version');
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await r.text()).toBe('2.17.0');
  });

  it('matches a search on its parameters, ignoring defaults and GET vs POST', async () => {
    expect(recording(await post('/api/2.0/mlflow/experiments/search', { max_results: 1000 }))).toBe(
      'experiments_search_default',
    );
    expect(
      recording(
        await post('/api/2.0/mlflow/experiments/search', {
          max_results: 1000,
          view_type: 'ACTIVE_ONLY',
          filter: '',
        }),
      ),
    ).toBe('experiments_search_default');
    expect(recording(await post('/api/2.0/mlflow/experiments/search', { max_results: 4 }))).toBe(
      'experiments_search_page1',
    );
    expect(
      recording(
        await post('/api/2.0/mlflow/runs/search', {
          experiment_ids: ['1'],
          max_results: 10,
          order_by: ['attributes.start_time DESC'],
        }),
      ),
    ).toBe('runs_search_page1');
    const ids = await fetch(
      s.url +
        '/ajax-api/2.0/mlflow/metrics/get-history-bulk-interval?' +
        'run_ids=a64942ac02b444bebad371e17a833d89&run_ids=1f95be47eefe4566a2a39775bc207c3e&run_ids=4f5a2808ef754fe387d3e274cd1bd762&metric_key=train/loss&max_results=320',
    );
    expect(recording(ids)).toBe('ajax_metrics_get_history_bulk_interval');
  });

  it('falls back sensibly for what was not recorded', async () => {
    const search = await post('/api/2.0/mlflow/experiments/search', {
      filter: "name LIKE 'zzz%'",
      max_results: 50,
    });
    expect(recording(search)).toBe('experiments_search_default');
    const missingRun = await fetch(
      s.url + '/api/2.0/mlflow/runs/get?run_id=ffffffffffffffffffffffffffffffff',
    );
    expect(missingRun.status).toBe(404);
    const unknown = await fetch(s.url + '/api/2.0/mlflow/nothing-here');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('<title>404 Not Found</title>');
    const wrongMethod = await fetch(s.url + '/api/2.0/mlflow/experiments/get', {
      method: 'DELETE',
    });
    expect(wrongMethod.status).toBe(405);
  });

  it('sends span data with exact nanosecond times, as text/plain', async () => {
    const r = await fetch(
      s.url + '/ajax-api/2.0/mlflow/get-trace-artifact?request_id=6993367c5b574ff4965382c20c679929',
    );
    expect(r.headers.get('content-type')).toBe('text/plain');
    expect(await r.text()).toContain('"start_time":1795808409342917797');
  });

  it('sends a placeholder image when only the hash was recorded', async () => {
    const r = await fetch(
      s.url +
        '/get-artifact?path=images%2Frandom_noise.png&run_uuid=2c6844b8058e42868ecaaebcc49c32a0',
    );
    expect(r.headers.get('content-type')).toBe('image/png');
    expect(r.headers.get('x-replay-placeholder')).toMatch(/^sha256=5520b9c3/);
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect(Array.from(bytes.slice(1, 4))).toEqual([0x50, 0x4e, 0x47]); // "PNG"
  });

  it('can demand basic auth like a server behind it would', async () => {
    const locked = await startReplayServer({ dir, auth: { username: 'u', password: 'p' } });
    try {
      expect((await fetch(locked.url + '/version')).status).toBe(401);
      const ok = await fetch(locked.url + '/version', {
        headers: { Authorization: 'Basic ' + btoa('u:p') },
      });
      expect(await ok.text()).toBe('2.17.0');
    } finally {
      await locked.close();
    }
  });
});
