import { describe, expect, it } from 'vitest';
import type { Assessment, TraceInfo } from '../../../api';
import { messageOf, sessionsOf } from './sessions';

const t = (p: Partial<TraceInfo>): TraceInfo =>
  ({
    requestId: 'tr',
    timestampMs: 0,
    executionTimeMs: 10,
    status: 'OK',
    requestMetadata: {},
    tags: {},
    assessments: [],
    sessionId: null,
    userId: null,
    ...p,
  }) as TraceInfo;

describe('sessionsOf', () => {
  it('groups turns by session with duration, tokens, errors and assessments', () => {
    const pass = { name: 'correct', value: true, valid: true } as Assessment;
    const s = sessionsOf([
      t({
        sessionId: 'a',
        timestampMs: 1000,
        requestMetadata: { 'mlflow.trace.tokenUsage': '{"total_tokens": 5}' },
        assessments: [pass],
      }),
      t({
        sessionId: 'a',
        timestampMs: 3000,
        executionTimeMs: 500,
        status: 'ERROR',
        userId: 'alice',
      }),
      t({ sessionId: 'b', timestampMs: 5000 }),
      t({ timestampMs: 9000 }),
    ]);
    expect(s.map((x) => x.id)).toEqual(['b', 'a']);
    expect(s[1]).toMatchObject({
      turns: 2,
      durationMs: 2500,
      tokens: 5,
      errors: 1,
      userId: 'alice',
      assessments: [{ name: 'correct', count: 1, verdicts: 1, passed: 1 }],
    });
    expect(s[0]?.tokens).toBeNull();
  });
});

describe('messageOf', () => {
  it('finds the message in the usual request and response shapes', () => {
    expect(messageOf('{"q": "hello <script>"}')).toBe('hello <script>');
    expect(messageOf('"answer"')).toBe('answer');
    expect(
      messageOf('{"messages":[{"role":"system","content":"s"},{"role":"user","content":"hi"}]}'),
    ).toBe('hi');
    expect(messageOf('{"choices":[{"message":{"role":"assistant","content":"yo"}}]}')).toBe('yo');
    expect(messageOf('{"a":1,"b":2}')).toBe('{"a":1,"b":2}');
    expect(messageOf('not json')).toBe('not json');
  });
});
