import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runsCsvFileName, runsToCsv } from './csv';
import { makeRun } from './test-builders';

describe('CSV export', () => {
  it('has one row per run and the shown columns, quoting what needs it', () => {
    const runs = [
      makeRun({ id: 'r1', name: 'a, "b"', metrics: { acc: 0.5 }, params: { note: 'line\nbreak' } }),
      makeRun({ id: 'r2', name: 'zoë', metrics: { acc: NaN } }),
    ];
    const csv = runsToCsv(runs, [
      { kind: 'metric', key: 'acc', mode: { kind: 'latest' } },
      { kind: 'metric', key: 'acc', mode: { kind: 'max' } },
      { kind: 'param', key: 'note' },
    ]);
    const parsed = Papa.parse<string[]>(csv).data;
    expect(parsed[0]).toEqual([
      'run_id',
      'run_name',
      'experiment_id',
      'status',
      'metrics.acc',
      'params.note',
    ]);
    expect(parsed[1]).toEqual(['r1', 'a, "b"', '1', 'FINISHED', '0.5', 'line\nbreak']);
    expect(parsed[2]).toEqual(['r2', 'zoë', '1', 'FINISHED', 'NaN', '']);
    expect(parsed).toHaveLength(3);
  });
});

describe('runsCsvFileName', () => {
  it('names the file after the experiments, safe for a file system', () => {
    expect(runsCsvFileName(['1', '3'])).toBe('runs-1-3.csv');
    expect(runsCsvFileName(['a/b'])).toBe('runs-a_b.csv');
  });
});
