import { useVirtualizer } from '@tanstack/react-virtual';
import { at } from '../../../lib/at';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  observeRectAfterLayout,
  scrollSkippingFirstZero,
} from '../../../components/observe-rect-after-layout';
import { useAfterFirstPaint } from '../../../components/use-after-first-paint';
import { useDebounced } from '../../../components/use-debounced';
import { useRowSlots } from '../../../components/use-row-slots';
import { rowsInDomOrder } from '../../../lib/row-slots';
import type { CriticalSection } from '../model/critical-path';
import { formatNs } from '../model/format-ns';
import {
  collapseFromDepth,
  noneCollapsed,
  revealSpan,
  toggleCollapsed,
  visibleRows,
} from '../model/rows';
import { buildRowFilter, type SearchMode } from '../model/search';
import { nextMatch, searchMarks, treeKeyAction, TREE_KEYS } from '../model/timeline-nav';
import { criticalSectionsOf, spanTypeCountsOf } from '../model/per-tree';
import type { SpanTree } from '../model/tree';
import { KeyboardHelp } from '../../../components/ShortcutSheet';
import { TRACE_SHORTCUTS } from './shortcuts';
import { Minimap } from './Minimap';
import { ROW_HEIGHT, SpanRow } from './SpanRow';
import { TimelineToolbar } from './TimelineToolbar';
import { useElementWidth } from './use-element-width';
import { formatInt } from '../../../lib/format';

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  (t.tagName === 'INPUT' ||
    t.tagName === 'TEXTAREA' ||
    t.tagName === 'SELECT' ||
    t.isContentEditable);

/**
 * The span tree and waterfall: one flat, virtualized list of precomputed rows
 * (never a recursive tree of components). Collapse state is a Uint8Array per
 * span, so collapse-all and expand-all are one O(n) pass each.
 */
const NO_SECTIONS: ReadonlyMap<number, CriticalSection[]> = new Map();

