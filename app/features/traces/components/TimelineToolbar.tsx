import type { RefObject } from 'react';
import { wheelSideways } from '../../../components/wheel-sideways';
import { formatInt } from '../../../lib/format';
import type { SearchMode } from '../model/search';

interface Props {
  searchRef: RefObject<HTMLInputElement | null>;
  text: string;
  onText: (t: string) => void;
  onSearchEnter: (back: boolean) => void;
  mode: SearchMode;
  onMode: (m: SearchMode) => void;
  matchCount: number | null;
  types: { type: string; count: number }[];
  selectedTypes: readonly string[];
  onToggleType: (t: string) => void;
  errorsOnly: boolean;
  onErrorsOnly: (v: boolean) => void;
  maxDepth: number;
  onCollapseAll: () => void;
  onExpandAll: () => void;
  onExpandToDepth: (d: number) => void;
  onHelp: () => void;
  /**
   * While the spans load: the same controls, greyed out. Only the type filters are missing, on a
   * line of their own that does not wrap, so the page keeps its shape when they arrive.
   */
  disabled?: boolean;
}

export function TimelineToolbar(p: Props) {
  return (
    <fieldset className="timeline-toolbar" disabled={p.disabled}>
      {/* The first line holds the same controls loaded or not; only the type filters on the
          second line depend on the spans, so the rows below stay put when they arrive. */}
      <div className="toolbar">
        <div className={p.matchCount === null ? 'search-field grow' : 'search-field grow counting'}>
          <input
            ref={p.searchRef}
            type="search"
            aria-label="Search spans"
            placeholder="Search names and attributes ( / )"
            value={p.text}
            onChange={(e) => p.onText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') p.onSearchEnter(e.shiftKey);
            }}
          />
          <span className="search-count muted" aria-live="polite">
            {p.matchCount === null
              ? ''
              : `${formatInt(p.matchCount)} match${p.matchCount === 1 ? '' : 'es'}`}
          </span>
        </div>
        <div className="segmented" role="group" aria-label="Search mode">
          <button
            type="button"
            aria-pressed={p.mode === 'filter'}
            onClick={() => p.onMode('filter')}
          >
            Filter
          </button>
          <button
            type="button"
            aria-pressed={p.mode === 'highlight'}
            onClick={() => p.onMode('highlight')}
          >
            Highlight
          </button>
        </div>
        <button type="button" className="button small" onClick={p.onCollapseAll}>
          Collapse all
        </button>
        <button type="button" className="button small" onClick={p.onExpandAll}>
          Expand all
        </button>
        <select
          aria-label="Expand to depth"
          className="small"
          value=""
          onChange={(e) => {
            if (e.target.value) p.onExpandToDepth(Number(e.target.value));
          }}
        >
          <option value="">Depth…</option>
          {Array.from({ length: Math.min(p.maxDepth, 8) }, (_, d) => (
            <option key={d + 1} value={d + 1}>
              Depth {d + 1}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button small"
          aria-label="Keyboard shortcuts"
          onClick={p.onHelp}
        >
          ?
        </button>
      </div>
      {/* One line however many span types there are (they scroll sideways), so the rows below
          do not move when the types arrive with the spans. */}
      <div className="toolbar type-filter-line">
        <button
          type="button"
          className="button small"
          aria-pressed={p.errorsOnly}
          onClick={() => p.onErrorsOnly(!p.errorsOnly)}
        >
          Errors only
        </button>
        <div
          ref={wheelSideways}
          className="type-filters chip-line"
          role="group"
          aria-label="Span types"
        >
          {p.types.map(({ type, count }) => (
            <button
              key={type}
              type="button"
              className="button small"
              aria-label={type}
              aria-pressed={p.selectedTypes.includes(type)}
              title={`Show only ${type} spans (${count})`}
              onClick={() => p.onToggleType(type)}
            >
              {type} <span className="muted">{count}</span>
            </button>
          ))}
        </div>
      </div>
    </fieldset>
  );
}
