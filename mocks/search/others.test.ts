import { describe, expect, it } from 'vitest';
import { makeExperiment, makeTrace, makeVersion } from './builders';
import { compileExperimentFilter, compileExperimentOrder } from './experiments';
import {
  compileModelFilter,
  compileModelOrder,
  compileModelVersionFilter,
  compileModelVersionOrder,
} from './registry';
import { compileTraceFilter, compileTraceOrder } from './traces';

describe('experiments', () => {
  const exps = [
    makeExperiment('0', 'Default', 10),
    makeExperiment('1', 'hyperparam-sweep', 20, { team: 'vision' }),
    makeExperiment('2', 'vision-demo', 30),
    makeExperiment('7', 'nlp/sentiment', 30, { team: 'nlp' }),
  ];
  const pick = (filter: string): string[] => {
    const p = compileExperimentFilter(filter);
    return exps.filter((e) => !p || p(e)).map((e) => e.name);
  };

  it('filters by name, tags and times', () => {
    expect(pick("name LIKE 'vision%'")).toEqual(['vision-demo']);
    expect(pick("name ILIKE '%VISION%'")).toEqual(['vision-demo']);
    expect(pick("tags.team = 'nlp'")).toEqual(['nlp/sentiment']);
    expect(pick('creation_time > 15 and attribute.last_update_time <= 20')).toEqual([
      'hyperparam-sweep',
    ]);
    expect(() => pick("metrics.x = 'a'")).toThrow(
      "Invalid entity type 'metrics'. Valid entity types are ('attribute', 'tag', 'tags')",
    );
    expect(() => pick("creation_time = 'a'")).toThrow(
      'Expected numeric value type for numeric attribute: creation_time.',
    );
  });

  it('orders by creation_time DESC then experiment_id ASC by default, experiment_id DESC as tie-breaker', () => {
    expect(compileExperimentOrder([])(exps).map((e) => e.experiment_id)).toEqual([
      '2',
      '7',
      '1',
      '0',
    ]);
    expect(
      compileExperimentOrder(['creation_time DESC'])(exps).map((e) => e.experiment_id),
    ).toEqual(['7', '2', '1', '0']);
    expect(compileExperimentOrder(['name ASC'])(exps).map((e) => e.name)).toEqual([
      'Default',
      'hyperparam-sweep',
      'nlp/sentiment',
      'vision-demo',
    ]);
    expect(() => compileExperimentOrder(['tags.team'])).toThrow('Invalid order_by entity: tag');
  });
});

describe('registry', () => {
  const models = [
    {
      name: 'iris-classifier',
      last_updated_timestamp: 3,
      tags: [{ key: 'task', value: 'classification' }],
    },
    { name: 'churn-model', last_updated_timestamp: 5 },
    { name: 'empty-model', last_updated_timestamp: 4 },
  ];

  it('filters and orders registered models', () => {
    const p = compileModelFilter("name LIKE 'iris%'");
    expect(models.filter((m) => p?.(m)).map((m) => m.name)).toEqual(['iris-classifier']);
    const t = compileModelFilter("tags.task = 'classification'");
    expect(models.filter((m) => t?.(m)).map((m) => m.name)).toEqual(['iris-classifier']);
    expect(compileModelOrder([])(models).map((m) => m.name)).toEqual([
      'churn-model',
      'empty-model',
      'iris-classifier',
    ]);
    expect(compileModelOrder(['last_updated_timestamp DESC'])(models).map((m) => m.name)).toEqual([
      'churn-model',
      'empty-model',
      'iris-classifier',
    ]);
    expect(compileModelOrder(['timestamp ASC'])(models).map((m) => m.name)).toEqual([
      'iris-classifier',
      'empty-model',
      'churn-model',
    ]);
    expect(() => compileModelOrder(['creation_timestamp'])).toThrow(
      "Invalid order by key 'creation_timestamp' specified.",
    );
    expect(() => compileModelFilter("run_id = 'x'")).toThrow(
      "Invalid attribute key 'run_id' specified.",
    );
  });

  it('filters and orders model versions (name ASC, version DESC by default)', () => {
    const versions = [
      makeVersion('b', 1),
      makeVersion('a', 1),
      makeVersion('a', 10, { tags: [{ key: 'ok', value: 'yes' }] }),
      makeVersion('a', 2),
    ];
    expect(compileModelVersionOrder([])(versions).map((v) => `${v.name}${v.version}`)).toEqual([
      'a10',
      'a2',
      'a1',
      'b1',
    ]);
    expect(
      compileModelVersionOrder(['version_number ASC'])(versions).map(
        (v) => `${v.name}${v.version}`,
      ),
    ).toEqual(['a1', 'b1', 'a2', 'a10']);
    const pick = (f: string): string[] => {
      const p = compileModelVersionFilter(f);
      return versions.filter((v) => !p || p(v)).map((v) => `${v.name}${v.version}`);
    };
    expect(pick("name='a'")).toEqual(['a1', 'a10', 'a2']);
    expect(pick("run_id IN ('r1', 'r2')")).toEqual(['b1', 'a1', 'a2']);
    expect(pick('version_number > 1')).toEqual(['a10', 'a2']);
    expect(pick("tags.ok = 'yes'")).toEqual(['a10']);
    expect(pick("source_path LIKE 'runs:/r1%'")).toEqual(['b1', 'a1', 'a10']);
  });
});

describe('traces', () => {
  const traces = [
    makeTrace('t1', { ts: 1, name: 'agent', status: 'OK', tags: { env: 'prod' } }),
    makeTrace('t2', { ts: 3, name: 'chain', status: 'ERROR', run: 'r1', ms: 50 }),
    makeTrace('t3', { ts: 2, name: 'agent', status: 'OK' }),
  ];
  const pick = (f: string): string[] => {
    const p = compileTraceFilter(f);
    return traces.filter((t) => !p || p(t)).map((t) => t.request_id);
  };

  it('maps name, run_id and timestamp to their stores', () => {
    expect(pick("name = 'agent'")).toEqual(['t1', 't3']);
    expect(pick("tags.`mlflow.traceName` = 'agent'")).toEqual(['t1', 't3']);
    expect(pick("attributes.status = 'ERROR'")).toEqual(['t2']);
    expect(pick("run_id = 'r1'")).toEqual(['t2']);
    expect(pick("request_metadata.`mlflow.sourceRun` = 'r1'")).toEqual(['t2']);
    expect(pick('timestamp > 1 and execution_time_ms >= 50')).toEqual(['t2']);
    expect(pick("tags.env = 'prod'")).toEqual(['t1']);
  });

  it('has no LIKE for traces, and IN for string attributes', () => {
    expect(() => pick("tags.env LIKE 'p%'")).toThrow("Invalid comparator 'LIKE' not one of");
    expect(pick("status IN ('ERROR', 'IN_PROGRESS')")).toEqual(['t2']);
    expect(() => pick("span.x = 'a'")).toThrow("Invalid entity type 'span'.");
  });

  it('orders by attributes, timestamp_ms DESC by default', () => {
    expect(compileTraceOrder([])(traces).map((t) => t.request_id)).toEqual(['t2', 't3', 't1']);
    expect(compileTraceOrder(['timestamp_ms ASC'])(traces).map((t) => t.request_id)).toEqual([
      't1',
      't3',
      't2',
    ]);
    expect(compileTraceOrder(['execution_time DESC'])(traces).map((t) => t.request_id)).toEqual([
      't2',
      't3',
      't1',
    ]);
    expect(() => compileTraceOrder(['name ASC'])).toThrow(
      'Invalid order_by entity `tag` with key `mlflow.traceName`',
    );
  });
});
