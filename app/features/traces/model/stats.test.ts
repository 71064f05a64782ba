import { describe, expect, it } from 'vitest';
import {
  errorCount,
  exceptionEvents,
  latencyBreakdown,
  rollUpTokenUsage,
  spanTokenUsage,
  spanTypeCounts,
} from './stats';
import { makeSpan } from './test-builders';
import { buildSpanTree } from './tree';

const usage = (p: number, c: number) => ({
  ok: true as const,
  value: { prompt_tokens: p, completion_tokens: c, total_tokens: p + c },
});

describe('trace statistics', () => {
  it('counts spans by type, most frequent first, and errors', () => {
    const spans = [
      makeSpan({ spanId: 'a', spanType: 'LLM' }),
      makeSpan({ spanId: 'b', spanType: 'TOOL', status: 'ERROR' }),
      makeSpan({ spanId: 'c', spanType: 'LLM' }),
    ];
    expect(spanTypeCounts(spans)).toEqual([
      { type: 'LLM', count: 2 },
      { type: 'TOOL', count: 1 },
    ]);
    expect(errorCount(spans)).toBe(1);
  });

  it('reads token usage from the usage attribute, MLflow chat usage, or the outputs', () => {
    expect(
      spanTokenUsage(makeSpan({ spanId: 'a', attributes: { usage: usage(120, 42) } })),
    ).toEqual({ input: 120, output: 42, total: 162 });
    expect(
      spanTokenUsage(
        makeSpan({
          spanId: 'b',
          attributes: {
            'mlflow.chat.tokenUsage': { ok: true, value: { input_tokens: 3, output_tokens: 4 } },
          },
        }),
      ),
    ).toEqual({ input: 3, output: 4, total: 7 });
    expect(
      spanTokenUsage(
        makeSpan({
          spanId: 'c',
          outputs: { ok: true, value: { usage: { prompt_tokens: 1, completion_tokens: 2 } } },
        }),
      ),
    ).toEqual({
      input: 1,
      output: 2,
      total: 3,
    });
    expect(
      spanTokenUsage(makeSpan({ spanId: 'd', attributes: { usage: { ok: false, raw: '{bad' } } })),
    ).toBeNull();
  });

  it('rolls token usage up the tree without counting a reporting wrapper twice', () => {
    const t = buildSpanTree([
      makeSpan({ spanId: 'r' }),
      makeSpan({ spanId: 'chain', parentId: 'r', startNs: 1 }),
      makeSpan({
        spanId: 'llm1',
        parentId: 'chain',
        startNs: 2,
        attributes: { usage: usage(10, 5) },
      }),
      makeSpan({
        spanId: 'llm2',
        parentId: 'chain',
        startNs: 3,
        attributes: { usage: usage(20, 1) },
      }),
      makeSpan({
        spanId: 'wrapper',
        parentId: 'r',
        startNs: 4,
        attributes: { usage: usage(7, 0) },
      }),
      makeSpan({
        spanId: 'inner',
        parentId: 'wrapper',
        startNs: 5,
        attributes: { usage: usage(7, 0) },
      }),
    ]);
    const u = rollUpTokenUsage(t);
    expect(u[t.indexById.get('chain')!]).toEqual({ input: 30, output: 6, total: 36 });
    expect(u[t.indexById.get('wrapper')!]).toEqual({ input: 7, output: 0, total: 7 });
    expect(u[t.indexById.get('r')!]).toEqual({ input: 37, output: 6, total: 43 });
  });

  it('breaks a span down into its children and self time, merging overlaps', () => {
    const t = buildSpanTree([
      makeSpan({ spanId: 'r', startNs: 0, endNs: 100 }),
      makeSpan({ spanId: 'a', parentId: 'r', startNs: 10, endNs: 50 }),
      makeSpan({ spanId: 'b', parentId: 'r', startNs: 30, endNs: 60 }),
    ]);
    const parts = latencyBreakdown(t, 0);
    expect(parts.map((p) => [p.label, p.ns])).toEqual([
      ['self', 50],
      ['a', 40],
      ['b', 30],
    ]);
    expect(parts[0]?.share).toBeCloseTo(0.5);
  });

  it('extracts exception events with type, message and stack trace', () => {
    const s = makeSpan({
      spanId: 'x',
      events: [
        { name: 'log', offsetNs: 1, attributes: {} },
        {
          name: 'exception',
          offsetNs: 5,
          attributes: {
            'exception.type': 'ValueError',
            'exception.message': 'bad',
            'exception.stacktrace': 'Traceback\n  line 1',
          },
        },
      ],
    });
    expect(exceptionEvents(s)).toEqual([
      { type: 'ValueError', message: 'bad', stacktrace: 'Traceback\n  line 1', offsetNs: 5 },
    ]);
  });
});
