import { useMemo } from 'react';
import { CartesianGrid, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Run } from '../../../api';
import { formatNumber } from '../../../lib/format';
import { useChartLayout, useLayoutStore } from '../store';

interface Props {
  layoutKey: string;
  runs: Run[];
  metricKeys: string[];
  paramKeys: string[];
}

function valueOf(r: Run, field: string): number | null {
  const i = field.indexOf(':');
  const kind = field.slice(0, i);
  const key = field.slice(i + 1);
  const v = kind === 'param' ? Number(r.params[key]) : r.metrics[key]?.value;
  return v !== undefined && Number.isFinite(v) ? v : null;
}

/** Any param or metric (latest value) against any other; non-numeric values are left out. */
export function ScatterPanel({ layoutKey, runs, metricKeys, paramKeys }: Props) {
  const { scatter } = useChartLayout(layoutKey);
  const update = useLayoutStore((s) => s.update);
  const fields = useMemo(
    () => [...paramKeys.map((k) => `param:${k}`), ...metricKeys.map((k) => `metric:${k}`)],
    [paramKeys, metricKeys],
  );
  const x = fields.includes(scatter.x) ? scatter.x : (fields[0] ?? '');
  const y = fields.includes(scatter.y)
    ? scatter.y
    : metricKeys.length
      ? `metric:${metricKeys[0]}`
      : (fields[1] ?? '');
  const data = useMemo(
    () =>
      runs
        .map((r) => ({ name: r.info.name || r.info.id, x: valueOf(r, x), y: valueOf(r, y) }))
        .filter((d): d is { name: string; x: number; y: number } => d.x !== null && d.y !== null),
    [runs, x, y],
  );
  const select = (label: string, value: string, on: (v: string) => void) => (
    <label className="field-inline">
      {label}
      <select value={value} onChange={(e) => on(e.target.value)}>
        {fields.map((f) => (
          <option key={f} value={f}>
            {f.replace(':', ': ')}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <figure aria-label="Scatter chart" className="card">
      <div className="toolbar">
        {select('X', x, (v) => update(layoutKey, { scatter: { x: v, y } }))}
        {select('Y', y, (v) => update(layoutKey, { scatter: { x, y: v } }))}
        <span className="muted">
          {data.length} of {runs.length} runs have both values
        </span>
      </div>
      <ScatterChart width={720} height={360} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis
          type="number"
          dataKey="x"
          name={x}
          domain={['auto', 'auto']}
          tickFormatter={(v: number) => formatNumber(v, 3)}
        />
        <YAxis
          type="number"
          dataKey="y"
          name={y}
          domain={['auto', 'auto']}
          tickFormatter={(v: number) => formatNumber(v, 3)}
          width={60}
        />
        <Tooltip formatter={(v) => formatNumber(Number(v))} />
        <Scatter data={data} fill="var(--accent)" isAnimationActive={false} />
      </ScatterChart>
    </figure>
  );
}