export function SpanTimeline({
  tree,
  selected,
  onSelect,
}: {
  tree: SpanTree;
  selected: number;
  onSelect: (i: number) => void;
}) {
  const [collapsed, setCollapsed] = useState(() => noneCollapsed(tree));
  const [text, setText] = useState('');
  const query = useDebounced(text, tree.spans.length > 5000 ? 200 : 80);
  const [mode, setMode] = useState<SearchMode>('filter');
  const [types, setTypes] = useState<string[]>([]);
  const [errorsOnly, setErrorsOnly] = useState(false);
  const [win, setWin] = useState<[number, number]>(() => [
    tree.startNs,
    tree.startNs + tree.totalNs,
  ]);
  const [help, setHelp] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const axisBarRef = useRef<HTMLDivElement>(null);
  // The list starts below the app bar, the trace summary, the toolbar, the minimap and the axis:
  // about 400 px at the default font size. A closer guess means the first commit renders the
  // rows in view and no more (too high a guess builds rows that the measurement then drops).
  const [scrollToFn] = useState(() => scrollSkippingFirstZero<HTMLDivElement>());
  const [initialRect] = useState(() => ({
    width: 0,
    height: Math.max(200, (globalThis.innerHeight || 800) - 400),
  }));
  const barPx = useElementWidth(axisBarRef, 600);
  const searchRef = useRef<HTMLInputElement>(null);

  const typeCounts = spanTypeCountsOf(tree);
  const filter = useMemo(
    () => buildRowFilter(tree, { text: query, mode, types, statuses: errorsOnly ? ['ERROR'] : [] }),
    [tree, query, mode, types, errorsOnly],
  );
  const rows = useMemo(() => visibleRows(tree, collapsed, filter), [tree, collapsed, filter]);
  const rowPos = useMemo(() => {
    const pos = new Int32Array(tree.spans.length).fill(-1);
    rows.forEach((r, k) => (pos[r.index] = k));
    return pos;
  }, [rows, tree]);
  // The critical path is marked from the frame after the first paint: the first rows do not wait for it.
  const painted = useAfterFirstPaint();
  const sections = painted ? criticalSectionsOf(tree) : NO_SECTIONS;
  const { mask: textMask, count: matchCount } = searchMarks(mode, query, filter);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // The first frame holds only the rows in view; the rows beyond its edges come the frame after.
    overscan: painted ? 6 : 0,
    // Until the list is measured, assume the height estimated above: the first commit then
    // already holds the first rows instead of an empty list.
    initialRect,
    observeElementRect: observeRectAfterLayout,
    scrollToFn,
  });

  // A selection from the URL (or a search jump) may sit inside a collapsed subtree: open the way to it.
  useEffect(() => {
    if (selected >= 0) setCollapsed((c) => revealSpan(tree, c, selected));
  }, [selected, tree]);
  const selectedPos = selected >= 0 ? (rowPos[selected] ?? -1) : -1;
  useEffect(() => {
    if (selectedPos < 0) return;
    // A row already in view (the root, when the page opens) needs no scroll; asking the
    // virtualizer anyway would read the list's size from the DOM, forcing a layout.
    const top = selectedPos * ROW_HEIGHT;
    const offset = virtualizer.scrollOffset ?? 0;
    const height = virtualizer.scrollRect?.height ?? 0;
    if (top >= offset && top + ROW_HEIGHT <= offset + height) return;
    virtualizer.scrollToIndex(selectedPos, { align: 'auto' });
  }, [selectedPos, virtualizer]);

  // A new filter starts from a fully expanded tree, so every match can be seen.
  const refilter = useCallback(() => setCollapsed(noneCollapsed(tree)), [tree]);
  const onToggle = useCallback((i: number) => setCollapsed((c) => toggleCollapsed(c, i)), []);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === '?') {
        e.preventDefault();
        setHelp((h) => !h);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const onTreeKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!TREE_KEYS.has(e.key)) return;
    e.preventDefault();
    const action = treeKeyAction(e.key, rows, selectedPos, tree.parent);
    if (action?.kind === 'select') onSelect(action.index);
    else if (action?.kind === 'toggle') onToggle(action.index);
  };
  const jumpToMatch = (back: boolean) => {
    if (!textMask) return;
    const i = nextMatch(textMask, selected, back);
    if (i >= 0) onSelect(i);
  };

  const items = virtualizer.getVirtualItems();
  const slots = useRowSlots(
    items.map((v) => v.index),
    scrollRef,
  );
  const domRows = rowsInDomOrder(items, slots, virtualizer.isScrolling);

  const [t0, t1] = win;
  return (
    <div className="timeline">
      <TimelineToolbar
        searchRef={searchRef}
        text={text}
        onText={(t) => {
          setText(t);
          refilter();
        }}
        onSearchEnter={jumpToMatch}
        mode={mode}
        onMode={setMode}
        matchCount={matchCount}
        types={typeCounts}
        selectedTypes={types}
        onToggleType={(t) => {
          setTypes((ts) => (ts.includes(t) ? ts.filter((x) => x !== t) : [...ts, t]));
          refilter();
        }}
        errorsOnly={errorsOnly}
        onErrorsOnly={(v) => {
          setErrorsOnly(v);
          refilter();
        }}
        maxDepth={tree.maxDepth}
        onCollapseAll={() => setCollapsed(collapseFromDepth(tree, 0))}
        onExpandAll={() => setCollapsed(noneCollapsed(tree))}
        onExpandToDepth={(d) => setCollapsed(collapseFromDepth(tree, d))}
        onHelp={() => setHelp(true)}
      />
      <Minimap tree={tree} window={win} onWindow={setWin} />
      <div className="timeline-axis" aria-hidden="true">
        <div className="span-label muted">
          {formatInt(rows.length)} of {formatInt(tree.spans.length)} spans
        </div>
        <div ref={axisBarRef} className="span-bar-cell">
          {[0, 0.25, 0.5, 0.75].map((f) => (
            <span key={f} className="axis-tick" style={{ left: `${f * 100}%` }}>
              {formatNs(t0 - tree.startNs + f * (t1 - t0))}
            </span>
          ))}
          <span className="axis-tick axis-tick-end">{formatNs(t1 - tree.startNs)}</span>
        </div>
      </div>
      <div
        ref={scrollRef}
        className="timeline-rows"
        role="tree"
        aria-label="Spans"
        tabIndex={0}
        aria-activedescendant={selectedPos >= 0 ? `span-row-${selected}` : undefined}
        onKeyDown={onTreeKey}
      >
        {rows.length === 0 ? <p className="empty">No span matches these filters.</p> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {domRows.map((v) => {
            const r = rows[v.index];
            if (!r) return null; // the virtualizer counts rows.length: never taken
            const i = r.index;
            return (
              <SpanRow
                // Keyed by slot (app/lib/row-slots.ts): a row scrolling in takes the elements of
                // one that scrolled out, so scrolling updates attributes instead of building rows.
                key={slots.get(v.index)}
                slot={slots.get(v.index) ?? -1}
                index={i}
                span={at(tree.spans, i, 'row span')}
                endNs={at(tree.endNs, i, 'row span')}
                depth={r.depth}
                top={v.start}
                expandable={r.expandable}
                expanded={r.expanded}
                context={r.kind === 'context'}
                highlighted={r.kind === 'span' && r.highlighted}
                selected={i === selected}
                errorInside={tree.errorInSubtree[i] === 1}
                sections={sections.get(i)}
                t0={t0}
                t1={t1}
                barPx={barPx}
                onSelect={onSelect}
                onToggle={onToggle}
              />
            );
          })}
        </div>
      </div>
      <KeyboardHelp keys={TRACE_SHORTCUTS} open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
