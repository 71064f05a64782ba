/**
 * Beyond the recording: an earlier random search in `hyperparam-sweep` (tag
 * sweep=random-v0, run the day before the grid, so the recorded grid still
 * fills the first pages by start time), and a GPU system-metrics run.
 */
import type { WireDatasetInput } from '../../app/api/wire';
import type { Db } from '../db';
import { addRun, kvs, metric, setMetric, setSingleMetric, SOURCE_TAGS } from './build';
import { buildHistory, everyNth, jitterCurve, lossCurve } from './curves';
import { demoIds } from './ids';
import { pyDumps, pyRepr } from './pyjson';
import { hashString, hexId, Rng } from './random';
import { addTrainingMetrics } from './sweep';
import { SWEEP_START } from './sweep-data';

const EXP = demoIds.EXP_SWEEP;
const USERS = ['root', 'priya', 'marco', 'li.wei'] as const;

function cifarInput(context: 'training' | 'eval'): WireDatasetInput {
  const train = context === 'training';
  const rows = train ? 50000 : 10000;
  const tensor = (dtype: string, shape: number[]) =>
    pyDumps([{ type: 'tensor', 'tensor-spec': { dtype, shape } }]);
  return {
    tags: kvs([['mlflow.data.context', context]]),
    dataset: {
      name: train ? 'cifar10-train' : 'cifar10-test',
      digest: train ? '9f1c2e7a' : '3b8d04c1',
      source_type: 'http',
      source: pyDumps({ url: 'https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz' }),
      schema: pyDumps({
        mlflow_tensorspec: {
          features: tensor('uint8', [-1, 32, 32, 3]),
          targets: tensor('int64', [-1]),
        },
      }),
      profile: pyDumps({
        features_shape: [rows, 32, 32, 3],
        features_size: rows * 3072,
        features_nbytes: rows * 3072,
        targets_shape: [rows],
        targets_size: rows,
        targets_nbytes: rows * 8,
      }),
    },
  };
}

/** `count` random-search trials, all FINISHED, with datasets and lazy histories. */
export function seedRandomSearch(db: Db, count: number): void {
  const rng = new Rng('sweep/random-v0');
  const inputs = [cifarInput('training'), cifarInput('eval')];
  const t0 = SWEEP_START - 40 * 3_600_000;
  for (let j = 0; j < count; j++) {
    const id = hexId('run/random-v0', j);
    const optimizer = rng.pick(['adam', 'sgd', 'adamw', 'rmsprop', 'lion'] as const);
    const lr = Number((10 ** rng.range(-5, -1.5)).toPrecision(2));
    const batch = rng.pick([16, 32, 64, 128, 256, 512]);
    const layers = rng.pick([2, 4, 6, 8, 12]);
    const epochs = rng.pick([2, 3, 5, 8, 10, 15, 20]);
    const weightDecay = rng.pick([0, 1e-5, 1e-4, 1e-3]);
    const scheduler = rng.pick(['cosine', 'none', 'step', 'onecycle', 'linear-warmup']);
    const family = rng.pick(['resnet', 'resnet', 'vit', 'convnext']);
    const gpu = rng.pick(['A100', 'A100', 'H100', 'V100']);
    const user = rng.pick(USERS);
    const name = `random-${String(j).padStart(3, '0')}-${optimizer}-lr${pyRepr(lr)}`;
    const start = t0 + j * Math.floor((30 * 3_600_000) / Math.max(count, 1)) + rng.int(0, 60_000);
    const last = epochs * 100 - 1;
    const duration = epochs * rng.int(20_000, 90_000);
    const end = start + duration;
    const penalty = Math.abs(Math.log10(lr) + 3) ** 1.4 * 0.035 + (optimizer === 'sgd' ? 0.015 : 0);
    const valAcc = Math.min(
      0.968,
      Math.max(0.62, 0.958 - penalty - 0.01 * rng.next() + layers * 0.0008),
    );
    const trainLoss = 0.12 + (0.97 - valAcc) * 3 * rng.range(0.8, 1.2);
    const valLoss = trainLoss * rng.range(1.02, 1.4);
    const best = Math.min(0.975, valAcc + rng.range(0.002, 0.02));
    const tags: Array<readonly [string, string]> = [
      ['mlflow.user', user],
      ...SOURCE_TAGS.slice(1),
      ['sweep', 'random-v0'],
      ['model_family', family],
      ['gpu', gpu],
    ];
    if (rng.chance(0.15)) {
      tags.push([
        'mlflow.note.content',
        `Random search trial ${j}: **${optimizer}**, lr=${pyRepr(lr)}, ${layers} layers.`,
      ]);
    }
    tags.push(['mlflow.runName', name]);
    const run = addRun(db, {
      id,
      experimentId: EXP,
      name,
      user,
      start,
      end,
      params: [
        ['lr', pyRepr(lr)],
        ['batch_size', String(batch)],
        ['optimizer', optimizer],
        ['layers', String(layers)],
        ['epochs', String(epochs)],
        ['weight_decay', pyRepr(weightDecay)],
        ['scheduler', scheduler],
      ],
      tags,
      inputs,
    });
    addTrainingMetrics(
      run,
      { seed: hashString(id), last, trainLoss, valLoss, valAcc, best },
      (s) => start + Math.round((s * duration) / (last + 1)),
    );
    setSingleMetric(run, 'best_val_accuracy', best, end - 12);
    setSingleMetric(
      run,
      'epoch_time_sec',
      Math.round((duration / epochs / 1000) * 1000) / 1000,
      end - 6,
    );
  }
}

