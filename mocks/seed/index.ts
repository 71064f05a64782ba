/**
 * The demo workspace: a deterministic Db that mirrors the recorded MLflow
 * 2.17 workload (same ids, names, values) and goes beyond it so every page
 * has something to show. Scale knobs grow it for benchmarks; see README.md.
 */
import {
  createEmptyDb,
  DEFAULT_DEMO_LINE,
  DEMO_LINES,
  isLine3,
  type Db,
  type DemoLine,
} from '../db';
import { seedEdgeCases } from './edge-cases';
import { seedGenai } from './genai';
import { seedNlpRun, seedRecordedExperiments } from './experiments';
import { DEMO_NOW, demoIds, type DemoIds } from './ids';
import { seedLoggedModels } from './logged-models';
import { seedModelRuns, seedRegistry } from './models';
import { seedPrompts } from './prompts';
import { seedFillerExperiments, seedModelZoo } from './scale-registry';
import { seedRunPage } from './scale-run-page';
import { seedBigRuns, seedChartRuns, seedWideRuns } from './scale-runs';
import { seedSweep } from './sweep';
import { seedGpuSystemMetrics, seedRandomSearch } from './sweep-random';
import { seedTraceExperiment } from './trace-huge';
import { seedLlmAgent } from './traces';
import { seedVision } from './vision';

export { demo3Ids } from './logged-models';
export { demoPrompts } from './prompts';
export { DEMO_NOW, demoIds, OPTIONAL_DEMO_IDS, type DemoIdKey, type DemoIds } from './ids';

export interface DemoScale {
  /** The MLflow release the demo mirrors (RUNLENS_DEMO_MLFLOW): its `/version` and its endpoints. */
  line: DemoLine;
  /** Total experiments. Beyond the built-in ones (ids 0-18, plus 19/20 when their knobs are set), filler experiments `<team>/<project>-NNNN` (5% deleted, a third with two runs) from id 21. */
  experiments: number;
  /** Trial runs in hyperparam-sweep: the 40 recorded grid trials, plus `sweepRuns - 40` random-search trials and a GPU system-metrics run when above 40. */
  sweepRuns: number;
  /** Runs in EXP_BIG `random-search-xgb` (0 = no such experiment). */
  bigRuns: number;
  /** Params per EXP_BIG run. */
  bigRunParams: number;
  /** Metrics per EXP_BIG run (100-point histories, lazy). */
  bigRunMetrics: number;
  /** History length of EXP_CHARTS metrics (train/loss every step). */
  steps: number;
  /** Runs in EXP_CHARTS `pretrain-curves` (0 = none). */
  chartRuns: number;
  /** Spans in TRACE_HUGE (0 = no EXP_TRACES experiment). */
  traceSpans: number;
  /** Registered models beyond the recorded three, sourced from runs in EXP_ZOO (0 = none). */
  models: number;
  /** Versions per extra model. */
  versionsPerModel: number;
  /** Params of R_RUN_PAGE (EXP_RUN_PAGE exists when any run-page knob is above 0). */
  runPageParams: number;
  /** Metrics of R_RUN_PAGE (100-point histories, lazy). */
  runPageMetrics: number;
  /** Artifact files of R_RUN_PAGE in nested folders (bodies lazy), the CSV included. */
  runPageArtifacts: number;
  /** Rows of R_RUN_PAGE's reports/full_export.csv (lazy, fixed-width rows). */
  csvRows: number;
  /** Distinct metric keys across EXP_WIDE `layerwise-probes` runs (0 = no such experiment). */
  wideMetricKeys: number;
  /** Approximate size of vision-demo's data/large/predictions_full.json (built on read; its reported size is exact). */
  largeJsonBytes: number;
  /** MLflow 3 only: lines of each of the two `agent-playbook` prompt versions (0 = no such prompt). 5,000 for the diff benchmark. */
  promptLines: number;
  /** Include EXP_EDGE `ui-edge-cases` (hostile strings, non-finite metrics). */
  edgeCases: boolean;
  /** 3.x only: traces in `assessed-traces`, each with 5 assessment names (0 = no such experiment). */
  assessedTraces: number;
}

