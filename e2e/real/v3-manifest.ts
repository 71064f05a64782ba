/**
 * The MLflow 3 sections of the workload's manifest (tools/workload/v3.py), checked once
 * so the specs read typed values and a workload that changed shape fails with its name.
 */
import type { WorkloadManifest } from '../../tools/workload-runner';

export interface LoggedModelEntry {
  model_id: string;
  run_id: string;
  params: Record<string, string>;
  /** dataset name -> metric key -> value */
  metrics: Record<string, Record<string, number>>;
}

export interface ScorerResult {
  rows: number;
  passed: number;
  failed: number;
  /** Every value the scorer logged, sorted as text. */
  values: (boolean | number | string)[];
}

export interface EvaluationEntry {
  run_id: string;
  /** `<scorer>/mean` and the like, as evaluate() returned them */
  metrics: Record<string, number>;
  scorers: Record<string, ScorerResult>;
}

export interface SessionEntry {
  user: string;
  traces: string[];
  messages: string[];
}

export interface V3Manifest {
  experiments: Record<'logged_models' | 'assessments' | 'sessions' | 'eval' | 'traces', string>;
  logged_models: {
    'iris-logreg': LoggedModelEntry;
    registered: { name: string; version: string };
  };
  assessments: { traces: string[] };
  sessions: { 'session-alpha': SessionEntry; 'session-beta': SessionEntry };
  prompts: { qa: { name: string; templates: string[] }; hostile: string };
  evaluations: {
    baseline: EvaluationEntry;
    candidate: EvaluationEntry;
    scorers: string[];
    rows: number;
  };
}

function has(o: unknown, path: string): boolean {
  let cur: unknown = o;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !(k in cur)) return false;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur !== undefined && cur !== null;
}

const REQUIRED = [
  'experiments.logged_models',
  'experiments.assessments',
  'experiments.sessions',
  'experiments.eval',
  'logged_models.iris-logreg.params',
  'logged_models.iris-logreg.metrics',
  'logged_models.registered.version',
  'assessments.traces',
  'sessions.session-alpha.messages',
  'sessions.session-beta.messages',
  'prompts.qa.templates',
  'prompts.hostile',
  'evaluations.baseline.scorers',
  'evaluations.scorers',
  'evaluations.rows',
];

/** The manifest's MLflow 3 sections; throws naming what is missing. */
export function v3Manifest(m: WorkloadManifest): V3Manifest {
  const missing = REQUIRED.filter((p) => !has(m, p));
  if (missing.length)
    throw new Error(`workload manifest lacks MLflow 3 data: ${missing.join(', ')}`);
  return m as unknown as V3Manifest;
}
