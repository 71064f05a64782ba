import { describe, expect, it } from 'vitest';
import { spanIndexOfRef, spanRefOf } from './span-ref';
import { makeSpan } from './test-builders';
import { buildSpanTree } from './tree';

describe('span refs in the URL', () => {
  it('are the span id when ids are unique', () => {
    const t = buildSpanTree([
      makeSpan({ spanId: 'r' }),
      makeSpan({ spanId: 'k', parentId: 'r', startNs: 1 }),
    ]);
    expect(t.spans.map((_, i) => spanRefOf(t, i))).toEqual(['r', 'k']);
    expect(spanIndexOfRef(t, 'k')).toBe(1);
    expect(spanIndexOfRef(t, 'missing')).toBeUndefined();
    expect(spanIndexOfRef(t, 'k~2')).toBeUndefined();
  });

  it('tell apart spans that share an id, each round-tripping to itself', () => {
    const t = buildSpanTree([
      makeSpan({ spanId: 'r', name: 'sent first', startNs: 5 }),
      makeSpan({ spanId: 'r', name: 'dup early', startNs: 1 }),
      makeSpan({ spanId: 'k', parentId: 'r', startNs: 6 }),
      makeSpan({ spanId: 'r', name: 'dup late', startNs: 9 }),
    ]);
    const refs = t.spans.map((_, i) => spanRefOf(t, i));
    expect(new Set(refs).size).toBe(t.spans.length);
    refs.forEach((ref, i) => expect(spanIndexOfRef(t, ref)).toBe(i));
    // The plain id is the span sent first; the others are numbered as shown.
    expect(t.spans[spanIndexOfRef(t, 'r')!]?.name).toBe('sent first');
    expect(t.spans[spanIndexOfRef(t, 'r~2')!]?.name).toBe('dup early');
    expect(t.spans[spanIndexOfRef(t, 'r~3')!]?.name).toBe('dup late');
    expect(spanIndexOfRef(t, 'r~4')).toBeUndefined();
    expect(spanIndexOfRef(t, 'r~1')).toBeUndefined();
  });

  it("skip a number that is some span's real id", () => {
    const t = buildSpanTree([
      makeSpan({ spanId: 'a', name: 'first' }),
      makeSpan({ spanId: 'a', name: 'copy', startNs: 1 }),
      makeSpan({ spanId: 'a~2', name: 'real', startNs: 2 }),
    ]);
    const copy = t.spans.findIndex((s) => s.name === 'copy');
    expect(spanRefOf(t, copy)).toBe('a~3');
    t.spans.forEach((_, i) => expect(spanIndexOfRef(t, spanRefOf(t, i))).toBe(i));
    expect(t.spans[spanIndexOfRef(t, 'a~2')!]?.name).toBe('real');
  });

  it('prefer a real id that happens to end in ~2', () => {
    const t = buildSpanTree([makeSpan({ spanId: 'a' }), makeSpan({ spanId: 'a~2', startNs: 1 })]);
    expect(spanRefOf(t, 1)).toBe('a~2');
    expect(spanIndexOfRef(t, 'a~2')).toBe(1);
  });
});
