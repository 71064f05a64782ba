/**
 * `genai-eval` (3.x demo only): two runs of `mlflow.genai.evaluate` over the
 * same five rows with deterministic code scorers, logged as 3.18 logs them
 * (runs_get_eval_baseline.json, client_search_traces_eval_run_2.json):
 * - the run: tag `mlflow.runType = genai_evaluate`, the scorers' digest,
 *   metrics `<scorer>/mean` at step 0, the dataset as a run input;
 * - one trace per row (`root_span`, tag `mlflow.eval.requestId`, metadata
 *   `mlflow.sourceRun`), with CODE feedback per scorer and the row's
 *   expectation (source HUMAN `root`) on the root span.
 * The candidate fixes one answer (a changed verdict) and shortens another.
 */
import type { Db } from '../db';
import { addExperiment, addRun, setSingleMetric, SOURCE_TAGS } from './build';
import {
  addTrace3,
  assessmentsFor,
  nextExperimentId,
  traceIds,
  type AssessmentSpec,
} from './genai-build';
import { HOSTILE_IMG, HOSTILE_SCRIPT } from './genai-assessments';
import { R } from './experiments';
import { hexId } from './random';

export const EVAL_EXPERIMENT = 'genai-eval';
export const EVAL_SCORERS = ['exact_match', 'short_answer', 'word_count'] as const;

/** [question, expected, baseline answer, candidate answer] */
export const EVAL_ROWS: ReadonlyArray<readonly [string, string, string, string]> = [
  ['Capital of France?', 'Paris', 'Paris', 'Paris'],
  ['Largest planet?', 'Jupiter', 'Saturn', 'Jupiter'],
  ['2 + 2?', '4', '4', '4'],
  [
    'Author of Hamlet?',
    'Shakespeare',
    'William Shakespeare wrote it around the year 1600',
    'Shakespeare, around 1600',
  ],
  [`Echo ${HOSTILE_SCRIPT}`, HOSTILE_IMG, HOSTILE_IMG, HOSTILE_IMG],
];

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** The deterministic scorers' values for one row. */
export function scoreRow(answer: string, expected: string): Record<string, boolean | number> {
  return {
    exact_match: answer === expected,
    short_answer: words(answer) <= 5,
    word_count: words(answer),
  };
}

const digest = (name: string) => `sha256:${hexId(`scorer/${name}`, 0, 64)}`;

function seedEvalRun(
  db: Db,
  experimentId: string,
  name: 'eval-baseline' | 'eval-candidate',
  start: number,
): void {
  const runId = hexId(`run/${name}`, 0);
  const answerAt = name === 'eval-baseline' ? 2 : 3;
  const end = start + 4_500;
  const run = addRun(db, {
    id: runId,
    experimentId,
    name,
    start,
    end,
    tags: [
      ...SOURCE_TAGS,
      ['mlflow.runName', name],
      ['mlflow.runType', 'genai_evaluate'],
      [
        'mlflow.genaiEvaluate.scorersDigest',
        `{"digest": "${digest(name)}", "hashed": 3, "total": 3}`,
      ],
    ],
    inputs: [
      {
        dataset: {
          name: 'dataset',
          digest: '93ecab5e',
          source_type: 'code',
          source: '{"tags": {"mlflow.user": "root", "mlflow.source.name": "workload.py"}}',
          schema:
            '{"mlflow_colspec": [{"type": "object", "properties": {"question": {"type": "string", "required": true}}, "name": "inputs", "required": true}, {"type": "string", "name": "outputs", "required": true}, {"type": "object", "properties": {"expected_response": {"type": "string", "required": true}}, "name": "expectations", "required": true}]}',
          profile: '{"num_rows": 5, "num_elements": 15}',
        },
      },
    ],
  });
  const sums: Record<string, number> = {};
  EVAL_ROWS.forEach((row, i) => {
    const [question, expected] = row;
    const answer = row[answerAt] as string;
    const { id, otel, root } = traceIds(`eval/${name}`, i);
    const at = start + 3_000 + i * 3;
    const t = addTrace3(
      db,
      {
        id,
        experimentId,
        timestampMs: at,
        executionMs: 1,
        name: 'root_span',
        inputs: { question },
        outputs: answer,
        sourceRun: runId,
        tags: [['mlflow.eval.requestId', hexId(`eval-request/${question}`, 0, 64)]],
      },
      otel,
      root,
    );
    const scores = scoreRow(answer, expected);
    const meta = { 'mlflow.assessment.sourceRunId': runId };
    const specs: AssessmentSpec[] = EVAL_SCORERS.map((scorer) => {
      const v = scores[scorer];
      sums[scorer] = (sums[scorer] ?? 0) + Number(v);
      return {
        name: scorer,
        source: 'CODE' as const,
        sourceId: scorer,
        feedback: v,
        spanId: root,
        metadata: { ...meta, 'mlflow.assessment.scorerDigest': digest(scorer) },
        after: 746,
      };
    });
    specs.push({
      name: 'expected_response',
      source: 'HUMAN',
      sourceId: 'root',
      expectation: expected,
      spanId: root,
      metadata: meta,
      after: 752,
    });
    t.assessments = assessmentsFor(id, at, specs);
  });
  for (const scorer of EVAL_SCORERS)
    setSingleMetric(run, `${scorer}/mean`, (sums[scorer] ?? 0) / EVAL_ROWS.length, end - 180);
}

export function seedEvaluations(db: Db): string {
  const experimentId = nextExperimentId(db);
  addExperiment(db, { id: experimentId, name: EVAL_EXPERIMENT, created: R + 700_000 });
  seedEvalRun(db, experimentId, 'eval-baseline', R + 710_000);
  seedEvalRun(db, experimentId, 'eval-candidate', R + 760_000);
  return experimentId;
}
