import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { truncate } from '../../../lib/format';
import { visibleTreeRows } from '../model/tree';

const ROW_HEIGHT = 22;

/** A JSON/YAML document as an ARIA tree; only visible rows are built and rendered. */
export function TreeView({ doc, label }: { doc: unknown; label: string }) {
  const [toggled, setToggled] = useState<Set<string>>(() => new Set());
  const rows = useMemo(() => visibleTreeRows(doc, toggled), [doc, toggled]);
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  const flip = (id: string) =>
    setToggled((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div ref={scroller} className="tree-preview">
      <div
        role="tree"
        aria-label={`Tree of ${label}`}
        style={{ height: v.getTotalSize(), position: 'relative' }}
      >
        {v.getVirtualItems().map((it) => {
          const r = rows[it.index];
          if (!r) return null; // the virtualizer counts rows.length: never taken
          return (
            <div
              key={r.id}
              role="treeitem"
              aria-level={r.depth + 1}
              aria-expanded={r.expandable ? r.expanded : undefined}
              aria-selected={false}
              aria-label={`${truncate(r.label, 80)}: ${truncate(r.text, 200)}`}
              tabIndex={r.expandable ? 0 : -1}
              className="tree-row"
              style={{ transform: `translateY(${it.start}px)`, paddingLeft: 4 + r.depth * 16 }}
              onClick={() => r.expandable && flip(r.id)}
              onKeyDown={(e) => {
                if (r.expandable && (e.key === 'Enter' || e.key === ' ')) {
                  e.preventDefault();
                  flip(r.id);
                }
              }}
            >
              <span aria-hidden="true" className="tree-caret">
                {r.expandable ? (r.expanded ? '▾' : '▸') : ''}
              </span>
              <span className="tree-key">{r.label}</span>
              <span className="muted">: </span>
              <span className={`tree-val tree-${r.kind}`}>{truncate(r.text, 2000)}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
