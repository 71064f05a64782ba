/**
 * Scale knobs for runs: EXP_BIG (many runs x 20 params x 10 metrics, built
 * fast: value pools, lazy histories), EXP_CHARTS (long histories with loss
 * spikes) and EXP_WIDE (thousands of distinct metric keys).
 */
import type { WireKeyValue } from '../../app/api/wire';
import type { Db } from '../db';
import { addExperiment, addRun, metric, setMetric, SOURCE_TAGS } from './build';
import { buildHistory, everyNth, lossCurve, riseCurve, type Curve } from './curves';
import { R } from './experiments';
import { demoIds } from './ids';
import { pyRepr } from './pyjson';
import { hashString, hexId, normal, Rng, unit } from './random';

const HOUR = 3_600_000;

/** Param names and a few preformatted values each (formatting per run would dominate seeding time). */
// prettier-ignore
const XGB_PARAMS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['n_estimators', ['100', '200', '400', '800', '1600']], ['max_depth', ['3', '4', '5', '6', '8', '10', '12']],
  ['learning_rate', ['0.3', '0.1', '0.05', '0.03', '0.01', '0.005']], ['subsample', ['0.5', '0.6', '0.7', '0.8', '0.9', '1.0']],
  ['colsample_bytree', ['0.4', '0.6', '0.8', '1.0']], ['min_child_weight', ['1', '3', '5', '10']],
  ['gamma', ['0.0', '0.1', '0.5', '1.0', '5.0']], ['reg_alpha', ['0.0', '0.001', '0.01', '0.1', '1.0']],
  ['reg_lambda', ['0.1', '1.0', '5.0', '10.0']], ['max_bin', ['64', '128', '256', '512']],
  ['tree_method', ['hist', 'approx', 'exact']], ['booster', ['gbtree', 'dart']],
  ['objective', ['binary:logistic']], ['eval_metric', ['auc', 'logloss']],
  ['scale_pos_weight', ['1.0', '2.5', '5.0']], ['grow_policy', ['depthwise', 'lossguide']],
  ['max_leaves', ['0', '31', '63', '255']], ['seed', ['0', '1', '2', '3', '42']],
  ['early_stopping_rounds', ['20', '50', '100']], ['num_parallel_tree', ['1', '2', '4']],
];
const XGB_METRICS = [
  'val/auc',
  'train/auc',
  'val/logloss',
  'train/logloss',
  'val/f1',
  'val/precision',
  'val/recall',
  'val/pr_auc',
  'fit_time_sec',
  'best_iteration',
];
const ROUNDS = 100;

/** The exact final value of an EXP_BIG metric (no allocation: this runs 100,000 times at 10,000 runs). */
function bigEnd(key: string, seed: number, quality: number, m: number): number {
  if (key.endsWith('logloss')) return 0.75 - quality * 0.6;
  if (key === 'fit_time_sec') return Math.round(ROUNDS * (0.4 + unit(seed, 0)) * 100) / 100;
  if (key === 'best_iteration')
    return Math.min(ROUNDS - 1, Math.floor(ROUNDS * (0.5 + 0.5 * unit(seed, 0))));
  return Math.min(0.999, quality + (m % 3) * 0.01 * normal(seed, 0));
}

/** The curve of an EXP_BIG metric, built only when its history is read; it ends exactly at `bigEnd`. */
function bigCurve(key: string, seed: number, quality: number, m: number): Curve {
  const last = ROUNDS - 1;
  const end = bigEnd(key, seed, quality, m);
  if (key.endsWith('logloss'))
    return lossCurve({ seed, start: 0.69, end, last, noise: 0.02, spikeRate: 0 });
  if (key === 'fit_time_sec') return (s) => Math.round((s + 1) * (0.4 + unit(seed, 0)) * 100) / 100;
  if (key === 'best_iteration') return (s) => Math.min(s, end);
  return riseCurve({ seed, start: 0.5, end, last, noise: 0.004, ceiling: 0.999 });
}

/**
 * Built for speed (10,000 runs well under a second): preformatted param
 * values, no curve objects until a history is read, one closure per metric.
 */
