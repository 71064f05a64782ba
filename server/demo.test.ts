// @vitest-environment node
/**
 * The demo workspace against careless and hostile clients: huge bodies,
 * over-long fields, resets from other sites or with bad workspace ids, and
 * many workspace ids.
 */
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copyDb, createEmptyDb } from '../mocks/db';
import { createApp } from './app';
import { makeConfig } from './config';
import { createDemoBackend, loadDemoBackend, WORKSPACE_HEADER, type DemoBackend } from './demo';
import { listen, type RunningServer } from './listen';
import { silentLogger } from './log';
import { makeDist, rawRequest } from '../tools/test-helpers';

const dist = makeDist();
const running: RunningServer[] = [];
let realDemo: DemoBackend;

beforeAll(async () => {
  // The error bodies below are 2.17.0's (3.x adds fields): pin that line, the default is 3.18.
  realDemo = await loadDemoBackend(
    { RUNLENS_DEMO_MLFLOW: '2.17.0' },
    { workspaces: false, log: silentLogger },
  );
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});
afterAll(() => dist.cleanup());

async function start(demo: DemoBackend) {
  const app = await createApp(makeConfig({ distDir: dist.dir }), { demo, log: silentLogger });
  const s = await listen(app, '127.0.0.1', 0);
  running.push(s);
  return s;
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'Content-Type': 'application/json', ...headers },
});

describe('request bodies and field lengths', () => {
  it('refuses a body above the limit with 413, and stores nothing', async () => {
    const s = await start(realDemo);
    const name = 'n'.repeat(5 * 1024 * 1024);
    const res = await rawRequest(s.url, '/api/2.0/mlflow/experiments/create', json({ name }));
    expect(res.status).toBe(413);
    expect(res.json()).toMatchObject({ error_code: 'REQUEST_LIMIT_EXCEEDED' });
    const found = await rawRequest(
      s.url,
      `/api/2.0/mlflow/experiments/get-by-name?experiment_name=${'n'.repeat(10)}`,
    );
    expect(found.status).toBe(404);
  });

  it("applies MLflow's length limit to experiment names, with MLflow's error", async () => {
    const s = await start(realDemo);
    const res = await rawRequest(
      s.url,
      '/api/2.0/mlflow/experiments/create',
      json({ name: 'x'.repeat(501) }),
    );
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: "'name' exceeds the maximum length of 500 characters",
    });
  });

  it('refuses an experiment tag value above 5000 characters', async () => {
    const s = await start(realDemo);
    const res = await rawRequest(
      s.url,
      '/api/2.0/mlflow/experiments/set-experiment-tag',
      json({ experiment_id: '1', key: 'k', value: 'v'.repeat(5001) }),
    );
    expect(res.status).toBe(400);
    expect(res.json<{ message: string }>().message).toMatch(
      /^Tag value 'v+' had length 5001, which exceeded length limit of 5000$/,
    );
  });
});

/** A stand-in for mocks/: a counter per db; counts how often the seed is built. */
function counterSource() {
  const stats = { seeds: 0 };
  return {
    stats,
    source: {
      seed: () => {
        stats.seeds += 1;
        return { experiments: 0 };
      },
      copy: (db: { experiments: number }) => ({ ...db }),
      handlers: (db: { experiments: number }) => [
        http.post('/api/2.0/mlflow/experiments/create', () => {
          db.experiments += 1;
          return HttpResponse.json({});
        }),
        http.get('/api/2.0/mlflow/experiments/search', () =>
          HttpResponse.json({ count: db.experiments }),
        ),
      ],
    },
  };
}

describe('demo reset', () => {
  async function withOneExperiment(workspaces: boolean) {
    const s = await start(createDemoBackend(counterSource().source, { workspaces }));
    await rawRequest(s.url, '/api/2.0/mlflow/experiments/create', json({}));
    const count = async () =>
      (await rawRequest(s.url, '/api/2.0/mlflow/experiments/search')).json<{ count: number }>()
        .count;
    expect(await count()).toBe(1);
    return { s, count };
  }

  it.each([
    ['an invalid workspace id', true, 'a b/../c'],
    ['a workspace id while workspaces are off', false, 'w1'],
  ])('rejects %s with 400 and wipes nothing', async (_what, workspaces, id) => {
    const { s, count } = await withOneExperiment(workspaces);
    const res = await rawRequest(
      s.url,
      '/runlens/demo/reset',
      json({}, { [WORKSPACE_HEADER]: id }),
    );
    expect(res.status).toBe(400);
    expect(res.json<{ message: string }>().message).toMatch(/Nothing was reset/);
    expect(await count()).toBe(1);
  });

  it.each([
    ['a body-less POST (what a cross-site form or fetch can send)', { method: 'POST' }, 415],
    [
      'a text/plain POST',
      { method: 'POST', body: '{}', headers: { 'Content-Type': 'text/plain' } },
      415,
    ],
    ['a cross-site fetch', json({}, { 'Sec-Fetch-Site': 'cross-site' }), 403],
    ['another origin', json({}, { Origin: 'https://evil.example' }), 403],
  ])('refuses %s', async (_what, opts, status) => {
    const { s, count } = await withOneExperiment(false);
    const res = await rawRequest(s.url, '/runlens/demo/reset', opts);
    expect(res.status).toBe(status);
    expect(await count()).toBe(1);
  });

  it('resets for its own page (same origin, JSON)', async () => {
    const { s, count } = await withOneExperiment(false);
    const res = await rawRequest(
      s.url,
      '/runlens/demo/reset',
      json({}, { 'Sec-Fetch-Site': 'same-origin', Origin: s.url }),
    );
    expect(res.json()).toEqual({ reset: 'default' });
    expect(await count()).toBe(0);
  });
});

describe('demo workspaces', () => {
  it('seed once, and give each new workspace a copy', async () => {
    const { source, stats } = counterSource();
    const s = await start(createDemoBackend(source, { workspaces: true }));
    for (let i = 0; i < 40; i++) {
      await rawRequest(s.url, '/api/2.0/mlflow/experiments/create', {
        ...json({}, { [WORKSPACE_HEADER]: `w${i}` }),
      });
    }
    const search = (id: string) =>
      rawRequest(s.url, '/api/2.0/mlflow/experiments/search', {
        headers: { [WORKSPACE_HEADER]: id },
      }).then((r) => r.json());
    expect(await search('w39')).toEqual({ count: 1 });
    expect(await search('fresh')).toEqual({ count: 0 });
    expect(stats.seeds).toBe(1);
  });

  it('copyDb: writes to a copy stay there; lazy values are shared', () => {
    const db = createEmptyDb();
    const lazy = () => 'built once';
    db.experiments.set('1', {
      experiment_id: '1',
      name: 'a',
      artifact_location: '',
      lifecycle_stage: 'active',
      tags: [{ key: 'k', value: 'v' }],
    });
    db.traces.set('t', { info: {} as never, data: lazy });
    const copy = copyDb(db);
    copy.experiments.get('1')!.name = 'renamed';
    copy.experiments.get('1')!.tags!.push({ key: 'k2', value: 'v2' });
    copy.seq.experiment = 9;
    expect(db.experiments.get('1')!.name).toBe('a');
    expect(db.experiments.get('1')!.tags).toHaveLength(1);
    expect(db.seq.experiment).toBe(0);
    expect(copy.traces.get('t')!.data).toBe(lazy);
  });
});