const GPU_KEYS: ReadonlyArray<readonly [string, number, number]> = [
  ['system/cpu_utilization_percentage', 38, 12],
  ['system/system_memory_usage_megabytes', 41250, 900],
  ['system/system_memory_usage_percentage', 32.1, 0.8],
  ['system/disk_usage_percentage', 61.4, 0.05],
  ['system/gpu_0_utilization_percentage', 91, 8],
  ['system/gpu_0_memory_usage_percentage', 78, 3],
  ['system/gpu_0_memory_usage_megabytes', 63890, 2400],
  ['system/gpu_0_power_usage_watts', 352, 40],
  ['system/gpu_0_power_usage_percentage', 88, 10],
  ['system/gpu_1_utilization_percentage', 87, 10],
  ['system/gpu_1_memory_usage_percentage', 76, 3],
  ['system/gpu_1_memory_usage_megabytes', 62210, 2400],
  ['system/gpu_1_power_usage_watts', 341, 45],
  ['system/gpu_1_power_usage_percentage', 85, 11],
];

/** A 100-minute training run sampled every 10 s: CPU, memory, disk, network, two GPUs. */
export function seedGpuSystemMetrics(db: Db): void {
  const start = SWEEP_START - 3 * 3_600_000;
  const samples = 600;
  const end = start + samples * 10_000 + 4_000;
  const run = addRun(db, {
    id: demoIds.R_SYS_GPU,
    experimentId: EXP,
    name: 'gpu-profile-a100x2',
    start,
    end,
    params: [
      ['purpose', 'profile 2xA100 data loader'],
      ['num_workers', '16'],
      ['batch_size', '512'],
    ],
    tags: [
      ...SOURCE_TAGS,
      ['gpu', 'A100'],
      [
        'mlflow.note.content',
        'Profiling run: watch `gpu_1` starve when the loader stalls at step ~410.',
      ],
      ['mlflow.runName', 'gpu-profile-a100x2'],
    ],
  });
  const last = samples - 1;
  const ts = (s: number) => start + 10_000 * (s + 1) + (s % 7);
  for (const [key, level, spread] of GPU_KEYS) {
    const seed = hashString(key);
    const base = jitterCurve(seed, level, spread, last);
    const stall = key.startsWith('system/gpu_1') && !key.includes('megabytes');
    const curve = (s: number) =>
      Math.round((stall && s >= 405 && s < 425 ? base(s) * 0.15 : base(s)) * 10) / 10;
    setMetric(
      run,
      key,
      () => buildHistory(key, everyNth(1, last), ts, curve),
      metric(key, curve(last), ts(last), last),
    );
  }
  for (const [key, rate] of [
    ['system/network_receive_megabytes', 3.7],
    ['system/network_transmit_megabytes', 0.4],
  ] as const) {
    const curve = (s: number) => Math.round(rate * (s + 1) * 1000) / 1000;
    setMetric(
      run,
      key,
      () => buildHistory(key, everyNth(1, last), ts, curve),
      metric(key, curve(last), ts(last), last),
    );
  }
  const train = lossCurve({ seed: hashString(demoIds.R_SYS_GPU), start: 2.3, end: 0.41, last });
  setMetric(
    run,
    'train/loss',
    () => buildHistory('train/loss', everyNth(1, last), ts, train),
    metric('train/loss', train(last), ts(last), last),
  );
}
