import { describe, expect, it } from 'vitest';
import { at } from '../../app/lib/at';
import { makeRun } from './builders';
import { compileRunFilter, compileRunOrder } from './runs';

const names = (runs: { info: { run_name?: string } }[]): (string | undefined)[] =>
  runs.map((r) => r.info.run_name);

function filterNames(filter: string, runs = sample()): (string | undefined)[] {
  const p = compileRunFilter(filter);
  return names(runs.filter((r) => !p || p(r)));
}

function sample() {
  return [
    makeRun({
      name: 'a',
      start: 5,
      metrics: { 'val/loss': 0.2, acc: 0.9 },
      params: { lr: '0.01', opt: 'adam' },
      tags: { stage: 'candidate' },
    }),
    makeRun({
      name: 'b',
      start: 4,
      status: 'FAILED',
      metrics: { 'val/loss': 'NaN', acc: 0.5 },
      params: { lr: '0.001', opt: 'sgd' },
    }),
    makeRun({
      name: 'c',
      start: 3,
      metrics: { 'val/loss': 1.7976931348623157e308 },
      params: { lr: '0.05', opt: 'Adam' },
      datasets: [{ name: 'iris-train', context: 'training' }],
    }),
    makeRun({
      name: 'fold-1',
      start: 2,
      status: 'RUNNING',
      params: { opt: 'adam' },
      tags: { 'mlflow.parentRunId': 'p1' },
    }),
  ];
}

describe('compileRunFilter', () => {
  it('compares metrics numerically on the latest value', () => {
    expect(filterNames('metrics.`val/loss` < 1')).toEqual(['a', 'b']); // NaN is stored as 0 by the SQL store
    expect(filterNames('metrics.`val/loss` > 1')).toEqual(['c']); // +inf is DBL_MAX
    expect(filterNames('metrics.acc >= 0.5 and metrics.acc != 0.9')).toEqual(['b']);
    expect(filterNames('metrics.missing > 0')).toEqual([]);
  });

  it('compares params and tags as strings, with LIKE case-sensitive and ILIKE not', () => {
    expect(filterNames("params.opt = 'adam'")).toEqual(['a', 'fold-1']);
    expect(filterNames("params.opt LIKE 'Ad%'")).toEqual(['c']);
    expect(filterNames("params.opt ILIKE 'ad%'")).toEqual(['a', 'c', 'fold-1']);
    expect(filterNames("params.lr != '0.01'")).toEqual(['b', 'c']); // runs without the param never match
    expect(filterNames('tags.stage = "candidate"')).toEqual(['a']);
    expect(filterNames("tags.mlflow.parentRunId = 'p1'")).toEqual(['fold-1']);
    expect(filterNames("tags.`mlflow.parentRunId` = 'p1'")).toEqual(['fold-1']);
  });

  it('reads attributes, run_name through the mlflow.runName tag, and the shorthands', () => {
    expect(filterNames("attributes.status = 'FAILED'")).toEqual(['b']);
    expect(filterNames("status != 'FINISHED'")).toEqual(['b', 'fold-1']);
    expect(filterNames("attributes.run_name LIKE 'fold-%'")).toEqual(['fold-1']);
    expect(filterNames("run_name = 'a'")).toEqual(['a']);
    expect(filterNames('"run name" = \'c\'')).toEqual(['c']);
    expect(filterNames('attributes.start_time >= 4')).toEqual(['a', 'b']);
    expect(filterNames('created < 3')).toEqual(['fold-1']);
  });

  it('matches run ids with IN / NOT IN', () => {
    const runs = sample();
    const [a, b] = [at(runs, 0), at(runs, 1)];
    expect(
      filterNames(`attributes.run_id IN ('${a.info.run_id}', '${b.info.run_id}')`, runs),
    ).toEqual(['a', 'b']);
    expect(filterNames(`run_id NOT IN ('${a?.info.run_id}')`, runs)).toEqual(['b', 'c', 'fold-1']);
  });

  it('matches datasets by name, digest and context', () => {
    expect(filterNames("datasets.name = 'iris-train' and datasets.context = 'training'")).toEqual([
      'c',
    ]);
    expect(filterNames("dataset.name IN ('iris-train', 'other')")).toEqual(['c']);
    expect(filterNames("datasets.context = 'eval'")).toEqual([]);
  });

  it('explains bad filters like MLflow', () => {
    expect(() => compileRunFilter("metrics.x = 'a'")).toThrow(
      "Expected numeric value type for metric. Found 'a'",
    );
    expect(() => compileRunFilter('params.x = 1')).toThrow(
      "Expected a quoted string value for parameter (e.g. 'my-value'). Got value 1",
    );
    expect(() => compileRunFilter("foo.x = 'a'")).toThrow(
      "Invalid entity type 'foo'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']",
    );
    expect(() => compileRunFilter("attributes.color = 'red'")).toThrow(
      "Invalid attribute key 'color' specified.",
    );
    expect(() => compileRunFilter("params.x > 'a'")).toThrow("Invalid comparator '>' not one of");
    expect(() => compileRunFilter("status IN ('FAILED')")).toThrow(
      "Only the 'run_id' attribute supports comparison with a list of quoted string values.",
    );
    expect(() => compileRunFilter("datasets.size = 'a'")).toThrow(
      "Invalid dataset key 'size' specified.",
    );
  });
});

