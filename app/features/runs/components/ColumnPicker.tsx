import { useMemo, useState } from 'react';
import {
  columnId,
  columnLabel,
  FIXED_COLUMNS,
  type ColumnSpec,
  type MetricMode,
} from '../model/columns';
import type { RunKeys } from '../model/keys';
import { metricModeValue, parseMetricModeValue } from '../model/metric-modes';
import { useRunsUiStore } from '../store';
import { formatInt } from '../../../lib/format';

/** At most this many matches are listed: 12,000 metric keys must not become 12,000 checkboxes. */
const MAX_LISTED = 150;

interface Props {
  columns: ColumnSpec[];
  keys: RunKeys;
  onChange: (columns: ColumnSpec[]) => void;
  onClose: () => void;
}

type Candidate = { spec: ColumnSpec; group: string; label: string };

export function ColumnPicker({ columns, keys, onChange, onClose }: Props) {
  const [q, setQ] = useState('');
  const pinned = useRunsUiStore((s) => s.pinned);
  const togglePinned = useRunsUiStore((s) => s.togglePinned);
  const shown = useMemo(() => new Set(columns.map(columnId)), [columns]);
  const { matches, total } = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const out: Candidate[] = [];
    let n = 0;
    const add = (spec: ColumnSpec, group: string, label: string) => {
      if (needle && !`${group}.${label}`.toLowerCase().includes(needle)) return;
      n++;
      if (out.length < MAX_LISTED) out.push({ spec, group, label });
    };
    for (const f of FIXED_COLUMNS) add({ kind: 'fixed', id: f.id }, 'attributes', f.label);
    for (const k of keys.metrics)
      add({ kind: 'metric', key: k, mode: { kind: 'latest' } }, 'metrics', k);
    for (const k of keys.params) add({ kind: 'param', key: k }, 'params', k);
    for (const k of keys.tags) add({ kind: 'tag', key: k }, 'tags', k);
    return { matches: out, total: n };
  }, [q, keys]);

  const toggle = (spec: ColumnSpec) => {
    const id = columnId(spec);
    onChange(shown.has(id) ? columns.filter((c) => columnId(c) !== id) : [...columns, spec]);
  };
  const addAll = () => {
    const extra = matches.filter((m) => !shown.has(columnId(m.spec))).map((m) => m.spec);
    onChange([...columns, ...extra]);
  };
  const setMode = (i: number, mode: MetricMode) => {
    const c = columns[i];
    if (c?.kind !== 'metric') return;
    const next = columns.slice();
    next[i] = { ...c, mode };
    onChange(next);
  };

  return (
    <div className="popover column-picker" role="dialog" aria-label="Columns">
      <div className="toolbar">
        <input
          type="search"
          aria-label="Search columns"
          placeholder="Search metrics, params, tags"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          autoFocus
        />
        <button type="button" className="button small" onClick={onClose}>
          Done
        </button>
      </div>
      <div className="column-picker-body">
        <fieldset>
          <legend>Available ({formatInt(total)})</legend>
          <ul className="plain-list">
            {matches.map((m) => {
              const id = columnId(m.spec);
              return (
                <li key={id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={shown.has(id)}
                      onChange={() => toggle(m.spec)}
                    />{' '}
                    {m.group}.{m.label}
                  </label>
                </li>
              );
            })}
          </ul>
          {total > matches.length ? (
            <p className="muted">{formatInt(total - matches.length)} more: refine the search.</p>
          ) : null}
          {matches.length > 1 ? (
            <button type="button" className="button small" onClick={addAll}>
              Show all {matches.length} listed
            </button>
          ) : null}
        </fieldset>
        <fieldset>
          <legend>Shown ({columns.length})</legend>
          <ul className="plain-list">
            {columns.slice(0, 300).map((c, i) => {
              const id = columnId(c);
              return (
                <li key={id} className="shown-column">
                  <span className="grow" title={columnLabel(c)}>
                    {c.kind === 'fixed' ? columnLabel(c) : `${c.kind}s.${c.key}`}
                  </span>
                  {c.kind === 'metric' ? (
                    <ModeSelect spec={c} metrics={keys.metrics} onChange={(m) => setMode(i, m)} />
                  ) : null}
                  <button
                    type="button"
                    className="button small"
                    aria-pressed={pinned.includes(id)}
                    onClick={() => togglePinned(id)}
                  >
                    {pinned.includes(id) ? 'Unpin' : 'Pin'}
                  </button>
                  <button
                    type="button"
                    className="button small"
                    aria-label={`Hide ${columnLabel(c)}`}
                    onClick={() => toggle(c)}
                  >
                    ✕
                  </button>
                </li>
              );
            })}
          </ul>
        </fieldset>
      </div>
    </div>
  );
}

function ModeSelect({
  spec,
  metrics,
  onChange,
}: {
  spec: Extract<ColumnSpec, { kind: 'metric' }>;
  metrics: string[];
  onChange: (m: MetricMode) => void;
}) {
  const m = spec.mode;
  const value = metricModeValue(m);
  const refs = metrics.filter((k) => k !== spec.key).slice(0, 50);
  return (
    <select
      aria-label={`Value of ${spec.key}`}
      value={value}
      onChange={(e) => {
        const next = parseMetricModeValue(e.target.value);
        if (next) onChange(next);
      }}
    >
      <option value="latest">latest</option>
      <option value="min">min</option>
      <option value="max">max</option>
      {refs.flatMap((r) => [
        <option key={`bmin~${r}`} value={metricModeValue({ kind: 'best', dir: 'min', ref: r })}>
          at lowest {r}
        </option>,
        <option key={`bmax~${r}`} value={metricModeValue({ kind: 'best', dir: 'max', ref: r })}>
          at highest {r}
        </option>,
      ])}
    </select>
  );
}
