import { useEffect, useId, useState, type ReactNode } from 'react';
import { FilterSearchBox } from './FilterSearchBox';
import { parseSort, type SortSpec } from '../lib/url-values';
import { useDebounced } from './use-debounced';
import { useUrlParams } from './use-url-state';

export interface ListToolbarProps<S extends string> {
  /** The search box's accessible name and hint. */
  search: { label: string; placeholder: string };
  /** The server's answer to a malformed filter, shown under the box. */
  searchError: unknown;
  /** The sorts the list offers; without it, no sort controls. */
  sorting?: SortSpec<S>;
  /** Controls between the search box and the sort (lifecycle, status, latency...). */
  children?: ReactNode;
  /** Controls after the sort (columns, actions on the selection). */
  actions?: ReactNode;
}

/**
 * The search-and-sort line of every server-side list (experiments, models, prompts,
 * traces, logged models): a debounced filter box, the page's own controls, a sort
 * select and a direction toggle. It owns the list's `q`, `sort` and `dir` URL params
 * (defaults are not written); the page reads them through its list-params module.
 */
export function ListToolbar<S extends string>(p: ListToolbarProps<S>) {
  const [params, patch] = useUrlParams();
  const query = params.get('q') ?? '';
  const [text, setText] = useState(query);
  const debounced = useDebounced(text, 250);
  useEffect(() => {
    if (debounced !== query) patch({ q: debounced });
    // only the typed text drives this; an outside change of `q` must not echo back
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  return (
    <div className="toolbar">
      <FilterSearchBox
        label={p.search.label}
        placeholder={p.search.placeholder}
        value={text}
        onChange={setText}
        error={p.searchError}
      />
      {p.children}
      {p.sorting ? (
        <SortControls {...parseSort(params, p.sorting)} spec={p.sorting} patch={patch} />
      ) : null}
      {p.actions}
    </div>
  );
}

function SortControls<S extends string>({
  sort: value,
  desc,
  spec,
  patch,
}: {
  sort: S;
  desc: boolean;
  spec: SortSpec<S>;
  patch: (p: Record<string, string | null>) => void;
}) {
  const sortId = useId();
  return (
    <>
      <label htmlFor={sortId}>Sort by</label>
      <select
        id={sortId}
        value={value}
        onChange={(e) => {
          const next = spec.options.find((o) => o.value === e.target.value)?.value ?? value;
          patch({ sort: next === spec.defaultSort ? null : next, dir: null });
        }}
      >
        {spec.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button"
        aria-label={
          desc ? 'Sort descending (click for ascending)' : 'Sort ascending (click for descending)'
        }
        onClick={() =>
          patch({ dir: !desc === spec.defaultDesc(value) ? null : desc ? 'asc' : 'desc' })
        }
      >
        {desc ? '↓' : '↑'}
      </button>
    </>
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
