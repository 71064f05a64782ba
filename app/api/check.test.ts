// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ShapeError, keyValues, list, num, obj, optNum, str, stringMap } from './check';
import { ApiError, setApiBaseUrl } from './http';
import { getExperiment, getRun, searchRuns } from './index';
import { getRegisteredModel } from './registry';
import { forgetServerLine } from './server-line';

describe('shape checks', () => {
  it('name the path of the field that is off', () => {
    const o = obj({ run: { info: { run_id: ['x'] } } }, '');
    expect(() => str(obj(obj(o.run, 'run').info, 'run.info'), 'run_id', 'run.info')).toThrow(
      'run.info.run_id should be a string, but is a list',
    );
    expect(() => list({ runs: {} }, 'runs', '', obj)).toThrow(
      'runs should be a list, but is an object',
    );
    expect(() => list({ runs: [{}, 3] }, 'runs', '', obj)).toThrow(
      'runs[1] should be an object, but is number 3',
    );
    expect(() => num({}, 'timestamp_ms', 'trace_info')).toThrow(ShapeError);
  });

  it('read int64 fields sent as numbers or decimal strings, and absent as unset', () => {
    expect(optNum({ t: '1796461740603' }, 't', '')).toBe(1796461740603);
    expect(optNum({ t: 5 }, 't', '')).toBe(5);
    expect(optNum({}, 't', '')).toBeUndefined();
    expect(optNum({ t: null }, 't', '')).toBeUndefined();
    expect(() => optNum({ t: 'soon' }, 't', 'x')).toThrow('x.t should be a number');
  });

  it('read 2.x key/value lists and 3.x maps', () => {
    expect(keyValues({ tags: [{ key: 'a', value: '1' }, { key: 'b' }] }, 'tags', '')).toEqual({
      a: '1',
      b: '',
    });
    expect(() => keyValues({ tags: [{ value: '1' }] }, 'tags', 'run.data')).toThrow(
      'run.data.tags[0] should be a {key, value} pair',
    );
    expect(stringMap({ m: { a: '1' } }, 'm', '')).toEqual({ a: '1' });
    expect(stringMap({ m: [{ key: 'a', value: '1' }] }, 'm', '')).toEqual({ a: '1' });
  });
});

describe('answers of the wrong shape', () => {
  let answer: unknown;
  beforeEach(() => {
    setApiBaseUrl('http://mlflow.test');
    forgetServerLine();
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify(answer), {
            status: 200,
            headers: { 'Content-Type': 'application/json' },
          }),
      ),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setApiBaseUrl('');
  });

  async function failure(p: Promise<unknown>): Promise<ApiError> {
    const e = await p.then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }

  it('become an ApiError that names the endpoint and the field', async () => {
    answer = {
      run: {
        info: { run_id: 'r1', experiment_id: '1' },
        data: { metrics: [{ key: 'loss', value: { x: 1 } }] },
      },
    };
    const e = await failure(getRun('r1'));
    expect(e.errorCode).toBe('INVALID_RESPONSE');
    expect(e.message).toBe(
      'Unexpected answer from GET /api/2.0/mlflow/runs/get: run.data.metrics[0].value should be a number, but is an object.',
    );
    expect(e.details).toContain('"loss"');
  });

  it('catch a missing message, a list where an object belongs, and a bad page token', async () => {
    answer = {};
    expect((await failure(getExperiment('1'))).message).toMatch(
      /experiments\/get: experiment should be an object, but is undefined/,
    );
    answer = { runs: { r1: {} } };
    expect((await failure(searchRuns({ experimentIds: ['1'] }))).message).toMatch(
      /POST \/api\/2\.0\/mlflow\/runs\/search: runs should be a list/,
    );
    answer = { registered_model: { name: 'm', latest_versions: [{ name: 'm' }] } };
    expect((await failure(getRegisteredModel('m'))).message).toMatch(
      /registered_model\.latest_versions\[0\]\.version should be a string, but is undefined/,
    );
  });

  it('still read what MLflow leaves out: an empty search answer is {}', async () => {
    answer = {};
    await expect(searchRuns({ experimentIds: ['1'] })).resolves.toEqual({
      items: [],
      nextPageToken: null,
    });
  });
});
