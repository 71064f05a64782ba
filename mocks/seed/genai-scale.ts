/**
 * `assessed-traces` (3.x demo, RUNLENS_DEMO_ASSESSED_TRACES=N): N one-span
 * traces, each with 5 assessment names (pass/fail, a number, text, yes/no
 * from code, an expectation), for the traces-list bench (issue #16: 10,000
 * traces and 5 assessment columns). Span data is built only when a trace
 * is opened.
 */
import type { Db } from '../db';
import { addExperiment } from './build';
import { addTrace3, assessmentsFor, nextExperimentId, type AssessmentSpec } from './genai-build';
import { R } from './experiments';
import { hexId, Rng } from './random';

export const ASSESSED_EXPERIMENT = 'assessed-traces';
export const ASSESSMENT_NAMES = ['correct', 'relevance', 'tone', 'length_ok', 'expected'] as const;

const TONES = ['polite', 'neutral', 'curt', 'friendly'];

export function seedAssessedTraces(db: Db, count: number): string {
  const experimentId = nextExperimentId(db);
  addExperiment(db, { id: experimentId, name: ASSESSED_EXPERIMENT, created: R + 800_000 });
  const rng = new Rng('assessed-traces');
  for (let i = 0; i < count; i++) {
    const id = `tr-${hexId('trace3/assessed', i)}`;
    const at = R + 900_000 + i * 1_000;
    const ms = rng.int(40, 4_000);
    const question = `Question ${i}: how do I use feature ${i % 97}?`;
    addTrace3(
      db,
      {
        id,
        experimentId,
        timestampMs: at,
        executionMs: ms,
        status: rng.int(0, 19) === 0 ? 'ERROR' : 'OK',
        name: i % 3 === 0 ? 'agent' : 'chat',
        inputs: { question },
        outputs: `Answer ${i}`,
      },
      hexId('otel/assessed', i),
      hexId('root/assessed', i, 16),
    );
    const specs: AssessmentSpec[] = [
      {
        name: 'correct',
        source: 'HUMAN',
        sourceId: 'alice@example.com',
        feedback: rng.int(0, 3) > 0,
        after: 5_000,
      },
      {
        name: 'relevance',
        source: 'LLM_JUDGE',
        sourceId: 'gpt-judge-v1',
        feedback: rng.int(0, 100) / 100,
        after: 5_100,
      },
      {
        name: 'tone',
        source: 'LLM_JUDGE',
        sourceId: 'gpt-judge-v1',
        feedback: TONES[rng.int(0, TONES.length - 1)],
        after: 5_200,
      },
      {
        name: 'length_ok',
        source: 'CODE',
        sourceId: 'length_check.py',
        feedback: rng.int(0, 4) > 0 ? 'yes' : 'no',
        after: 5_300,
      },
      {
        name: 'expected',
        source: 'HUMAN',
        sourceId: 'alice@example.com',
        expectation: `Answer ${i}`,
        after: 5_400,
      },
    ];
    db.traces.get(id)!.assessments = assessmentsFor(id, at, specs);
  }
  return experimentId;
}
