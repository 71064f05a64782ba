import { describe, expect, it } from 'vitest';
import {
  collapseFromDepth,
  keepWithAncestors,
  revealSpan,
  toggleCollapsed,
  visibleRows,
  noneCollapsed,
} from './rows';
import { buildRowFilter } from './search';
import { makeSpan } from './test-builders';
import { buildSpanTree } from './tree';

// root
//   agent (AGENT)
//     llm (LLM)  attr model=gpt-4o
//     tool (TOOL, ERROR)
//   parse (PARSER)
const tree = buildSpanTree([
  makeSpan({ spanId: 'root', spanType: 'CHAIN', startNs: 0, endNs: 100 }),
  makeSpan({ spanId: 'agent', parentId: 'root', spanType: 'AGENT', startNs: 1, endNs: 50 }),
  makeSpan({
    spanId: 'llm',
    parentId: 'agent',
    spanType: 'LLM',
    startNs: 2,
    endNs: 20,
    attributes: { model: { ok: true, value: 'gpt-4o' } },
  }),
  makeSpan({
    spanId: 'tool',
    parentId: 'agent',
    spanType: 'TOOL',
    startNs: 21,
    endNs: 40,
    status: 'ERROR',
  }),
  makeSpan({ spanId: 'parse', parentId: 'root', spanType: 'PARSER', startNs: 60, endNs: 70 }),
]);
const ids = (rows: ReturnType<typeof visibleRows>) => rows.map((r) => tree.spans[r.index]?.spanId);
const spec = {
  text: '',
  mode: 'filter' as const,
  types: [] as string[],
  statuses: [] as ('OK' | 'ERROR' | 'UNSET')[],
};

describe('visibleRows', () => {
  it('shows every span with its depth when nothing is collapsed', () => {
    const rows = visibleRows(tree, noneCollapsed(tree));
    expect(ids(rows)).toEqual(['root', 'agent', 'llm', 'tool', 'parse']);
    expect(rows.map((r) => r.depth)).toEqual([0, 1, 2, 2, 1]);
    expect(rows.map((r) => r.expandable)).toEqual([true, true, false, false, false]);
  });

  it('skips a collapsed subtree', () => {
    const collapsed = toggleCollapsed(noneCollapsed(tree), tree.indexById.get('agent')!);
    const rows = visibleRows(tree, collapsed);
    expect(ids(rows)).toEqual(['root', 'agent', 'parse']);
    expect(rows[1]).toMatchObject({ expandable: true, expanded: false });
  });

  it('collapse all leaves the roots; expand to depth 1 shows one level', () => {
    expect(ids(visibleRows(tree, collapseFromDepth(tree, 0)))).toEqual(['root']);
    expect(ids(visibleRows(tree, collapseFromDepth(tree, 1)))).toEqual(['root', 'agent', 'parse']);
  });

  it('reveals a hidden span by expanding its ancestors only', () => {
    const all = collapseFromDepth(tree, 0);
    const revealed = revealSpan(tree, all, tree.indexById.get('tool')!);
    expect(ids(visibleRows(tree, revealed))).toEqual(['root', 'agent', 'llm', 'tool', 'parse']);
  });

  it('filters by search text, keeping matches with their ancestors as context', () => {
    const f = buildRowFilter(tree, { ...spec, text: 'GPT-4' });
    const rows = visibleRows(tree, noneCollapsed(tree), f);
    expect(ids(rows)).toEqual(['root', 'agent', 'llm']);
    expect(rows.map((r) => r.kind)).toEqual(['context', 'context', 'span']);
    expect(rows[1]?.expandable).toBe(true);
    expect(rows[2]?.expandable).toBe(false);
  });

  it('highlights instead of filtering in highlight mode', () => {
    const f = buildRowFilter(tree, { ...spec, text: 'tool', mode: 'highlight' });
    const rows = visibleRows(tree, noneCollapsed(tree), f);
    expect(ids(rows)).toEqual(['root', 'agent', 'llm', 'tool', 'parse']);
    expect(
      rows
        .filter((r) => r.kind === 'span' && r.highlighted)
        .map((r) => tree.spans[r.index]?.spanId),
    ).toEqual(['tool']);
  });

  it('filters by type and status together', () => {
    expect(
      ids(
        visibleRows(
          tree,
          noneCollapsed(tree),
          buildRowFilter(tree, { ...spec, types: ['PARSER', 'LLM'] }),
        ),
      ),
    ).toEqual(['root', 'agent', 'llm', 'parse']);
    expect(
      ids(
        visibleRows(
          tree,
          noneCollapsed(tree),
          buildRowFilter(tree, { ...spec, statuses: ['ERROR'] }),
        ),
      ),
    ).toEqual(['root', 'agent', 'tool']);
    expect(
      ids(
        visibleRows(
          tree,
          noneCollapsed(tree),
          buildRowFilter(tree, { ...spec, types: ['LLM'], statuses: ['ERROR'] }),
        ),
      ),
    ).toEqual([]);
  });

  it('applies collapse under a filter', () => {
    const collapsed = toggleCollapsed(noneCollapsed(tree), tree.indexById.get('agent')!);
    const rows = visibleRows(tree, collapsed, buildRowFilter(tree, { ...spec, text: 'tool' }));
    expect(ids(rows)).toEqual(['root', 'agent']);
  });

  it('keepWithAncestors marks the path to the root', () => {
    const m = new Uint8Array(tree.spans.length);
    m[tree.indexById.get('llm')!] = 1;
    expect([...keepWithAncestors(tree, m)]).toEqual([1, 1, 1, 0, 0]);
  });

  it('collapses and expands 50k spans quickly', () => {
    const spans = [makeSpan({ spanId: 'r', endNs: 1e9 })];
    for (let i = 0; i < 50_000; i++)
      spans.push(
        makeSpan({ spanId: `s${i}`, parentId: i % 10 ? `s${i - (i % 10)}` : 'r', startNs: i }),
      );
    const big = buildSpanTree(spans);
    const t0 = performance.now();
    const collapsed = visibleRows(big, collapseFromDepth(big, 0));
    const expanded = visibleRows(big, noneCollapsed(big));
    const ms = performance.now() - t0;
    expect(collapsed).toHaveLength(1);
    expect(expanded).toHaveLength(50_001);
    expect(ms).toBeLessThan(500);
  });
});
