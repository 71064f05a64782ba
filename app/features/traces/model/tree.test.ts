import { describe, expect, it } from 'vitest';
import { buildSpanTree, childIndices } from './tree';
import { makeSpan } from './test-builders';

const names = (t: ReturnType<typeof buildSpanTree>) => t.spans.map((s) => s.name);

describe('buildSpanTree', () => {
  it('lays spans out in pre-order with children sorted by start', () => {
    const t = buildSpanTree([
      makeSpan({ spanId: 'b', parentId: 'root', startNs: 50, endNs: 60 }),
      makeSpan({ spanId: 'a', parentId: 'root', startNs: 10, endNs: 40 }),
      makeSpan({ spanId: 'a1', parentId: 'a', startNs: 12, endNs: 20 }),
      makeSpan({ spanId: 'root', startNs: 0, endNs: 100 }),
    ]);
    expect(names(t)).toEqual(['root', 'a', 'a1', 'b']);
    expect([...t.depth]).toEqual([0, 1, 2, 1]);
    expect([...t.parent]).toEqual([-1, 0, 1, 0]);
    expect([...t.subtreeEnd]).toEqual([4, 3, 3, 4]);
    expect(childIndices(t, 0)).toEqual([1, 3]);
    expect(t.totalNs).toBe(100);
  });

  it('keeps the order of spans starting within the same millisecond by exact ns, then id', () => {
    const t = buildSpanTree([
      makeSpan({ spanId: 'r', startNs: 0, endNs: 2_000_000 }),
      makeSpan({ spanId: 'late', parentId: 'r', startNs: 1_000_002 }),
      makeSpan({ spanId: 'y', parentId: 'r', startNs: 1_000_001 }),
      makeSpan({ spanId: 'x', parentId: 'r', startNs: 1_000_001 }),
      makeSpan({ spanId: 'early', parentId: 'r', startNs: 1_000_000 }),
    ]);
    expect(names(t)).toEqual(['r', 'early', 'x', 'y', 'late']);
  });

  it('makes orphans roots, sorted with the other roots by start', () => {
    const t = buildSpanTree([
      makeSpan({ spanId: 'root', startNs: 5 }),
      makeSpan({ spanId: 'orphan', parentId: 'missing', startNs: 1 }),
      makeSpan({ spanId: 'kid', parentId: 'orphan', startNs: 2 }),
    ]);
    expect(names(t)).toEqual(['orphan', 'kid', 'root']);
    expect([...t.depth]).toEqual([0, 1, 0]);
  });

  it('does not lose spans in a parent cycle or with a duplicate id', () => {
    const t = buildSpanTree([
      makeSpan({ spanId: 'a', parentId: 'b', startNs: 1 }),
      makeSpan({ spanId: 'b', parentId: 'a', startNs: 2 }),
      makeSpan({ spanId: 'a', name: 'dup', startNs: 3 }),
    ]);
    expect(t.spans).toHaveLength(3);
    expect(names(t).sort()).toEqual(['a', 'b', 'dup']);
  });

  it('finds a span by id at its pre-order place; a duplicate id finds the first span sent', () => {
    const t = buildSpanTree([
      makeSpan({ spanId: 'r', startNs: 5 }),
      makeSpan({ spanId: 'k', parentId: 'r', startNs: 6 }),
      makeSpan({ spanId: 'r', name: 'dup', startNs: 1 }),
    ]);
    expect(names(t)).toEqual(['dup', 'r', 'k']);
    expect(t.indexById.get('r')).toBe(1);
    expect(t.indexById.get('k')).toBe(2);
    expect(t.indexById.get('missing')).toBeUndefined();
  });

  it('propagates errors to every ancestor, not to siblings', () => {
    const t = buildSpanTree([
      makeSpan({ spanId: 'r' }),
      makeSpan({ spanId: 'a', parentId: 'r', startNs: 1 }),
      makeSpan({ spanId: 'a1', parentId: 'a', startNs: 2, status: 'ERROR' }),
      makeSpan({ spanId: 'b', parentId: 'r', startNs: 3 }),
    ]);
    expect(names(t)).toEqual(['r', 'a', 'a1', 'b']);
    expect([...t.errorInSubtree]).toEqual([1, 1, 1, 0]);
  });

  it('ends an unfinished span where its last descendant ends', () => {
    const t = buildSpanTree([
      makeSpan({ spanId: 'r', endNs: null }),
      makeSpan({ spanId: 'a', parentId: 'r', startNs: 1, endNs: null }),
      makeSpan({ spanId: 'a1', parentId: 'a', startNs: 2, endNs: 70 }),
    ]);
    expect([...t.endNs]).toEqual([70, 70, 70]);
  });

  it('handles a 50,000-deep chain without recursion', () => {
    const spans = Array.from({ length: 50_000 }, (_, i) =>
      makeSpan({ spanId: `s${i}`, parentId: i ? `s${i - 1}` : null, startNs: i }),
    );
    const t = buildSpanTree(spans);
    expect(t.maxDepth).toBe(49_999);
    expect(t.subtreeEnd[0]).toBe(50_000);
  });
});
