import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Metric } from '../../../api';
import { formatDateTime, formatInt, formatNumber } from '../../../lib/format';
import { toChartPoints, type XAxisMode } from '../model/chart';
import { metricHistoryQueryOptions, sampledMetricQueryOptions } from '../queries';

const tickX = (mode: XAxisMode) => (v: number) =>
  mode === 'wall'
    ? formatDateTime(v).slice(11)
    : mode === 'relative'
      ? `${formatNumber(v, 3)}s`
      : formatNumber(v, 3);

/** The light chart of a card: sampled points, no interaction beyond the tooltip. */
export function SmallChart({ points, system }: { points: Metric[]; system: boolean }) {
  const mode: XAxisMode = system ? 'relative' : 'step';
  const data = useMemo(() => toChartPoints(points, mode), [points, mode]);
  if (!data.length) return <p className="muted">No points.</p>;
  return (
    <ResponsiveContainer width="100%" height={140}>
      <LineChart data={data} margin={{ top: 6, right: 8, bottom: 0, left: -10 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis
          dataKey="x"
          type="number"
          domain={['dataMin', 'dataMax']}
          tickFormatter={tickX(mode)}
          fontSize={11}
        />
        <YAxis
          fontSize={11}
          tickFormatter={(v: number) => formatNumber(v, 3)}
          domain={['auto', 'auto']}
        />
        <Tooltip
          formatter={(v) => formatNumber(Number(v))}
          labelFormatter={(l) => `${mode === 'step' ? 'step' : 'time'} ${tickX(mode)(Number(l))}`}
        />
        <Line
          dataKey="y"
          dot={false}
          isAnimationActive={false}
          stroke="var(--accent)"
          strokeWidth={1.5}
          connectNulls={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

/**
 * The full chart: x axis by step, wall time or relative time; smoothing; log
 * scale; drag to zoom. Zoomed in, it draws the full history (not the sample).
 */
export function FullChart({
  runId,
  metricKey,
  system,
}: {
  runId: string;
  experimentId: string;
  metricKey: string;
  system: boolean;
}) {
  const [mode, setMode] = useState<XAxisMode>(system ? 'wall' : 'step');
  const [smoothing, setSmoothing] = useState(0);
  const [logScale, setLogScale] = useState(false);
  const [zoom, setZoom] = useState<[number, number] | null>(null);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const sampled = useQuery(sampledMetricQueryOptions(runId, metricKey));
  const full = useQuery({ ...metricHistoryQueryOptions(runId, metricKey), enabled: zoom !== null });
  const source = zoom && full.data ? full.data : sampled.data;
  const data = useMemo(() => {
    const pts = toChartPoints(source ?? [], mode, { logScale, smoothing });
    return zoom ? pts.filter((p) => p.x >= zoom[0] && p.x <= zoom[1]) : pts;
  }, [source, mode, logScale, smoothing, zoom]);

  return (
    <div className="full-chart">
      <div className="toolbar">
        <div className="segmented" role="group" aria-label="X axis">
          {(['step', 'wall', 'relative'] as const).map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={mode === m}
              onClick={() => {
                setMode(m);
                setZoom(null);
              }}
            >
              {m === 'step' ? 'Step' : m === 'wall' ? 'Wall time' : 'Relative time'}
            </button>
          ))}
        </div>
        <label>
          Smoothing{' '}
          <input
            type="range"
            min={0}
            max={0.99}
            step={0.01}
            value={smoothing}
            onChange={(e) => setSmoothing(Number(e.target.value))}
          />{' '}
          {smoothing.toFixed(2)}
        </label>
        <label>
          <input
            type="checkbox"
            checked={logScale}
            onChange={(e) => setLogScale(e.target.checked)}
          />{' '}
          Log scale
        </label>
        {zoom ? (
          <button type="button" className="button small" onClick={() => setZoom(null)}>
            Reset zoom
          </button>
        ) : (
          <span className="muted">Drag across the chart to zoom.</span>
        )}
      </div>
      {sampled.isPending || (zoom && full.isPending) ? <p className="muted">Loading…</p> : null}
      {sampled.error ? <p className="field-error">{String(sampled.error.message)}</p> : null}
      <div style={{ height: 360 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={data}
            onMouseDown={(s) =>
              s?.activeLabel !== undefined &&
              setDrag({ a: Number(s.activeLabel), b: Number(s.activeLabel) })
            }
            onMouseMove={(s) =>
              drag && s?.activeLabel !== undefined && setDrag({ ...drag, b: Number(s.activeLabel) })
            }
            onMouseUp={() => {
              if (drag && drag.a !== drag.b)
                setZoom([Math.min(drag.a, drag.b), Math.max(drag.a, drag.b)]);
              setDrag(null);
            }}
          >
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis
              dataKey="x"
              type="number"
              domain={['dataMin', 'dataMax']}
              tickFormatter={tickX(mode)}
              fontSize={11}
            />
            <YAxis
              scale={logScale ? 'log' : 'auto'}
              domain={['auto', 'auto']}
              allowDataOverflow
              fontSize={11}
              tickFormatter={(v: number) => formatNumber(v, 3)}
            />
            <Tooltip
              formatter={(v) => formatNumber(Number(v))}
              labelFormatter={(l) => tickX(mode)(Number(l))}
            />
            <Line
              dataKey="y"
              name={metricKey}
              dot={false}
              isAnimationActive={false}
              stroke="var(--accent)"
              strokeWidth={1.5}
            />
            {drag ? <ReferenceArea x1={drag.a} x2={drag.b} strokeOpacity={0.3} /> : null}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="muted">
        {zoom
          ? `Full history: ${formatInt(data.length)} points in range.`
          : `Sampled: ${data.length} points.`}
      </p>
    </div>
  );
}
