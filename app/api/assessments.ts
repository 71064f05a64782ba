/**
 * Writes of MLflow 3 assessments (human feedback and expectations) on a trace
 * or one of its spans: POST, PATCH (with an update mask), DELETE under
 * /api/3.0/mlflow/traces/<id>/assessments. Bodies as MLflow 3.18's handlers
 * read them (server/handlers.py `_create_assessment`, `_update_assessment`).
 */
import { decodeAssessment } from './decode';
import { one } from './answers';
import { endpoints } from './endpoints';
import { ignoreBody, requestJson } from './http';
import type { Assessment } from './types';

const T3 = endpoints.tracesV3;

export interface AssessmentInput {
  name: string;
  kind: 'feedback' | 'expectation';
  /** boolean, number, string, or any JSON value */
  value: unknown;
  rationale?: string;
  /** Hex span id; absent for the whole trace. */
  spanId?: string | null;
  /** Who judged: a human's name or id. */
  sourceId: string;
}

function valueOf(input: Pick<AssessmentInput, 'kind' | 'value'>) {
  return input.kind === 'feedback'
    ? { feedback: { value: input.value } }
    : { expectation: { value: input.value } };
}

export async function createAssessment(
  traceId: string,
  input: AssessmentInput,
): Promise<Assessment> {
  return requestJson(T3.assessments(traceId), one('assessment', decodeAssessment), {
    method: 'POST',
    body: {
      assessment: {
        trace_id: traceId,
        assessment_name: input.name,
        span_id: input.spanId || undefined,
        source: { source_type: 'HUMAN', source_id: input.sourceId },
        rationale: input.rationale || undefined,
        ...valueOf(input),
      },
    },
  });
}

/** Change the value and rationale of an assessment (its name, source and span stay). */
export async function updateAssessment(
  traceId: string,
  assessmentId: string,
  change: { kind: 'feedback' | 'expectation'; value: unknown; rationale: string },
): Promise<Assessment> {
  const paths = [change.kind, 'rationale'];
  return requestJson(T3.assessment(traceId, assessmentId), one('assessment', decodeAssessment), {
    method: 'PATCH',
    body: {
      assessment: {
        trace_id: traceId,
        assessment_id: assessmentId,
        rationale: change.rationale,
        ...valueOf(change),
      },
      // A FieldMask in proto JSON is one comma-separated string.
      update_mask: paths.join(','),
    },
  });
}

export async function deleteAssessment(traceId: string, assessmentId: string): Promise<void> {
  await requestJson(T3.assessment(traceId, assessmentId), ignoreBody, { method: 'DELETE' });
}
