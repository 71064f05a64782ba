import type { Assessment, Span } from '../../../api';

/** A span with defaults; times in ns offsets. Tests only. */
export function makeSpan(p: Partial<Span> & { spanId: string }): Span {
  return {
    traceId: 't',
    parentId: null,
    name: p.spanId,
    spanType: 'UNKNOWN',
    startNs: 0,
    endNs: 10,
    startTimeMs: 0,
    status: 'OK',
    statusMessage: '',
    attributes: {},
    inputs: undefined,
    outputs: undefined,
    events: [],
    ...p,
  };
}

/** A human feedback `correct: true` with defaults. Tests only. */
export function makeAssessment(p: Partial<Assessment> = {}): Assessment {
  return {
    id: 'a-1',
    name: 'correct',
    traceId: 'tr-1',
    spanId: null,
    kind: 'feedback',
    value: true,
    error: null,
    rationale: '',
    source: { type: 'HUMAN', id: 'bob' },
    createTime: 0,
    lastUpdateTime: 0,
    overrides: null,
    valid: true,
    metadata: {},
    ...p,
  };
}
