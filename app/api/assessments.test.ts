import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAssessment, deleteAssessment, updateAssessment } from './assessments';
import { setApiBaseUrl } from './http';

/** What MLflow 3.18 answered to these requests (trimmed). */
const answer = {
  assessment: {
    assessment_id: 'a-1',
    assessment_name: 'helpful',
    trace_id: 'tr-1',
    span_id: 'K04FYtqW8hU=',
    source: { source_type: 'HUMAN', source_id: 'runlens' },
    create_time: '2026-12-05T10:13:53.082Z',
    last_update_time: '2026-12-05T10:13:53.335Z',
    feedback: { value: false },
    rationale: 'changed',
    valid: true,
  },
};

function stubFetch() {
  const calls: { url: string; method: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({
        url,
        method: init.method ?? 'GET',
        body: init.body ? JSON.parse(String(init.body)) : undefined,
      });
      return new Response(JSON.stringify(init.method === 'DELETE' ? {} : answer), { status: 200 });
    }),
  );
  setApiBaseUrl('http://x');
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('assessment writes', () => {
  it('creates a human feedback on a span, with the body the 3.x server reads', async () => {
    const calls = stubFetch();
    const a = await createAssessment('tr-1', {
      name: 'helpful',
      kind: 'feedback',
      value: true,
      rationale: 'r',
      spanId: '2b4e',
      sourceId: 'runlens',
    });
    expect(calls[0]).toEqual({
      url: 'http://x/api/3.0/mlflow/traces/tr-1/assessments',
      method: 'POST',
      body: {
        assessment: {
          trace_id: 'tr-1',
          assessment_name: 'helpful',
          span_id: '2b4e',
          source: { source_type: 'HUMAN', source_id: 'runlens' },
          rationale: 'r',
          feedback: { value: true },
        },
      },
    });
    // the span id comes back as hex, whatever the server stored
    expect(a.spanId).toBe('2b4e0562da96f215');
  });

  it('updates value and rationale with a field mask, and deletes', async () => {
    const calls = stubFetch();
    await updateAssessment('tr-1', 'a-1', { kind: 'expectation', value: { x: 1 }, rationale: '' });
    expect(calls[0]?.method).toBe('PATCH');
    expect(calls[0]?.url).toBe('http://x/api/3.0/mlflow/traces/tr-1/assessments/a-1');
    expect(calls[0]?.body).toEqual({
      assessment: {
        trace_id: 'tr-1',
        assessment_id: 'a-1',
        rationale: '',
        expectation: { value: { x: 1 } },
      },
      update_mask: 'expectation,rationale',
    });
    await deleteAssessment('tr-1', 'a-1');
    expect(calls[1]).toMatchObject({
      method: 'DELETE',
      url: 'http://x/api/3.0/mlflow/traces/tr-1/assessments/a-1',
    });
  });
});
