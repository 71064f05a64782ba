/**
 * Wire shapes that only MLflow 3.x servers send, as the recorded 3.18.0
 * exchanges have them (mocks/recordings/mlflow-3.18.0): assessments on traces.
 */

export type WireAssessmentSourceType = 'HUMAN' | 'LLM_JUDGE' | 'CODE' | 'SOURCE_TYPE_UNSPECIFIED';

/** One assessment, in the order of fields the server writes them. */
export interface WireAssessment3 {
  assessment_id: string;
  assessment_name: string;
  trace_id: string;
  /** Hex span id (16 digits), when the assessment is on one span. */
  span_id?: string;
  source: { source_type: WireAssessmentSourceType | string; source_id?: string };
  /** ISO 8601 with milliseconds. */
  create_time: string;
  last_update_time: string;
  feedback?: { value: unknown };
  expectation?:
    | { value: unknown }
    | { serialized_value: { serialization_format: 'JSON_FORMAT'; value: string } };
  rationale?: string;
  metadata?: Record<string, string>;
  /** The id of the assessment this one replaces. */
  overrides?: string;
  /** False once another assessment overrides this one. */
  valid: boolean;
}
