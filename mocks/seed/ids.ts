/**
 * Ids of the demo workspace. Recorded objects keep the ids the real server
 * gave them (see mocks/recordings/mlflow-2.17.0/exchanges/_index.json), so a recorded
 * request maps 1:1; objects the recording does not have get hash-derived ids.
 */
import { hexId } from './random';

/** The demo's fixed "now": the morning after the recorded workload ran (2026-11-27 19:38–19:41 UTC). */
export const DEMO_NOW = Date.UTC(2026, 10, 28, 9, 0, 0);

export const demoIds = {
  // experiments (recorded)
  EXP_DEFAULT: '0',
  EXP_SWEEP: '1',
  EXP_VISION: '2',
  EXP_MODEL: '3',
  EXP_CHURN: '4',
  EXP_LLM: '5',
  EXP_DELETED: '6',
  EXP_NLP: '7',
  /** scratch-00; scratch-01..05 are 9..13. */
  EXP_SCRATCH: '8',
  // experiments beyond the recording
  EXP_EDGE: '14',
  EXP_BIG: '15',
  EXP_CHARTS: '16',
  EXP_RUN_PAGE: '17',
  EXP_TRACES: '18',
  /** Only when `wideMetricKeys > 0`. */
  EXP_WIDE: '19',
  /** Only when `models > 0`. */
  EXP_ZOO: '20',

  // runs in hyperparam-sweep (recorded)
  R_5000: '1f95be47eefe4566a2a39775bc207c3e',
  R_5000_B: '4f5a2808ef754fe387d3e274cd1bd762',
  R_FAILED: '3ab153a926374eb3800072cef3d83f07',
  R_FAILED_B: 'a27df7fd58304d47b615bc274163b69e',
  R_FAILED_C: 'c36a0b3577964720addaeae4b7cfd226',
  R_DELETED: 'c48e1d92c21b45429618984aa9f014b0',
  R_PARENT: '505fc2e0c12943faa93d51262b93a95d',
  R_CHILD: 'dacdde151b3245b4be8892894fa8e440',
  R_SYS: '2d3eb7e4b5404ea3beff3f10004e72f3',
  R_RUNNING: '7174afb82da248e7826816f7a102acaa',
  R_KILLED: '958f454312964e4a901246ba0c63873a',
  /** trial-00: has config.json. */
  R_TRIAL_00: 'a64942ac02b444bebad371e17a833d89',
  /** trial-01: no artifacts. */
  R_NO_ARTIFACTS: '175ce344b0c24bcf9340de752aa8bd6b',
  // other recorded runs
  R_VISION: '2c6844b8058e42868ecaaebcc49c32a0',
  R_VISION_DELETED: '5c71dcc061d34cd68833b740b120d85d',
  R_DATASET_ONLY: '247c15ac08cb47d786ebf9da5b0c12e8',
  /** iris-logreg-C1.0, iris-classifier v2 (champion). */
  R_MODEL: '3e3374d79f124f52be62a48e28e484fc',
  /** iris-logreg-C0.1, v1. */
  R_MODEL_V1: '091b41faa12b4eca8d30160afc88e05b',
  /** iris-logreg-C10.0, v3 (challenger). */
  R_MODEL_V3: 'c032cf8edef64a408bf3faf726e0db94',
  R_CHURN_V1: '427024a7c4134f8eb3b4e3e5e576945e',
  R_CHURN_V2: '283b3dfe7b2e40549839df643aba4f83',
  R_AGENT: '084435f233184ac99a64c132ce5972bb',
  R_NLP: 'c86aece461a3459fbfb7bcc5b0cd6c17',
  // runs beyond the recording
  /** System metrics with GPU keys over 600 steps. */
  R_SYS_GPU: hexId('run/sysmetrics-gpu', 0),
  /** Hostile strings, NaN/inf metrics, a 10,000-character param. */
  R_EDGE: hexId('run/edge', 0),
  R_RUN_PAGE: hexId('run/run-page', 0),
  /** First run of EXP_BIG. */
  R_BIG: hexId('run/big', 0),
  /** First run of EXP_CHARTS. */
  R_CHART: hexId('run/charts', 0),

  // traces (recorded)
  TRACE_BIG: '9f15bc7966a8400c872984a97c0bdd41',
  TRACE_ERROR: '3c5a1afe90404de6a0886f2976d717d6',
  TRACE_IN_RUN: '6993367c5b574ff4965382c20c679929',
  TRACE_UNICODE: '0e2585b21178441785b550d594c6d826',
  /** A TOOL span fails, the agent recovers: ERROR span inside an OK trace. */
  TRACE_TOOL_ERROR: '1a6af180c61b41c1a13a02c3ddb65a80',
  /** Recorded info; its spans (not recorded) show chat messages, tool calls and token usage. */
  TRACE_CHAT: '176db892cdeb4245a7df3a3ae9e99810',
  /** Recorded info; its spans (not recorded) carry HTML/script, a 1 MB string and 50-level nesting. */
  TRACE_HOSTILE: 'a6d25561bdbd49a2b0395244f8e2255f',
  // traces beyond the recording
  TRACE_HUGE: hexId('trace/huge', 0),

  // registered models (recorded)
  MODEL_IRIS: 'iris-classifier',
  MODEL_CHURN: 'churn-model',
  MODEL_EMPTY: 'empty-model',
} as const;

export type DemoIdKey = keyof typeof demoIds;
export type DemoIds = { readonly [K in DemoIdKey]: string };

/** Ids that exist only when their knob is set. */
export const OPTIONAL_DEMO_IDS: readonly DemoIdKey[] = ['EXP_WIDE', 'EXP_ZOO'];
