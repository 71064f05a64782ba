import type { Span } from '../../../api';

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