export function seedBigRuns(db: Db, runs: number, paramCount: number, metricCount: number): void {
  const created = R + 460_000;
  const span = 10 * HOUR;
  addExperiment(db, {
    id: demoIds.EXP_BIG,
    name: 'random-search-xgb',
    created,
    updated: created + span,
    tags: [
      ['team', 'risk'],
      ['mlflow.note.content', `Random search over XGBoost hyperparameters: ${runs} trials.`],
    ],
  });
  const rng = new Rng('big-runs');
  const params: Array<readonly [string, readonly string[]]> = [...XGB_PARAMS.slice(0, paramCount)];
  for (let p = params.length; p < paramCount; p++)
    params.push([`extra_param_${p}`, ['a', 'b', 'c', 'd']]);
  const metricKeys = XGB_METRICS.slice(0, metricCount);
  for (let k = metricKeys.length; k < metricCount; k++) metricKeys.push(`extra/metric_${k}`);
  const last = ROUNDS - 1;
  for (let i = 0; i < runs; i++) {
    const id = i === 0 ? demoIds.R_BIG : hexId('run/big', i);
    const name = `xgb-${String(i).padStart(5, '0')}`;
    const start = created + Math.floor((i * span) / runs);
    const run = addRun(db, {
      id,
      experimentId: demoIds.EXP_BIG,
      name,
      start,
      end: start + 20_000 + rng.int(0, 200_000),
      tags: [...SOURCE_TAGS, ['search', 'random-v3'], ['mlflow.runName', name]],
    });
    run.params = params.map(([key, values]): WireKeyValue => ({ key, value: rng.pick(values) }));
    const seed = hashString(id);
    const quality = 0.78 + 0.16 * rng.next();
    const ts = (s: number) => start + 150 * (s + 1);
    for (const [m, key] of metricKeys.entries()) {
      const ms = seed + m;
      setMetric(
        run,
        key,
        () => buildHistory(key, everyNth(1, last), ts, bigCurve(key, ms, quality, m)),
        metric(key, bigEnd(key, ms, quality, m), ts(last), last),
      );
    }
  }
}

/** Loss with a few spikes that decay over ~40 steps, like instabilities in pre-training. */
function spikyLoss(seed: number, start: number, end: number, last: number): Curve {
  const base = lossCurve({ seed, start, end, last, noise: 0.015, spikeRate: 0.0005, rate: 6 });
  const spikes = [0, 1, 2].map(
    (k) =>
      [Math.floor(last * (0.15 + 0.7 * unit(seed, k, 77))), 0.5 + 2.5 * unit(seed, k, 78)] as const,
  );
  return (step) => {
    let v = base(step);
    if (step >= last) return v;
    for (const [at, height] of spikes)
      if (step >= at && step < at + 200) v *= 1 + height * Math.exp(-(step - at) / 40);
    return v;
  };
}

