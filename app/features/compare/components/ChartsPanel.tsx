import { useMemo, useState } from 'react';
import type { Run } from '../../../api';
import { useChartLayout, useHighlight, useLayoutStore } from '../store';
import { LineChartCard, type ChartCommon } from './LineChartCard';

/** Sections by key prefix (`train/`, `val/`, `system/`); keys without a slash go to "metrics". */
export function sectionsOf(keys: string[]): { name: string; keys: string[] }[] {
  const m = new Map<string, string[]>();
  for (const k of [...keys].sort()) {
    const i = k.indexOf('/');
    const s = i > 0 ? k.slice(0, i) : 'metrics';
    const l = m.get(s);
    if (l) l.push(k);
    else m.set(s, [k]);
  }
  return [...m].map(([name, ks]) => ({ name, keys: ks }));
}

function compileFilter(text: string): { re: RegExp | null; error: string } {
  if (!text) return { re: null, error: '' };
  try {
    return { re: new RegExp(text, 'i'), error: '' };
  } catch (e) {
    return { re: null, error: e instanceof Error ? e.message : 'Invalid regular expression' };
  }
}

interface Props {
  layoutKey: string;
  runs: Run[];
  metricKeys: string[];
  common: ChartCommon;
  filter: string;
  onFilter: (f: string) => void;
  onToggleGroup: (name: string) => void;
}

export function ChartsPanel({
  layoutKey,
  runs,
  metricKeys,
  common,
  filter,
  onFilter,
  onToggleGroup,
}: Props) {
  const layout = useChartLayout(layoutKey);
  const update = useLayoutStore((s) => s.update);
  const setHighlighted = useHighlight((s) => s.setHighlighted);
  const [text, setText] = useState(filter);
  const [find, setFind] = useState('');
  const legendRuns = useMemo(() => {
    const q = find.trim().toLowerCase();
    return q ? runs.filter((r) => (r.info.name || r.info.id).toLowerCase().includes(q)) : runs;
  }, [runs, find]);
  const { re, error } = compileFilter(text);
  const sections = useMemo(
    () => sectionsOf(metricKeys.filter((k) => (re ? re.test(k) : true))),
    [metricKeys, re],
  );

  return (
    <div className="charts-panel">
      <div className="toolbar">
        <label className="field-inline">
          Chart filter (regex)
          <input
            type="search"
            value={text}
            placeholder="e.g. loss$"
            aria-invalid={!!error}
            onChange={(e) => {
              setText(e.target.value);
              if (!compileFilter(e.target.value).error) onFilter(e.target.value);
            }}
          />
        </label>
        {error ? <span className="field-error">{error}</span> : null}
        {!common.groups && runs.length > 8 ? (
          <label className="field-inline">
            Legend
            <input
              type="search"
              aria-label="Find runs in the legend"
              placeholder="Find a run"
              value={find}
              onChange={(e) => setFind(e.target.value)}
            />
            {find ? (
              <span className="muted">
                {legendRuns.length} of {runs.length}
              </span>
            ) : null}
          </label>
        ) : null}
      </div>
      <ul className="chart-legend" aria-label="Legend">
        {common.groups
          ? common.groups.map((g) => (
              <li key={g.name}>
                <button
                  type="button"
                  className="legend-entry"
                  aria-pressed={common.expanded.has(g.name)}
                  aria-label={`${common.expanded.has(g.name) ? 'Collapse' : 'Expand'} group ${g.name}`}
                  onClick={() => onToggleGroup(g.name)}
                >
                  <span className="swatch" style={{ background: g.color }} />
                  {g.name} ({g.ids.length})
                </button>
              </li>
            ))
          : legendRuns.map((r) => (
              <li
                key={r.info.id}
                onMouseEnter={() => setHighlighted(r.info.id)}
                onMouseLeave={() => setHighlighted(null)}
              >
                <span className="legend-entry">
                  <span className="swatch" style={{ background: common.colors.get(r.info.id) }} />
                  {r.info.name || r.info.id}
                  {r.info.status === 'FAILED' ? (
                    <span className="status-FAILED"> (failed)</span>
                  ) : null}
                </span>
              </li>
            ))}
      </ul>
      {sections.length === 0 ? <div className="empty">No charts match this filter</div> : null}
      {sections.map((s) => {
        const open = !layout.collapsed.includes(s.name);
        return (
          <section key={s.name} className="chart-section" aria-label={`${s.name} section`}>
            <h2>
              <button
                type="button"
                className="section-toggle"
                aria-expanded={open}
                onClick={() =>
                  update(layoutKey, {
                    collapsed: open
                      ? [...layout.collapsed, s.name]
                      : layout.collapsed.filter((n) => n !== s.name),
                  })
                }
              >
                {open ? '▾' : '▸'} {s.name} <span className="muted">({s.keys.length})</span>
              </button>
            </h2>
            {open ? (
              <div className="chart-grid">
                {s.keys.map((k) => (
                  <LineChartCard key={k} metricKey={k} c={common} />
                ))}
              </div>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
