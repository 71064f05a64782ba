import { describe, expect, it } from 'vitest';
import { criticalBars, criticalPath } from './critical-path';
import { makeSpan } from './test-builders';
import { buildSpanTree } from './tree';

const path = (spans: Parameters<typeof buildSpanTree>[0]) => {
  const t = buildSpanTree(spans);
  return criticalPath(t).map((s) => [t.spans[s.index]?.spanId, s.startNs, s.endNs]);
};

describe('criticalPath', () => {
  it('is the root alone when it has no children', () => {
    expect(path([makeSpan({ spanId: 'r', startNs: 0, endNs: 10 })])).toEqual([['r', 0, 10]]);
  });

  it('follows the last-finishing child, and charges gaps to the parent', () => {
    // r [0,100]: a [10,40], b [50,90]  -> r 0-10, a 10-40, r 40-50, b 50-90, r 90-100
    expect(
      path([
        makeSpan({ spanId: 'r', startNs: 0, endNs: 100 }),
        makeSpan({ spanId: 'a', parentId: 'r', startNs: 10, endNs: 40 }),
        makeSpan({ spanId: 'b', parentId: 'r', startNs: 50, endNs: 90 }),
      ]),
    ).toEqual([
      ['r', 0, 10],
      ['a', 10, 40],
      ['r', 40, 50],
      ['b', 50, 90],
      ['r', 90, 100],
    ]);
  });

  it('skips a parallel child that finished earlier while another ran', () => {
    // b [20,30] runs inside a [10,80]: nothing waits on b, so it is not on the path.
    expect(
      path([
        makeSpan({ spanId: 'r', startNs: 0, endNs: 100 }),
        makeSpan({ spanId: 'a', parentId: 'r', startNs: 10, endNs: 80 }),
        makeSpan({ spanId: 'b', parentId: 'r', startNs: 20, endNs: 30 }),
      ]),
    ).toEqual([
      ['r', 0, 10],
      ['a', 10, 80],
      ['r', 80, 100],
    ]);
  });

  it('descends through nested children and clips a child that outlives its parent', () => {
    // a1 runs past a's end: clipped to 60.
    expect(
      path([
        makeSpan({ spanId: 'r', startNs: 0, endNs: 100 }),
        makeSpan({ spanId: 'a', parentId: 'r', startNs: 0, endNs: 60 }),
        makeSpan({ spanId: 'a1', parentId: 'a', startNs: 30, endNs: 95 }),
      ]),
    ).toEqual([
      ['a', 0, 30],
      ['a1', 30, 60],
      ['r', 60, 100],
    ]);
  });

  it('follows back-to-back children without a gap', () => {
    expect(
      path([
        makeSpan({ spanId: 'r', startNs: 0, endNs: 30 }),
        makeSpan({ spanId: 'a', parentId: 'r', startNs: 0, endNs: 10 }),
        makeSpan({ spanId: 'b', parentId: 'r', startNs: 10, endNs: 30 }),
      ]),
    ).toEqual([
      ['a', 0, 10],
      ['b', 10, 30],
    ]);
  });

  it('terminates on zero-length children and a 20k-deep chain', () => {
    expect(
      path([
        makeSpan({ spanId: 'r', startNs: 0, endNs: 10 }),
        makeSpan({ spanId: 'z', parentId: 'r', startNs: 5, endNs: 5 }),
      ]),
    ).toEqual([
      ['r', 0, 5],
      ['r', 5, 10],
    ]);
    const chain = Array.from({ length: 20_000 }, (_, i) =>
      makeSpan({
        spanId: `s${i}`,
        parentId: i ? `s${i - 1}` : null,
        startNs: i,
        endNs: 40_000 - i,
      }),
    );
    expect(criticalPath(buildSpanTree(chain)).length).toBeGreaterThan(20_000);
  });
});

describe('criticalBars', () => {
  const sec = (startNs: number, endNs: number) => ({ index: 0, startNs, endNs });

  it('keeps sections apart when the gap between them shows', () => {
    // 1000 ns over 100 px: 10 ns a pixel
    expect(criticalBars([sec(0, 100), sec(200, 300)], 0, 1000, 100)).toEqual([
      { startNs: 0, endNs: 100 },
      { startNs: 200, endNs: 300 },
    ]);
  });

  it('draws sections less than half a pixel apart as one bar, each at least a pixel wide', () => {
    expect(criticalBars([sec(0, 100), sec(104, 105), sec(300, 301)], 0, 1000, 100)).toEqual([
      { startNs: 0, endNs: 114 },
      { startNs: 300, endNs: 310 },
    ]);
    // thousands of sub-pixel sections side by side: one bar
    const many = Array.from({ length: 5000 }, (_, i) => sec(i * 2, i * 2 + 1));
    expect(criticalBars(many, 0, 10_000, 1000)).toEqual([{ startNs: 0, endNs: 9999 + 10 - 1 }]);
  });

  it('drops sections outside the window', () => {
    expect(criticalBars([sec(0, 10), sec(500, 600), sec(2000, 2100)], 400, 1000, 60)).toEqual([
      { startNs: 500, endNs: 600 },
    ]);
  });
});