export function seedChartRuns(db: Db, runs: number, steps: number): void {
  const created = R + 470_000;
  addExperiment(db, {
    id: demoIds.EXP_CHARTS,
    name: 'pretrain-curves',
    created,
    updated: created + 8 * HOUR,
    tags: [
      ['team', 'llm'],
      [
        'mlflow.note.content',
        `Pre-training runs, ${steps.toLocaleString('en-US')} steps each, with loss spikes.`,
      ],
    ],
  });
  const rng = new Rng('chart-runs');
  const last = steps - 1;
  for (let i = 0; i < runs; i++) {
    const id = i === 0 ? demoIds.R_CHART : hexId('run/charts', i);
    const size = rng.pick(['125M', '350M', '760M', '1.3B']);
    const lr = rng.pick([6e-4, 3e-4, 2e-4, 1e-4]);
    const name = `pretrain-${size}-lr${pyRepr(lr)}-${String(i).padStart(3, '0')}`;
    const start = created + Math.floor((i * 6 * HOUR) / Math.max(1, runs));
    const stepMs = 250 + rng.int(0, 200);
    const ts = (s: number) => start + stepMs * (s + 1);
    const run = addRun(db, {
      id,
      experimentId: demoIds.EXP_CHARTS,
      name,
      start,
      end: ts(last) + 5_000,
      params: [
        ['model_size', size],
        ['lr', pyRepr(lr)],
        ['warmup_steps', String(Math.floor(steps / 20))],
        ['batch_tokens', '524288'],
        ['optimizer', 'adamw'],
        ['seed', String(i)],
      ],
      tags: [...SOURCE_TAGS, ['stage', 'pretrain'], ['mlflow.runName', name]],
    });
    const seed = hashString(id);
    const sizeGain = { '125M': 0, '350M': 0.25, '760M': 0.4, '1.3B': 0.55 }[size] ?? 0;
    const series: ReadonlyArray<readonly [string, number, Curve]> = [
      ['train/loss', 1, spikyLoss(seed, 10.9, 3.4 - sizeGain + 0.2 * rng.next(), last)],
      ['val/loss', 50, spikyLoss(seed + 1, 10.8, 3.5 - sizeGain + 0.2 * rng.next(), last)],
      [
        'learning_rate',
        1,
        (s) =>
          s < steps / 20
            ? (lr * s) / (steps / 20)
            : lr * 0.5 * (1 + Math.cos((Math.PI * s) / steps)),
      ],
      [
        'grad_norm',
        1,
        (s) =>
          Math.max(
            0.05,
            1.2 * Math.exp(-s / (steps / 4)) +
              0.3 +
              0.08 * normal(seed + 3, s) +
              (unit(seed, s, 5) < 0.001 ? 6 : 0),
          ),
      ],
      [
        'tokens_per_sec',
        10,
        (s) => Math.round(182_000 - sizeGain * 90_000 + 4_000 * normal(seed + 4, s)),
      ],
    ];
    for (const [key, every, curve] of series) {
      setMetric(
        run,
        key,
        () => buildHistory(key, everyNth(every, last), ts, curve),
        metric(key, curve(last), ts(last), last),
      );
    }
  }
}

const STATS = [
  'mean',
  'std',
  'max',
  'min',
  'l2_norm',
  'sparsity',
  'kurtosis',
  'entropy',
  'dead_frac',
  'grad_ratio',
];

/** `keys` distinct metric keys spread over runs of 400 keys each (plus a shared val/accuracy). */
export function seedWideRuns(db: Db, keys: number): void {
  const created = R + 480_000;
  addExperiment(db, {
    id: demoIds.EXP_WIDE,
    name: 'layerwise-probes',
    created,
    updated: created + HOUR,
    tags: [
      [
        'mlflow.note.content',
        `Probing every layer and head: ${keys.toLocaleString('en-US')} distinct metric keys.`,
      ],
    ],
  });
  const perRun = 400;
  const runs = Math.ceil(keys / perRun);
  for (let r = 0; r < runs; r++) {
    const id = hexId('run/wide', r);
    const name = `probe-ckpt-${String(r).padStart(3, '0')}`;
    const start = created + r * 60_000;
    const run = addRun(db, {
      id,
      experimentId: demoIds.EXP_WIDE,
      name,
      start,
      end: start + 50_000,
      params: [['checkpoint', `step-${(r + 1) * 1000}`]],
      tags: [...SOURCE_TAGS, ['mlflow.runName', name]],
    });
    const t = start + 40_000;
    const acc = metric('val/accuracy', 0.6 + (0.3 * r) / runs, t, 0);
    setMetric(run, 'val/accuracy', [acc], acc);
    for (let k = r * perRun; k < Math.min(keys, (r + 1) * perRun); k++) {
      const layer = k % 48;
      const rest = Math.floor(k / 48);
      const key = `probe/layer_${String(layer).padStart(2, '0')}/head_${String(rest % 25).padStart(2, '0')}/${STATS[Math.floor(rest / 25) % STATS.length]}${rest >= 250 ? `_${Math.floor(rest / 250)}` : ''}`;
      const m = metric(key, Math.round(unit(r, k) * 1e4) / 1e4, t, 0);
      setMetric(run, key, [m], m);
    }
  }
}
