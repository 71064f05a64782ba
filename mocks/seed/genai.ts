/**
 * What a 3.x demo adds on the GenAI side (issue #16): every trace in the v3
 * form (trace-v3.ts), assessments on the llm-agent traces, chat sessions,
 * two evaluation runs, and optionally many assessed traces for the bench.
 * Runs last in createDemoDb, so its experiments take the next free ids.
 */
import type { Db } from '../db';
import { seedAgentAssessments } from './genai-assessments';
import { seedEvaluations } from './genai-eval';
import { seedAssessedTraces } from './genai-scale';
import { seedSessions } from './genai-sessions';
import { convertTracesToLine3 } from './trace-v3';

export function seedGenai(db: Db, opts: { assessedTraces: number }): void {
  seedSessions(db);
  seedEvaluations(db);
  if (opts.assessedTraces > 0) seedAssessedTraces(db, opts.assessedTraces);
  // Everything above was seeded in 2.17 form, like the other seeds: convert it all once.
  convertTracesToLine3(db);
  seedAgentAssessments(db);
}
