import { describe, expect, it } from 'vitest';
import { noneCollapsed, toggleCollapsed, visibleRows } from './rows';
import { buildRowFilter } from './search';
import { makeSpan } from './test-builders';
import { nextMatch, searchMarks, treeKeyAction } from './timeline-nav';
import { buildSpanTree } from './tree';

// root > agent > (llm, tool); root > parse
const tree = buildSpanTree([
  makeSpan({ spanId: 'root', startNs: 0, endNs: 100 }),
  makeSpan({ spanId: 'agent', parentId: 'root', startNs: 1, endNs: 50 }),
  makeSpan({ spanId: 'llm', parentId: 'agent', startNs: 2, endNs: 20 }),
  makeSpan({ spanId: 'tool', parentId: 'agent', startNs: 21, endNs: 40 }),
  makeSpan({ spanId: 'parse', parentId: 'root', startNs: 60, endNs: 70 }),
]);
const at = (id: string) => tree.indexById.get(id)!;
const open = visibleRows(tree, noneCollapsed(tree));
const posOf = (rows: typeof open, id: string) => rows.findIndex((r) => r.index === at(id));
const key = (k: string, rows = open, id?: string) =>
  treeKeyAction(k, rows, id ? posOf(rows, id) : -1, tree.parent);

describe('treeKeyAction', () => {
  it('moves down and up, starting at the first row, and stops at the ends', () => {
    expect(key('ArrowDown')).toEqual({ kind: 'select', index: at('root') });
    expect(key('ArrowDown', open, 'agent')).toEqual({ kind: 'select', index: at('llm') });
    expect(key('ArrowUp', open, 'agent')).toEqual({ kind: 'select', index: at('root') });
    expect(key('ArrowUp', open, 'root')).toEqual({ kind: 'select', index: at('root') });
    expect(key('ArrowDown', open, 'parse')).toEqual({ kind: 'select', index: at('parse') });
    expect(key('Home', open, 'tool')).toEqual({ kind: 'select', index: at('root') });
    expect(key('End', open, 'agent')).toEqual({ kind: 'select', index: at('parse') });
  });

  it('left closes an open span, else goes to the parent; right opens, else goes to the first child', () => {
    expect(key('ArrowLeft', open, 'agent')).toEqual({ kind: 'toggle', index: at('agent') });
    expect(key('ArrowLeft', open, 'llm')).toEqual({ kind: 'select', index: at('agent') });
    expect(key('ArrowLeft', open, 'root')).toEqual({ kind: 'toggle', index: at('root') });
    const closed = visibleRows(tree, toggleCollapsed(noneCollapsed(tree), at('agent')));
    expect(key('ArrowRight', closed, 'agent')).toEqual({ kind: 'toggle', index: at('agent') });
    expect(key('ArrowRight', open, 'agent')).toEqual({ kind: 'select', index: at('llm') });
    expect(key('ArrowRight', open, 'llm')).toBeNull();
    expect(
      key('ArrowLeft', visibleRows(tree, toggleCollapsed(noneCollapsed(tree), at('root'))), 'root'),
    ).toBeNull();
  });

  it('ignores other keys and an empty list', () => {
    expect(key('Enter', open, 'agent')).toBeNull();
    expect(treeKeyAction('ArrowDown', [], -1, tree.parent)).toBeNull();
  });
});

describe('search', () => {
  const mask = Uint8Array.from([0, 1, 0, 1, 0]);

  it('jumps to the next and previous match, wrapping', () => {
    expect(nextMatch(mask, -1, false)).toBe(1);
    expect(nextMatch(mask, 1, false)).toBe(3);
    expect(nextMatch(mask, 3, false)).toBe(1);
    expect(nextMatch(mask, 1, true)).toBe(3);
    expect(nextMatch(mask, -1, true)).toBe(3);
    expect(nextMatch(new Uint8Array(5), 2, false)).toBe(-1);
  });

  it('marks matches in filter mode only while there is text; counts them', () => {
    const spec = { types: [] as string[], statuses: [] as ('OK' | 'ERROR' | 'UNSET')[] };
    const f = buildRowFilter(tree, { ...spec, text: 'tool', mode: 'filter' });
    expect(searchMarks('filter', 'tool', f).count).toBe(1);
    expect(searchMarks('filter', '  ', f)).toEqual({ mask: null, count: null });
    const h = buildRowFilter(tree, { ...spec, text: 'l', mode: 'highlight' });
    const marks = searchMarks('highlight', 'l', h);
    expect(marks.mask).toBe(h.highlight);
    expect(marks.count).toBe(countOf(h.highlight));
  });
});

const countOf = (m: Uint8Array | null) => (m ? m.reduce((a, b) => a + b, 0) : 0);
