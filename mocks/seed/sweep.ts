/** `hyperparam-sweep` (id 1): the recorded grid, CV parent + folds, RUNNING/KILLED, system metrics. */
import type { Db, DbRun } from '../db';
import {
  addFiles,
  addRun,
  metric,
  setMetric,
  setSingleMetric,
  SOURCE_TAGS,
  textFile,
} from './build';
import {
  buildHistory,
  divergingCurve,
  everyNth,
  everyStep,
  lossCurve,
  riseCurve,
  type Curve,
} from './curves';
import { R } from './experiments';
import { demoIds } from './ids';
import { cycle, hashString } from './random';
import { at } from '../../app/lib/at';
import { DELETED_TRIALS, FAILED_TRIALS, HISTORY_BASE, SWEEP_START, TRIALS } from './sweep-data';

const EXP = demoIds.EXP_SWEEP;
const OPTIMIZERS = ['adam', 'sgd', 'adamw'] as const;
const LRS = ['0.0001', '0.0003', '0.001', '0.003', '0.01'] as const;
const BATCH = ['32', '64', '128', '256'] as const;
const LAYERS = ['2', '4', '8'] as const;
const HOUR = 3_600_000;

export interface TrainingCurves {
  seed: number;
  last: number;
  trainLoss: number;
  valLoss: number;
  valAcc: number;
  best?: number;
  failed?: boolean;
}

/**
 * train/loss every step, val/loss and val/accuracy every 10 steps plus the last,
 * all lazy. A failed run diverges, logs NaN val/loss and +inf train/loss at last+1.
 */
export function addTrainingMetrics(
  run: DbRun,
  c: TrainingCurves,
  timestampOf: (step: number) => number,
): void {
  const { seed, last } = c;
  let train: Curve;
  let valLoss: Curve;
  if (c.failed) {
    const diverging = divergingCurve({
      seed,
      start: 2.5,
      end: 0.3,
      last,
      divergeAt: 0.75,
      peak: 70,
    });
    train = (s) => (s > last ? Infinity : diverging(s));
    // val/loss spikes from 60% of training and turns NaN at 80%, like the recorded failures.
    const nanFrom = Math.floor(last * 0.8);
    const valDiverging = divergingCurve({
      seed: seed + 1,
      start: 2.45,
      end: 0.35,
      last: nanFrom,
      divergeAt: 0.75,
      peak: 45,
      noise: 0.06,
    });
    valLoss = (s) => (s >= nanFrom ? NaN : valDiverging(s));
  } else {
    train = lossCurve({ seed, start: 2.5, end: c.trainLoss, last, spikeRate: 0.003 });
    valLoss = lossCurve({
      seed: seed + 1,
      start: 2.45,
      end: c.valLoss,
      last,
      noise: 0.07,
      spikeRate: 0.01,
    });
  }
  const bestStep = Math.floor((last * 0.8) / 10) * 10;
  const best = c.best !== undefined && c.best > c.valAcc ? c.best : undefined;
  const acc = riseCurve({
    seed: seed + 2,
    start: 0.1,
    end: c.valAcc,
    last,
    best,
    bestStep,
    ceiling: 0.999,
  });
  const trainLast = c.failed ? last + 1 : last;
  setMetric(
    run,
    'train/loss',
    () => buildHistory('train/loss', everyStep(trainLast), timestampOf, train),
    metric('train/loss', train(trainLast), timestampOf(trainLast), trainLast),
  );
  setMetric(
    run,
    'val/loss',
    () => buildHistory('val/loss', everyNth(10, last), timestampOf, valLoss),
    metric('val/loss', valLoss(last), timestampOf(last), last),
  );
  setMetric(
    run,
    'val/accuracy',
    () => buildHistory('val/accuracy', everyNth(10, last), timestampOf, acc),
    metric('val/accuracy', acc(last), timestampOf(last), last),
  );
}