export const DEFAULT_SCALE: DemoScale = {
  line: DEFAULT_DEMO_LINE,
  experiments: 0,
  sweepRuns: 240,
  bigRuns: 100,
  bigRunParams: 20,
  bigRunMetrics: 10,
  steps: 10_000,
  chartRuns: 8,
  traceSpans: 2_000,
  models: 0,
  versionsPerModel: 20,
  runPageParams: 60,
  runPageMetrics: 24,
  runPageArtifacts: 80,
  csvRows: 2_000,
  wideMetricKeys: 0,
  largeJsonBytes: 50 * 1024 * 1024,
  promptLines: 120,
  edgeCases: true,
  assessedTraces: 0,
};

/** Only what the recording has (plus the enriched span data and artifacts of recorded objects). */
export const RECORDED_ONLY: Partial<DemoScale> = {
  experiments: 0,
  sweepRuns: 40,
  bigRuns: 0,
  chartRuns: 0,
  traceSpans: 0,
  models: 0,
  runPageParams: 0,
  runPageMetrics: 0,
  runPageArtifacts: 0,
  csvRows: 0,
  wideMetricKeys: 0,
  promptLines: 0,
  edgeCases: false,
};

/** RUNLENS_DEMO_RUN_PAGE=1 */
const RUN_PAGE_BENCH: Partial<DemoScale> = {
  runPageParams: 500,
  runPageMetrics: 200,
  runPageArtifacts: 1_000,
  csvRows: 100_000,
};

type NumericKey = {
  [K in keyof DemoScale]: DemoScale[K] extends number ? K : never;
}[keyof DemoScale];

/** Environment variable -> numeric knob. */
export const SCALE_ENV: ReadonlyArray<readonly [string, NumericKey]> = [
  ['RUNLENS_DEMO_EXPERIMENTS', 'experiments'],
  ['RUNLENS_DEMO_SWEEP_RUNS', 'sweepRuns'],
  ['RUNLENS_DEMO_RUNS', 'bigRuns'],
  ['RUNLENS_DEMO_RUN_PARAMS', 'bigRunParams'],
  ['RUNLENS_DEMO_RUN_METRICS', 'bigRunMetrics'],
  ['RUNLENS_DEMO_STEPS', 'steps'],
  ['RUNLENS_DEMO_CHART_RUNS', 'chartRuns'],
  ['RUNLENS_DEMO_TRACE_SPANS', 'traceSpans'],
  ['RUNLENS_DEMO_MODELS', 'models'],
  ['RUNLENS_DEMO_VERSIONS', 'versionsPerModel'],
  ['RUNLENS_DEMO_RUN_PAGE_PARAMS', 'runPageParams'],
  ['RUNLENS_DEMO_RUN_PAGE_METRICS', 'runPageMetrics'],
  ['RUNLENS_DEMO_RUN_PAGE_ARTIFACTS', 'runPageArtifacts'],
  ['RUNLENS_DEMO_CSV_ROWS', 'csvRows'],
  ['RUNLENS_DEMO_WIDE', 'wideMetricKeys'],
  ['RUNLENS_DEMO_ASSESSED_TRACES', 'assessedTraces'],
  ['RUNLENS_DEMO_PROMPT_LINES', 'promptLines'],
];

function parseCount(name: string, raw: string): number {
  const cleaned = raw.trim().replace(/[_,]/g, '');
  if (!/^\d+$/.test(cleaned))
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return Number(cleaned);
}

function parseFlag(name: string, raw: string): boolean {
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(v)) return false;
  throw new Error(`${name} must be 0 or 1, got "${raw}"`);
}

/**
 * Read the RUNLENS_DEMO_* knobs (README.md lists them). Presets apply first
 * (RUNLENS_DEMO_RECORDED_ONLY=1, RUNLENS_DEMO_RUN_PAGE=1), then single knobs.
 * Throws on a malformed value rather than silently seeding something else.
 */
