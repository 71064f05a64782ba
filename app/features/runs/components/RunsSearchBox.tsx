import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ApiError } from '../../../api';
import { applySuggestion, suggest, type Suggestion } from '../model/autocomplete';
import { replaceKey, suggestValues, unknownKeys } from '../model/filter-help';
import type { RunKeys } from '../model/keys';
import { useRunsUiStore } from '../store';
import { compareText } from '../../../lib/compare-text';
import { FieldError } from '../../../components/FieldError';

interface Props {
  value: string;
  keys: RunKeys;
  error: ApiError | null;
  onSubmit: (filter: string) => void;
  inputRef: React.RefObject<HTMLInputElement | null>;
  /** Values seen in the loaded runs for `params.x`, `tags.x`, `attributes.status`/`run_name`. */
  valuesOf: (entity: string, key: string) => string[];
}

/**
 * The filter box: MLflow's filter language, applied on Enter (a half-typed
 * expression is not worth a 400). A combobox offers keys at the cursor and,
 * when empty, recent filters.
 */
export function RunsSearchBox({ value, keys, error, onSubmit, inputRef, valuesOf }: Props) {
  const [text, setText] = useState(value);
  const [cursor, setCursor] = useState(0);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const history = useRunsUiStore((s) => s.history);
  const listId = useId();
  const errorId = useId();
  const lastValue = useRef(value);
  // Enter applies the filter unless the user moved into the list with the arrows.
  const activeChosen = useRef(false);
  useEffect(() => {
    // the URL changed under us (back/forward, a link): show it
    if (value !== lastValue.current) {
      lastValue.current = value;
      setText(value);
    }
  }, [value]);

  const sugg = useMemo(
    () => (open ? (suggestValues(text, cursor, valuesOf) ?? suggest(text, cursor, keys)) : null),
    [open, text, cursor, keys, valuesOf],
  );
  // Keys seen so far: a filter that matches nothing leaves no loaded run to take keys from.
  const [known, setKnown] = useState(keys);
  useEffect(() => {
    if (keys.metrics.length || keys.params.length || keys.tags.length)
      setKnown((k) => mergeKeys(k, keys));
  }, [keys]);
  const unknown = useMemo(
    () => (value && !error ? unknownKeys(value, known) : []),
    [value, error, known],
  );
  const items: Suggestion[] = useMemo(() => {
    if (sugg) return sugg.items;
    if (open && !text.trim()) return history.map((h) => ({ label: h, insert: h }));
    return [];
  }, [sugg, open, text, history]);
  const isHistory = !sugg && items.length > 0;
  const expanded = open && items.length > 0;

  const choose = (item: Suggestion) => {
    const el = inputRef.current;
    if (isHistory || !sugg) {
      setText(item.insert);
      setOpen(false);
      submit(item.insert);
      return;
    }
    const next = applySuggestion(text, sugg, item);
    setText(next.text);
    setCursor(next.cursor);
    setActive(0);
    activeChosen.current = false;
    requestAnimationFrame(() => el?.setSelectionRange(next.cursor, next.cursor));
  };

  const submit = (f: string) => {
    lastValue.current = f.trim();
    setOpen(false);
    onSubmit(f.trim());
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (expanded && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
    } else if (expanded && e.key === 'Tab' && !e.shiftKey && sugg) {
      e.preventDefault();
      const item = items[Math.min(active, items.length - 1)];
      if (item) choose(item);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const item = items[active];
      if (expanded && item && activeChosen.current) choose(item);
      else submit(text);
    } else if (e.key === 'Escape') {
      if (expanded) setOpen(false);
      else inputRef.current?.blur();
    }
  };
  return (
    <div className="grow search-box runs-search">
      <input
        ref={inputRef}
        type="text"
        role="combobox"
        aria-label="Filter runs"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        placeholder="Filter: metrics.`val/accuracy` > 0.8 and params.optimizer = 'adam'   ( / )"
        spellCheck={false}
        autoComplete="off"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setCursor(e.target.selectionStart ?? e.target.value.length);
          setOpen(true);
          setActive(0);
          activeChosen.current = false;
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') activeChosen.current = true;
          if (e.key === 'ArrowDown' && !open) setOpen(true);
          onKeyDown(e);
        }}
        onKeyUp={(e) => setCursor(e.currentTarget.selectionStart ?? 0)}
        onClick={(e) => {
          setCursor(e.currentTarget.selectionStart ?? 0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {expanded ? (
        <ul
          id={listId}
          role="listbox"
          aria-label={isHistory ? 'Recent filters' : 'Suggestions'}
          className="suggestions"
        >
          {items.map((it, i) => (
            <li
              key={it.label}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(it);
              }}
            >
              {it.label}
            </li>
          ))}
        </ul>
      ) : null}
      {unknown.map((u) => (
        <p key={`${u.entity}.${u.key}`} className="field-warning" role="status">
          No loaded run has {u.entity}.{u.key}
          {u.matches.length ? '. Did you mean ' : '.'}
          {u.matches.map((m, i) => (
            <span key={m.label}>
              {i ? ', ' : null}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  const next = replaceKey(value, u, m.insert);
                  setText(next);
                  submit(next);
                }}
              >
                {m.label}
              </button>
            </span>
          ))}
          {u.matches.length ? '?' : null}
        </p>
      ))}
      <FieldError error={error} id={errorId} />
    </div>
  );
}

function mergeKeys(a: RunKeys, b: RunKeys): RunKeys {
  const union = (x: string[], y: string[]) =>
    x === y ? x : [...new Set([...x, ...y])].sort((p, q) => compareText(p, q));
  return {
    metrics: union(a.metrics, b.metrics),
    params: union(a.params, b.params),
    tags: union(a.tags, b.tags),
    datasets: union(a.datasets, b.datasets),
  };
}
