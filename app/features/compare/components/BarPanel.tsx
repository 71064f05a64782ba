import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import type { Run } from '../../../api';
import { formatNumber } from '../../../lib/format';
import { fullSeriesQueryOptions } from '../queries';
import { useChartLayout, useLayoutStore } from '../store';

interface Props {
  layoutKey: string;
  runs: Run[];
  metricKeys: string[];
  colors: Map<string, string>;
}

/** Latest comes with the run; min and max are the true extremes of the full history (not a sample). */
export function BarPanel({ layoutKey, runs, metricKeys, colors }: Props) {
  const { bar } = useChartLayout(layoutKey);
  const update = useLayoutStore((s) => s.update);
  const key = bar.key && metricKeys.includes(bar.key) ? bar.key : (metricKeys[0] ?? '');
  const full = useQueries({
    queries: runs.map((r) => ({
      ...fullSeriesQueryOptions(r.info.id, key),
      enabled: !!key && bar.agg !== 'latest',
    })),
  });
  const fullData = full.map((q) => q.data);
  const pending = bar.agg !== 'latest' && full.some((q) => q.isPending);
  const data = useMemo(
    () =>
      runs.map((r, i) => {
        let v: number | null = r.metrics[key]?.value ?? null;
        const s = fullData[i];
        if (bar.agg !== 'latest' && s) {
          let best: number | null = null;
          for (const x of s.values)
            if (Number.isFinite(x) && (best === null || (bar.agg === 'min' ? x < best : x > best)))
              best = x;
          v = best;
        }
        return {
          name: r.info.name || r.info.id,
          id: r.info.id,
          value: v !== null && Number.isFinite(v) ? v : null,
        };
      }),
    [runs, key, bar.agg, ...fullData], // eslint-disable-line react-hooks/exhaustive-deps
  );
  return (
    <figure aria-label={`${key} bar chart`} className="card">
      <div className="toolbar">
        <label className="field-inline">
          Metric
          <select
            value={key}
            onChange={(e) => update(layoutKey, { bar: { ...bar, key: e.target.value } })}
          >
            {metricKeys.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <div className="segmented" role="group" aria-label="Value">
          {(['latest', 'min', 'max'] as const).map((a) => (
            <button
              key={a}
              type="button"
              aria-pressed={bar.agg === a}
              onClick={() => update(layoutKey, { bar: { ...bar, agg: a } })}
            >
              {a}
            </button>
          ))}
        </div>
        {pending ? <span className="muted">loading full histories…</span> : null}
      </div>
      <BarChart
        width={Math.min(1200, 120 + runs.length * 28)}
        height={300}
        data={data}
        margin={{ top: 8, right: 16, bottom: 60, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis dataKey="name" angle={-40} textAnchor="end" interval={0} tick={{ fontSize: 10 }} />
        <YAxis tickFormatter={(v: number) => formatNumber(v, 3)} width={60} />
        <Tooltip formatter={(v) => formatNumber(Number(v))} />
        <Bar dataKey="value" isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.id} fill={colors.get(d.id)} />
          ))}
        </Bar>
      </BarChart>
    </figure>
  );
}