function seedTrials(db: Db): void {
  TRIALS.forEach((row, k) => {
    const [
      id,
      startOffset,
      duration,
      epochs,
      trainLoss,
      valLoss,
      valAcc,
      best,
      bestAt,
      epochTime,
      epochAt,
    ] = row;
    const optimizer = cycle(OPTIMIZERS, k);
    const lr = cycle(LRS, k);
    const bs = cycle(BATCH, Math.floor(k / 5));
    const layers = cycle(LAYERS, Math.floor(k / 2));
    const odd = k % 2 === 1;
    const failed = FAILED_TRIALS.has(k);
    const name = `trial-${String(k).padStart(2, '0')}-${optimizer}-lr${lr}`;
    const tags: Array<readonly [string, string]> = [
      ...SOURCE_TAGS,
      ['sweep', 'grid-v1'],
      ['model_family', 'resnet'],
      ['gpu', odd ? 'A100' : 'V100'],
    ];
    if (k % 4 === 0) tags.push(['stage', 'candidate']);
    if (k % 3 === 0)
      tags.push([
        'mlflow.note.content',
        `Sweep trial ${k}: ${optimizer} lr=${lr} bs=${bs} layers=${layers}`,
      ]);
    tags.push(['mlflow.runName', name]);
    if (failed) tags.push(['failure_reason', 'loss diverged (NaN)']);
    const start = SWEEP_START + startOffset;
    const end = start + duration;
    const run = addRun(db, {
      id,
      experimentId: EXP,
      name,
      status: failed ? 'FAILED' : 'FINISHED',
      start,
      end,
      deleted: DELETED_TRIALS.has(k),
      params: [
        ['lr', lr],
        ['batch_size', bs],
        ['optimizer', optimizer],
        ['layers', layers],
        ['epochs', String(epochs)],
        ['weight_decay', optimizer === 'adamw' ? '0.0001' : '0.0'],
        ['scheduler', odd ? 'cosine' : 'none'],
      ],
      tags,
    });
    const base = HISTORY_BASE + k * HOUR;
    addTrainingMetrics(
      run,
      { seed: hashString(id), last: epochs * 100 - 1, trainLoss, valLoss, valAcc, best, failed },
      (s) => base + s * 50,
    );
    setSingleMetric(run, 'best_val_accuracy', best, end + bestAt);
    setSingleMetric(run, 'epoch_time_sec', epochTime, end + epochAt);
    if (optimizer === 'adam') {
      const config = { lr: Number(lr), batch_size: Number(bs), optimizer, layers: Number(layers) };
      addFiles(db, id, [textFile('config.json', JSON.stringify(config, null, 2))]);
    }
  });
}

// prettier-ignore
const FOLDS: ReadonlyArray<readonly [string, number, number, number, number, number]> = [
  ['19c493977426486f969a4c813f90989b', 398711, 398761, 0.1470043058211017, 0.22078577378090608, 0.9489218470114132],
  ['5d085c34bf054ba7895bb1108597a4d9', 398777, 398829, 0.1721553515952168, 0.16491989325788095, 0.9544257526108982],
  ['dacdde151b3245b4be8892894fa8e440', 398846, 398897, 0.16205426783226848, 0.18335428745299748, 0.951809953681212],
  ['08d2d263883a4840925bade4868cdfdd', 398912, 399022, 0.16166912902151118, 0.19408584619053929, 0.9587043604699376],
  ['95cc641c95cc40be9371914c29d6cd2a', 399037, 399088, 0.17232279098232464, 0.21442119885545538, 0.9361544534465269],
];

