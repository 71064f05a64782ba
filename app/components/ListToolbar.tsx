import { useEffect, useId, useState, type ReactNode } from 'react';
import { FilterSearchBox } from './FilterSearchBox';
import { useDebounced } from './use-debounced';

export interface ListToolbarProps<S extends string> {
  /** The search box's accessible name and hint. */
  searchLabel: string;
  searchPlaceholder: string;
  /** The list's URL values (`q`, `sort`, `dir`), as its list-params module parsed them. */
  query: string;
  sort: S;
  desc: boolean;
  /** Writes URL params (null removes one): `q` after a pause in typing, `sort`, `dir`. Defaults are not written. */
  patch: (p: Record<string, string | null>) => void;
  defaultSort: S;
  /** The direction a sort starts in (and is not written to the URL). */
  defaultDesc: (sort: S) => boolean;
  /** The server's answer to a malformed filter, shown under the box. */
  searchError: unknown;
  sortOptions: readonly { value: S; label: string }[];
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
  const { query, patch } = p;
  useEffect(() => {
    if (debounced !== query) patch({ q: debounced });
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
        onChange={(e) => {
          const next = p.sortOptions.find((o) => o.value === e.target.value)?.value ?? p.sort;
          p.patch({ sort: next === p.defaultSort ? null : next, dir: null });
        }}
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
        onClick={() =>
          p.patch({ dir: !p.desc === p.defaultDesc(p.sort) ? null : p.desc ? 'asc' : 'desc' })
        }
      >
        {p.desc ? '↓' : '↑'}
      </button>
      {p.actions}
    </div>
  );
}

/** A list page's title line: the title, how many rows are shown, and its main action. */
export function ListHeader(p: {
  title: string;
  shown: number | null;
  more: boolean;
  action?: ReactNode;
}) {
  return (
    <div className="toolbar">
      <h1 style={{ margin: 0 }}>{p.title}</h1>
      <span className="muted" aria-live="polite">
        {p.shown !== null ? `${p.shown}${p.more ? '+' : ''} shown` : ''}
      </span>
      <span className="grow" />
      {p.action}
    </div>
  );
}
