import { memo } from 'react';
import type { Span } from '../../../api';
import { truncate } from '../../../lib/format';
import { criticalBars, type CriticalSection } from '../model/critical-path';
import { formatNs } from '../model/format-ns';
import { SpanTypeIcon } from './SpanTypeIcon';

export const ROW_HEIGHT = 28;
const MAX_INDENT = 32;

interface SpanRowProps {
  /** The DOM slot this row element is (app/lib/row-slots.ts). */
  slot: number;
  index: number;
  span: Span;
  endNs: number;
  depth: number;
  top: number;
  expandable: boolean;
  expanded: boolean;
  context: boolean;
  highlighted: boolean;
  selected: boolean;
  errorInside: boolean;
  sections: readonly CriticalSection[] | undefined;
  /** The time window shown: [t0, t1] in ns. */
  t0: number;
  t1: number;
  /** Width of the bar cell in px: critical sections closer than half a pixel are drawn as one. */
  barPx: number;
  onSelect: (index: number) => void;
  onToggle: (index: number) => void;
}

/**
 * One row of the flat, virtualized list: label (indent, toggle, type, name)
 * and the waterfall bar on the shared axis. Props are primitives so memo holds
 * across re-renders of the list.
 */
export const SpanRow = memo(function SpanRow(p: SpanRowProps) {
  const span = p.span;
  const range = Math.max(p.t1 - p.t0, 1);
  const left = ((span.startNs - p.t0) / range) * 100;
  const width = Math.max(((p.endNs - span.startNs) / range) * 100, 0.15);
  const isError = span.status === 'ERROR';
  const cls = [
    'span-row',
    p.selected && 'selected',
    p.context && 'context',
    p.highlighted && 'highlighted',
    isError && 'error',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      role="treeitem"
      data-slot={p.slot}
      id={`span-row-${p.index}`}
      aria-label={truncate(span.name, 200)}
      aria-level={p.depth + 1}
      aria-expanded={p.expandable ? p.expanded : undefined}
      aria-selected={p.selected}
      className={cls}
      style={{ transform: `translateY(${p.top}px)`, height: ROW_HEIGHT }}
      onClick={() => p.onSelect(p.index)}
    >
      <div className="span-label" style={{ paddingLeft: Math.min(p.depth, MAX_INDENT) * 14 + 4 }}>
        {p.depth > MAX_INDENT ? <span className="span-deep muted">{p.depth}›</span> : null}
        {p.expandable ? (
          <button
            type="button"
            tabIndex={-1}
            className="span-toggle"
            aria-label={
              p.expanded
                ? `Collapse ${truncate(span.name, 60)}`
                : `Expand ${truncate(span.name, 60)}`
            }
            onClick={(e) => {
              e.stopPropagation();
              p.onToggle(p.index);
            }}
          >
            {p.expanded ? '▾' : '▸'}
          </button>
        ) : (
          <span className="span-toggle" />
        )}
        <SpanTypeIcon type={span.spanType} />
        <span className="span-name" title={truncate(span.name, 500)}>
          {truncate(span.name, 200)}
        </span>
        {isError ? (
          <span className="span-error-mark" title={span.statusMessage || 'Error'}>
            error
          </span>
        ) : p.errorInside ? (
          <span className="span-error-inside" title="Contains a failing span">
            ●
          </span>
        ) : null}
      </div>
      <div className="span-bar-cell">
        <div
          className={`span-bar span-bar-${isError ? 'error' : 'ok'}`}
          style={{ left: `${left}%`, width: `${width}%` }}
        />
        {p.sections
          ? criticalBars(p.sections, p.t0, p.t1, p.barPx).map((b, k) => (
              <div
                key={k}
                className="span-bar-critical"
                style={{
                  left: `${((b.startNs - p.t0) / range) * 100}%`,
                  width: `${((b.endNs - b.startNs) / range) * 100}%`,
                }}
              />
            ))
          : null}
        <span
          className="span-duration"
          style={{ left: `calc(${Math.min(Math.max(left + width, 0), 100)}% + 4px)` }}
        >
          {formatNs(p.endNs - span.startNs)}
        </span>
      </div>
    </div>
  );
});
