import { useEffect, useId, useState, type ReactNode } from 'react';
import { FilterSearchBox } from './FilterSearchBox';
import { useDebounced } from './use-debounced';

export interface ListToolbarProps<S extends string> {
  /** The search box's accessible name and hint. */
  searchLabel: string;
  searchPlaceholder: string;
  /** The search text in the URL; typing updates it after a short pause. */
  query: string;
  onQuery: (q: string) => void;
  /** The server's answer to a malformed filter, shown under the box. */
  searchError: unknown;
  sort: S;
  sortOptions: readonly { value: S; label: string }[];
  onSort: (sort: S) => void;
  desc: boolean;
  onDirection: (desc: boolean) => void;
  /** Controls between the search box and the sort (lifecycle, status, latency...). */
  children?: ReactNode;
  /** Controls after the sort (actions on the selection). */
  actions?: ReactNode;
}

/**
 * The search-and-sort line of a server-side list (experiments, models, traces):
 * a debounced filter box, the page's own controls, a sort select and a direction toggle.
 */
export function ListToolbar<S extends string>(p: ListToolbarProps<S>) {
  const sortId = useId();
  const [text, setText] = useState(p.query);
  const debounced = useDebounced(text, 250);
  const { query, onQuery } = p;
  useEffect(() => {
    if (debounced !== query) onQuery(debounced);
    // only the typed text drives this; an outside change of `query` must not echo back
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  return (
    <div className="toolbar">
      <FilterSearchBox
        label={p.searchLabel}
        placeholder={p.searchPlaceholder}
        value={text}
        onChange={setText}
        error={p.searchError}
      />
      {p.children}
      <label htmlFor={sortId}>Sort by</label>
      <select
        id={sortId}
        value={p.sort}
        onChange={(e) =>
          p.onSort(p.sortOptions.find((o) => o.value === e.target.value)?.value ?? p.sort)
        }
      >
        {p.sortOptions.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button"
        aria-label={
          p.desc ? 'Sort descending (click for ascending)' : 'Sort ascending (click for descending)'
        }
        onClick={() => p.onDirection(!p.desc)}
      >
        {p.desc ? '↓' : '↑'}
      </button>
      {p.actions}
    </div>
  );
}