function seedCrossValidation(db: Db): void {
  const parent = addRun(db, {
    id: demoIds.R_PARENT,
    experimentId: EXP,
    name: 'cv-parent-adam',
    start: R + 398696,
    end: R + 399116,
    params: [
      ['lr', '0.001'],
      ['batch_size', '64'],
      ['optimizer', 'adam'],
      ['layers', '4'],
      ['folds', '5'],
    ],
    tags: [
      ...SOURCE_TAGS,
      ['mlflow.note.content', '5-fold cross validation of best config'],
      ['mlflow.runName', 'cv-parent-adam'],
    ],
  });
  setSingleMetric(parent, 'cv/mean_val_accuracy', 0.9500032734439976, R + 399102);
  setSingleMetric(parent, 'cv/std_val_accuracy', 0.00763532094080698, R + 399108);
  FOLDS.forEach(([id, start, end, trainLoss, valLoss, valAcc], fold) => {
    const name = `fold-${fold}`;
    const run = addRun(db, {
      id,
      experimentId: EXP,
      name,
      start: R + start,
      end: R + end,
      params: [
        ['lr', '0.001'],
        ['batch_size', '64'],
        ['optimizer', 'adam'],
        ['layers', '4'],
        ['fold', String(fold)],
      ],
      tags: [
        ...SOURCE_TAGS,
        ['fold', String(fold)],
        ['mlflow.parentRunId', demoIds.R_PARENT],
        ['mlflow.runName', name],
      ],
    });
    const base = HISTORY_BASE + 50 * HOUR + fold * 600_000;
    addTrainingMetrics(
      run,
      { seed: hashString(id), last: 299, trainLoss, valLoss, valAcc },
      (s) => base + s * 50,
    );
  });
}

function seedOddRuns(db: Db): void {
  const running = addRun(db, {
    id: demoIds.R_RUNNING,
    experimentId: EXP,
    name: 'trial-still-running',
    user: 'unknown',
    status: 'RUNNING',
    start: R + 398675,
    params: [['lr', '0.001']],
    tags: [
      ['sweep', 'grid-v1'],
      ['mlflow.runName', 'trial-still-running'],
    ],
  });
  setSingleMetric(running, 'train/loss', 1.23, R + 398688);
  const killed = addRun(db, {
    id: demoIds.R_KILLED,
    experimentId: EXP,
    name: 'trial-killed',
    status: 'KILLED',
    start: R + 398641,
    end: R + 398661,
    params: [
      ['lr', '0.05'],
      ['batch_size', '16'],
      ['optimizer', 'sgd'],
      ['layers', '2'],
    ],
    tags: [...SOURCE_TAGS, ['mlflow.runName', 'trial-killed']],
  });
  setSingleMetric(killed, 'train/loss', 2.5, R + 398656);
}

/** The recorded system-metrics probe: 5 samples, about 1.2 s apart. */
const SYS_TIMES = [400215, 401345, 402533, 403720, 404910];
// prettier-ignore
const SYS_SERIES: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['system/cpu_utilization_percentage', [49.5, 51.1, 51.3, 52.1, 51.3]],
  ['system/system_memory_usage_megabytes', [548.9, 549.6, 550.1, 550.2, 550.3]],
  ['system/system_memory_usage_percentage', [2.2, 2.2, 2.2, 2.2, 2.2]],
  ['system/disk_usage_percentage', [23.7, 23.7, 23.7, 23.7, 23.7]],
  ['system/disk_usage_megabytes', [25818.6, 25818.8, 25818.9, 25819.0, 25819.1]],
  ['system/disk_available_megabytes', [83125.7, 83125.5, 83125.4, 83125.3, 83125.2]],
  ['system/network_receive_megabytes', [0.004312, 0.008617, 0.012905, 0.016993, 0.021221000000004153]],
  ['system/network_transmit_megabytes', [0.004298, 0.008601, 0.012897, 0.016987, 0.021220999999999712]],
];

function seedSystemMetricsProbe(db: Db): void {
  const run = addRun(db, {
    id: demoIds.R_SYS,
    experimentId: EXP,
    name: 'sysmetrics-probe',
    start: R + 399132,
    end: R + 405165,
    params: [['purpose', 'system metrics demo']],
    tags: [...SOURCE_TAGS, ['mlflow.runName', 'sysmetrics-probe']],
  });
  for (const [key, values] of SYS_SERIES) {
    const history = values.map((v, step) =>
      metric(key, v, R + at(SYS_TIMES, step, 'SYS_TIMES'), step),
    );
    setMetric(run, key, history, at(history, history.length - 1, 'system metric history'));
  }
  setSingleMetric(run, 'dummy', 1.0, R + 405154);
}

export function seedSweep(db: Db): void {
  seedTrials(db);
  seedOddRuns(db);
  seedCrossValidation(db);
  seedSystemMetricsProbe(db);
}
