import { describe, expect, it } from 'vitest';
import type { Assessment, TraceInfo } from '../../../api';
import { rowModelCache, traceRowModel } from './trace-rows';

const assessment = (name: string, value: unknown, at: number, valid = true): Assessment => ({
  id: `a-${name}-${at}`,
  name,
  traceId: 'tr-1',
  spanId: null,
  kind: 'feedback',
  value,
  error: null,
  rationale: '',
  source: { type: 'HUMAN', id: 'bob' },
  createTime: at,
  lastUpdateTime: at,
  overrides: null,
  valid,
  metadata: {},
});

const makeTrace = (over: Partial<TraceInfo> = {}): TraceInfo => ({
  requestId: 'tr-0123456789abcdef',
  experimentId: '7',
  timestampMs: 1_700_000_000_000,
  executionTimeMs: 1500,
  status: 'OK',
  requestMetadata: {},
  tags: {},
  name: 'chat',
  sourceRunId: null,
  requestPreview: '',
  responsePreview: '',
  assessments: [],
  sessionId: null,
  userId: null,
  ...over,
});

describe('traceRowModel', () => {
  it('shows the newest current value per assessment column, in column order', () => {
    const t = makeTrace({
      assessments: [
        assessment('correct', false, 1),
        assessment('correct', true, 2),
        assessment('tone', 'curt', 3, false),
        assessment('score', 0.123456, 1),
      ],
    });
    const m = traceRowModel(t, ['score', 'tone', 'correct'], 0);
    expect(m.assessments).toEqual([
      { kind: 'number', text: '0.1235' },
      null,
      { kind: 'pass', text: 'pass' },
    ]);
  });

  it('hides system tags, keeps four chips and counts the rest', () => {
    const tags = Object.fromEntries([
      ['mlflow.traceName', 'x'],
      ...Array.from({ length: 6 }, (_, i) => [`k${i}`, `v${i}`]),
    ]);
    const m = traceRowModel(makeTrace({ tags, sourceRunId: 'run-abcdefgh12' }), [], 0);
    expect(m.tags.map((t) => t.k)).toEqual(['k0', 'k1', 'k2', 'k3']);
    expect(m.moreTags).toBe(2);
    expect(m.runText).toBe('run-abcd');
    expect(m.shortId).toBe('tr-012345678…');
  });

  it('works a row out once per trace object', () => {
    const get = rowModelCache(['correct']);
    const t = makeTrace();
    expect(get(t)).toBe(get(t));
    expect(get({ ...t })).not.toBe(get(t));
  });
});
