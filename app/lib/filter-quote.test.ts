/**
 * Quoted values read back by the mock backend's filter parser (mocks/search),
 * which mirrors MLflow's (sqlparse tokens, outer quotes stripped, nothing
 * unescaped). The same filters were checked against MLflow 2.17's SearchUtils.
 */
import { describe, expect, it } from 'vitest';
import {
  compileExperimentFilter,
  compileModelVersionFilter,
  compileRunFilter,
  compileTraceFilter,
} from '../../mocks/search';
import { makeExperiment, makeRun, makeTrace, makeVersion } from '../../mocks/search/builders';
import { containsPattern, FilterValueError, quoteFilterValue } from './filter-quote';

const NAMES = [
  "it's",
  'say "hi"',
  'tab`q',
  'back\\slash',
  'trailing\\',
  "quote then backslash '\\",
  'ünï 😀 名前',
];

/** Which of `values` the compiled filter keeps. */
function kept<T>(pred: ((x: T) => boolean) | null, items: T[], label: (x: T) => string): string[] {
  return items.filter((x) => !pred || pred(x)).map(label);
}

describe('quoteFilterValue', () => {
  it.each(NAMES)('matches exactly %s in runs, experiments, versions and traces', (name) => {
    const q = quoteFilterValue(name);
    const runs = [
      makeRun({ name, tags: { 'mlflow.parentRunId': name } }),
      makeRun({ name: 'other', tags: { 'mlflow.parentRunId': 'other' } }),
    ];
    expect(
      kept(
        compileRunFilter(`tags.\`mlflow.parentRunId\` = ${q}`),
        runs,
        (r) => r.info.run_name ?? '',
      ),
    ).toEqual([name]);
    expect(
      kept(compileRunFilter(`attributes.run_name = ${q}`), runs, (r) => r.info.run_name ?? ''),
    ).toEqual([name]);

    const exps = [makeExperiment('1', name), makeExperiment('2', 'other')];
    expect(kept(compileExperimentFilter(`name = ${q}`), exps, (e) => e.name)).toEqual([name]);

    const versions = [makeVersion(name, 1), makeVersion('other', 1)];
    expect(kept(compileModelVersionFilter(`name = ${q}`), versions, (v) => v.name)).toEqual([name]);

    const traces = [makeTrace('t1', { run: name }), makeTrace('t2', { run: 'other' })];
    expect(
      kept(
        compileTraceFilter(`request_metadata.\`mlflow.sourceRun\` = ${q}`),
        traces,
        (t) => t.request_id,
      ),
    ).toEqual(['t1']);
  });

  it('refuses a value holding both kinds of quote, with a message', () => {
    expect(() => quoteFilterValue(`it's "x"`)).toThrow(FilterValueError);
    expect(() => quoteFilterValue(`it's "x"`)).toThrow(/both ' and "/);
  });
});

describe('containsPattern', () => {
  it.each([...NAMES, `it's "x"`])('finds names containing %s', (name) => {
    const exps = [makeExperiment('1', `pre ${name} post`), makeExperiment('2', 'other')];
    expect(
      kept(
        compileExperimentFilter(`name ILIKE ${containsPattern(name)}`),
        exps,
        (e) => e.experiment_id,
      ),
    ).toEqual(['1']);
  });
});
