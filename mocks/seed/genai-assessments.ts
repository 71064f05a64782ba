/**
 * Assessments on the llm-agent traces (3.x demo only), shaped like the
 * recorded ones (traces_search_v3_assessments.json): feedback that is
 * pass/fail, a number, text or JSON; expectations (text and JSON); sources
 * HUMAN, LLM_JUDGE and CODE with their ids; on whole traces and on spans; an
 * LLM judge's verdict overridden by a human; hostile strings in rationales.
 */
import type { Db } from '../db';
import { addAssessments, type AssessmentSpec } from './genai-build';
import { demoIds } from './ids';
import { hexId } from './random';
import { line3TraceId } from './trace-v3';

export const HOSTILE_IMG = '<img src=x onerror=alert(1)>';
export const HOSTILE_SCRIPT = '<script>alert(1)</script>';

/** Agent traces built by agentSpans: span i of trace `id` (0 root, 2 retrieve, 4 call_llm). */
const agentSpan = (id: string, i: number) => hexId(`span/${id}`, i, 16);

const ALICE = 'alice@example.com';
const JUDGE = 'gpt-judge-v1';

/** The traces that carry assessments, by 2.17 id, and what they carry. */
export const ASSESSED: ReadonlyArray<readonly [string, AssessmentSpec[]]> = [
  [
    '09fcf60b3caa4fc2980ec045557e57d0', // How do I log a metric?
    [
      {
        name: 'correct',
        source: 'HUMAN',
        sourceId: ALICE,
        feedback: true,
        rationale: 'Matches the docs.',
        after: 60_000,
      },
      {
        name: 'relevance',
        source: 'LLM_JUDGE',
        sourceId: JUDGE,
        feedback: 0.8,
        rationale: `Judge says fine ${HOSTILE_SCRIPT}`,
        after: 61_000,
      },
      {
        name: 'length_ok',
        source: 'CODE',
        sourceId: 'length_check.py',
        feedback: 'yes',
        after: 61_500,
      },
      {
        name: 'tone',
        source: 'HUMAN',
        sourceId: ALICE,
        feedback: 'polite',
        rationale: HOSTILE_IMG,
        spanId: agentSpan('09fcf60b3caa4fc2980ec045557e57d0', 4),
        after: 62_000,
      },
      {
        name: 'expected_answer',
        source: 'HUMAN',
        sourceId: ALICE,
        expectation: 'Call mlflow.log_metric(key, value).',
        after: 63_000,
      },
    ],
  ],
  [
    '8bb6da8ad2a54129b60293ccc98c06da', // Explain tracing
    [
      {
        name: 'expected_facts',
        source: 'HUMAN',
        sourceId: ALICE,
        expectation: { facts: ['spans nest', 'traces have ids'] },
        after: 30_000,
      },
      {
        name: 'correct',
        source: 'LLM_JUDGE',
        sourceId: JUDGE,
        feedback: false,
        rationale: 'Too vague.',
        after: 31_000,
      },
      {
        name: 'correct',
        source: 'HUMAN',
        sourceId: ALICE,
        feedback: true,
        rationale: 'Human review: correct.',
        after: 90_000,
        overrides: 1,
      },
      {
        name: 'relevance',
        source: 'LLM_JUDGE',
        sourceId: JUDGE,
        feedback: 0.55,
        rationale: 'Partly on topic.',
        after: 31_500,
      },
      {
        name: 'retrieval_quality',
        source: 'CODE',
        sourceId: 'recall_at_3',
        feedback: { recall: 0.67, hits: 2, k: 3 },
        spanId: agentSpan('8bb6da8ad2a54129b60293ccc98c06da', 2),
        after: 32_000,
      },
    ],
  ],
  [
    '397bc984dadb4ed193f3b32882ca87da', // How to register a model?
    [
      {
        name: 'correct',
        source: 'HUMAN',
        sourceId: 'bob@example.com',
        feedback: false,
        rationale: 'Missed the alias step.',
        after: 45_000,
      },
      { name: 'relevance', source: 'LLM_JUDGE', sourceId: JUDGE, feedback: 0.9, after: 46_000 },
      {
        name: 'length_ok',
        source: 'CODE',
        sourceId: 'length_check.py',
        feedback: 'no',
        after: 46_500,
      },
    ],
  ],
  [
    '576786b87a2d4a84acd931eb5bde24f9', // What are aliases?
    [
      {
        name: 'correct',
        source: 'LLM_JUDGE',
        sourceId: JUDGE,
        feedback: true,
        rationale: 'Accurate.',
        after: 20_000,
      },
      { name: 'relevance', source: 'LLM_JUDGE', sourceId: JUDGE, feedback: 0.95, after: 20_500 },
      {
        name: 'notes',
        source: 'HUMAN',
        sourceId: ALICE,
        feedback: 'Could link the registry page.',
        after: 70_000,
      },
    ],
  ],
  [
    demoIds.TRACE_ERROR,
    [
      {
        name: 'correct',
        source: 'CODE',
        sourceId: 'error_check.py',
        feedback: false,
        rationale: 'The trace failed: ZeroDivisionError.',
        after: 10_000,
      },
    ],
  ],
];

/** After convertTracesToLine3: the llm-agent traces get their assessments. */
export function seedAgentAssessments(db: Db): void {
  for (const [id, specs] of ASSESSED) {
    if (db.traces.has(line3TraceId(id))) addAssessments(db, line3TraceId(id), specs);
  }
}
