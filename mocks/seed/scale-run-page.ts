/**
 * EXP_RUN_PAGE (`feature-pipeline`): one run with many params, metrics and
 * artifacts in nested folders, plus a big CSV. Bodies are built on read;
 * sizes are known up front (fixed-size text, fixed-width CSV rows).
 */
import type { Db, DbArtifactFile } from '../db';
import {
  addExperiment,
  addFiles,
  addRun,
  binaryFile,
  fixedSizeText,
  lazyFile,
  metric,
  setMetric,
  SOURCE_TAGS,
} from './build';
import { buildHistory, everyNth, jitterCurve, lossCurve } from './curves';
import { R } from './experiments';
import { demoIds } from './ids';
import { stepSwatch } from './images';
import { cycle, hashString, Rng } from './random';

export interface RunPageScale {
  params: number;
  metrics: number;
  artifacts: number;
  csvRows: number;
}

const GROUPS = ['features', 'pipeline', 'model', 'data', 'train', 'eval'] as const;
const WORDS = [
  'window',
  'transform',
  'threshold',
  'threads',
  'source',
  'format',
  'enabled',
  'seed',
  'path',
  'version',
  'buckets',
  'cap',
];
const METRIC_PREFIXES = ['quality', 'latency', 'drift', 'coverage', 'rows', 'nulls'] as const;
const EXTS = ['csv', 'json', 'txt', 'log', 'yaml', 'md', 'parquet', 'png'] as const;

function paramValue(rng: Rng, word: string, i: number): string {
  switch (word) {
    case 'enabled':
      return rng.chance(0.7) ? 'True' : 'False';
    case 'path':
      return `s3://feature-store/prod/v${rng.int(1, 9)}/table_${i}/`;
    case 'format':
      return rng.pick(['parquet', 'delta', 'csv', 'avro']);
    case 'transform':
      return rng.pick(['log1p', 'zscore', 'minmax', 'none', 'quantile(100)']);
    case 'source':
      return rng.pick(['events.clicks', 'events.orders', 'crm.accounts', 'billing.invoices']);
    default:
      return String(rng.pick([1, 2, 4, 8, 16, 30, 90, 0.5, 0.05, 1000]));
  }
}

/** Fixed-width rows: row length is constant, so the size is known without building the file. */
const CSV_HEADER = 'row_id,customer_id,segment,score,amount,flag,event_date\n';
function csvRow(i: number): string {
  const h = Math.imul(i + 1, 2654435761) >>> 0;
  const cents = String(h % 100_000_000).padStart(9, '0');
  return (
    `${String(i).padStart(7, '0')},C${String(h % 1_000_000).padStart(6, '0')},${['gold', 'silv', 'bron', 'none'][h % 4]},` +
    `${(((h >>> 7) % 10_000) / 10_000).toFixed(4)},${cents.slice(0, 7)}.${cents.slice(7)},${h & 1},2026-11-${String(1 + (h % 28)).padStart(2, '0')}\n`
  );
}
const CSV_ROW = csvRow(0).length;

export function bigCsv(rows: number): string {
  const parts = new Array<string>(rows + 1);
  parts[0] = CSV_HEADER;
  for (let i = 0; i < rows; i++) parts[i + 1] = csvRow(i);
  return parts.join('');
}

export function bigCsvSize(rows: number): number {
  return CSV_HEADER.length + rows * CSV_ROW;
}

function artifactFiles(count: number, csvRows: number): DbArtifactFile[] {
  const rng = new Rng('run-page/artifacts');
  const png = stepSwatch(7).png();
  const files: DbArtifactFile[] = [];
  if (csvRows > 0)
    files.push(lazyFile('reports/full_export.csv', bigCsvSize(csvRows), () => bigCsv(csvRows)));
  for (let i = 0; files.length < count; i++) {
    const depth = 1 + (i % 5);
    const dirs = [
      'outputs',
      `stage-${i % 7}`,
      `shard-${String(i % 13).padStart(2, '0')}`,
      `part-${i % 3}`,
      'details',
    ].slice(0, depth);
    const ext = EXTS[i % EXTS.length];
    const path = `${dirs.join('/')}/file-${String(i).padStart(4, '0')}.${ext}`;
    if (ext === 'png') {
      files.push(binaryFile(path, png));
      continue;
    }
    const size = 40 + rng.int(0, 4000);
    const line = (k: number) =>
      ext === 'csv'
        ? k === 0
          ? 'key,value'
          : `k${k},${k * 3}`
        : ext === 'json'
          ? `{"line": ${k}}`
          : `${path} line ${k}`;
    files.push(lazyFile(path, size, () => fixedSizeText(size, line)));
  }
  return files;
}

export function seedRunPage(db: Db, scale: RunPageScale): void {
  const created = R + 490_000;
  addExperiment(db, {
    id: demoIds.EXP_RUN_PAGE,
    name: 'feature-pipeline',
    created,
    updated: created + 3_600_000,
    tags: [['team', 'data-platform']],
  });
  const rng = new Rng('run-page');
  const params: Array<readonly [string, string]> = [];
  for (let i = 0; i < scale.params; i++) {
    const group = cycle(GROUPS, i);
    const word = cycle(WORDS, Math.floor(i / GROUPS.length));
    const round = Math.floor(i / (GROUPS.length * WORDS.length));
    params.push([`${group}.${word}${round ? `_${round}` : ''}`, paramValue(rng, word, i)]);
  }
  const start = created + 60_000;
  const end = start + 2 * 3_600_000;
  const tags: Array<readonly [string, string]> = [
    ...SOURCE_TAGS,
    ['pipeline', 'nightly-backfill'],
    [
      'mlflow.note.content',
      'Full backfill of the feature store. Every stage logs its own params and metrics.',
    ],
    ['mlflow.runName', 'full-backfill'],
  ];
  const run = addRun(db, {
    id: demoIds.R_RUN_PAGE,
    experimentId: demoIds.EXP_RUN_PAGE,
    name: 'full-backfill',
    start,
    end,
    params,
    tags,
  });
  const seed = hashString(demoIds.R_RUN_PAGE);
  const last = 99;
  const ts = (s: number) => start + 60_000 * (s + 1);
  for (let m = 0; m < scale.metrics; m++) {
    const prefix = METRIC_PREFIXES[m % METRIC_PREFIXES.length];
    const key = `${prefix}/stage_${String(Math.floor(m / METRIC_PREFIXES.length)).padStart(3, '0')}`;
    const curve =
      prefix === 'drift' || prefix === 'nulls'
        ? lossCurve({ seed: seed + m, start: 0.4, end: 0.02 + 0.05 * rng.next(), last })
        : jitterCurve(
            seed + m,
            prefix === 'latency' ? 120 : 0.9,
            prefix === 'latency' ? 30 : 0.03,
            last,
          );
    setMetric(
      run,
      key,
      () => buildHistory(key, everyNth(1, last), ts, curve),
      metric(key, curve(last), ts(last), last),
    );
  }
  addFiles(db, run.info.run_id, artifactFiles(scale.artifacts, scale.csvRows));
}