describe('compileRunOrder', () => {
  it('defaults to start_time DESC', () => {
    expect(names(compileRunOrder([])(sample()))).toEqual(['a', 'b', 'c', 'fold-1']);
  });

  it('puts NaN after numbers and missing values last, in both directions', () => {
    expect(names(compileRunOrder(['metrics.`val/loss` ASC'])(sample()))).toEqual([
      'a',
      'c',
      'b',
      'fold-1',
    ]);
    expect(names(compileRunOrder(['metrics.`val/loss` DESC'])(sample()))).toEqual([
      'c',
      'a',
      'b',
      'fold-1',
    ]);
  });

  it('orders params as strings and breaks ties with the next clause, then start_time DESC', () => {
    const runs = [
      makeRun({ name: 'x', start: 1, params: { lr: '0.01' } }),
      makeRun({ name: 'y', start: 2, params: { lr: '0.01' } }),
      makeRun({ name: 'z', start: 3, params: { lr: '0.05' } }),
      makeRun({ name: 'w', start: 4 }),
    ];
    expect(names(compileRunOrder(['params.lr DESC'])(runs))).toEqual(['z', 'y', 'x', 'w']);
    expect(names(compileRunOrder(['params.lr DESC', 'attributes.run_name ASC'])(runs))).toEqual([
      'z',
      'x',
      'y',
      'w',
    ]);
    expect(names(compileRunOrder(['attributes.start_time ASC'])(runs))).toEqual([
      'x',
      'y',
      'z',
      'w',
    ]);
  });

  it('puts a missing end_time last and rejects duplicate keys', () => {
    const runs = [makeRun({ name: 'open', start: 9 }), makeRun({ name: 'done', start: 1, end: 5 })];
    expect(names(compileRunOrder(['attributes.end_time DESC'])(runs))).toEqual(['done', 'open']);
    expect(() => compileRunOrder(['metrics.a', 'metrics.a DESC'])).toThrow(
      '`order_by` contains duplicate fields',
    );
    expect(() => compileRunOrder(['datasets.name'])).toThrow("Invalid identifier type 'dataset'");
  });

  it('sorts 10,000 runs with 20 params and 10 metrics quickly', () => {
    const runs = Array.from({ length: 10000 }, (_, i) =>
      makeRun({
        start: i,
        params: Object.fromEntries(
          Array.from({ length: 20 }, (_, p) => [`p${p}`, String((i * 7 + p) % 97)]),
        ),
        metrics: Object.fromEntries(
          Array.from({ length: 10 }, (_, m) => [`m${m}`, ((i * 13 + m) % 101) / 7]),
        ),
      }),
    );
    const t0 = performance.now();
    const filter = compileRunFilter("metrics.m3 > 2 and params.p7 != '5'");
    const hits = runs.filter((r) => !filter || filter(r));
    const sorted = compileRunOrder(['metrics.m5 DESC', 'params.p2 ASC'])(hits);
    const ms = performance.now() - t0;
    expect(sorted.length).toBeGreaterThan(1000);
    // a guard against quadratic work (tens of ms on an idle machine; CI boxes are shared)
    expect(ms).toBeLessThan(10000);
  });
});