export function readScaleFromEnv(env: Record<string, string | undefined>): Partial<DemoScale> {
  const scale: Partial<DemoScale> = {};
  const flag = (name: string) => env[name] !== undefined && parseFlag(name, env[name] ?? '');
  if (flag('RUNLENS_DEMO_RECORDED_ONLY')) Object.assign(scale, RECORDED_ONLY);
  if (flag('RUNLENS_DEMO_RUN_PAGE')) Object.assign(scale, RUN_PAGE_BENCH);
  for (const [name, key] of SCALE_ENV) {
    const raw = env[name];
    if (raw !== undefined && raw.trim() !== '') scale[key] = parseCount(name, raw);
  }
  const mb = env.RUNLENS_DEMO_LARGE_JSON_MB;
  if (mb !== undefined && mb.trim() !== '')
    scale.largeJsonBytes = parseCount('RUNLENS_DEMO_LARGE_JSON_MB', mb) * 1024 * 1024;
  const line = env.RUNLENS_DEMO_MLFLOW?.trim();
  if (line) {
    const found = DEMO_LINES.find((l) => l === line || l.startsWith(`${line}.`));
    if (!found)
      throw new Error(`RUNLENS_DEMO_MLFLOW must be one of ${DEMO_LINES.join(', ')}, got "${line}"`);
    scale.line = found;
  }
  const edge = env.RUNLENS_DEMO_EDGE_CASES;
  if (edge !== undefined) scale.edgeCases = parseFlag('RUNLENS_DEMO_EDGE_CASES', edge);
  return scale;
}

/** Build the demo workspace. Same input, same Db (ids, values, timestamps). */
export function createDemoDb(partial: Partial<DemoScale> = {}): { db: Db; ids: DemoIds } {
  const scale: DemoScale = { ...DEFAULT_SCALE, ...partial };
  const db = createEmptyDb(DEMO_NOW);
  db.line = scale.line;
  seedRecordedExperiments(db);
  seedSweep(db);
  if (scale.sweepRuns > 40) {
    seedRandomSearch(db, scale.sweepRuns - 40);
    seedGpuSystemMetrics(db);
  }
  seedVision(db, scale.largeJsonBytes);
  seedModelRuns(db);
  seedRegistry(db);
  seedLlmAgent(db);
  seedNlpRun(db, demoIds.R_NLP);
  if (scale.edgeCases) seedEdgeCases(db);
  if (isLine3(db)) {
    seedLoggedModels(db);
    seedPrompts(db, scale.promptLines);
  }
  if (scale.bigRuns > 0) seedBigRuns(db, scale.bigRuns, scale.bigRunParams, scale.bigRunMetrics);
  if (scale.chartRuns > 0) seedChartRuns(db, scale.chartRuns, Math.max(1, scale.steps));
  if (scale.runPageParams + scale.runPageMetrics + scale.runPageArtifacts + scale.csvRows > 0) {
    seedRunPage(db, {
      params: scale.runPageParams,
      metrics: scale.runPageMetrics,
      artifacts: scale.runPageArtifacts,
      csvRows: scale.csvRows,
    });
  }
  if (scale.traceSpans > 0) seedTraceExperiment(db, scale.traceSpans);
  if (scale.wideMetricKeys > 0) seedWideRuns(db, scale.wideMetricKeys);
  if (scale.models > 0) seedModelZoo(db, scale.models, Math.max(1, scale.versionsPerModel));
  if (scale.experiments > db.experiments.size) seedFillerExperiments(db, scale.experiments, 21);
  if (isLine3(db)) seedGenai(db, { assessedTraces: scale.assessedTraces });
  let maxId = 0;
  for (const id of db.experiments.keys()) maxId = Math.max(maxId, Number(id));
  // Either convention (next id = seq or seq + 1) gives an unused id; with only the
  // recorded experiments the next one is "15", as on the recording server.
  db.seq.experiment = maxId + 1;
  db.seq.run = db.runs.size;
  return { db, ids: demoIds };
}
