/** Parallel coordinates, SVG by hand (recharts has none). Drag along an axis to brush; brushed runs are listed. */
import { useMemo, useRef, useState } from 'react';
import type { Run } from '../../../api';
import { formatNumber } from '../../../lib/format';
import { axisPosition, brushFilter, buildAxis } from '../model/parallel';
import { useChartLayout, useLayoutStore } from '../store';

interface Props {
  layoutKey: string;
  runs: Run[];
  metricKeys: string[];
  paramKeys: string[];
  colors: Map<string, string>;
}

const H = 320;
const PAD = { top: 24, bottom: 28, side: 50 };

export function ParallelCoords({ layoutKey, runs, metricKeys, paramKeys, colors }: Props) {
  const layout = useChartLayout(layoutKey).parallel;
  const update = useLayoutStore((s) => s.update);
  const axesKeys = layout.axes.length
    ? layout.axes.filter((k) => paramKeys.includes(k))
    : paramKeys.slice(0, 6);
  const target =
    layout.target && metricKeys.includes(layout.target) ? layout.target : (metricKeys[0] ?? '');
  const [brushes, setBrushes] = useState<Record<string, [number, number]>>({});
  const [dragging, setDragging] = useState<{ key: string; from: number; to: number } | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);

  const rows = useMemo(
    () =>
      runs.map((r) => ({
        id: r.info.id,
        values: {
          ...r.params,
          ...(target && r.metrics[target] ? { [target]: r.metrics[target].value } : {}),
        } as Record<string, string | number | undefined>,
      })),
    [runs, target],
  );
  // The axes change when their keys do, not when a new array holds the same keys.
  const keysKey = (target ? [...axesKeys, target] : axesKeys).join('\u0000');
  const axes = useMemo(
    () =>
      (keysKey ? keysKey.split('\u0000') : []).map((k) =>
        buildAxis(
          k,
          rows.map((r) => r.values[k]),
        ),
      ),
    [keysKey, rows],
  );
  const selected = useMemo(() => brushFilter(rows, axes, brushes), [rows, axes, brushes]);
  const width = Math.max(480, axes.length * 140);
  const xOf = (i: number) => PAD.side + (i * (width - 2 * PAD.side)) / Math.max(1, axes.length - 1);
  const yOf = (p: number) => PAD.top + (1 - p) * (H - PAD.top - PAD.bottom);
  const posOf = (clientY: number) => {
    const r = svgRef.current!.getBoundingClientRect();
    const y = ((clientY - r.top) / r.height) * H;
    return Math.min(1, Math.max(0, 1 - (y - PAD.top) / (H - PAD.top - PAD.bottom)));
  };

  const endDrag = () => {
    if (!dragging) return;
    const lo = Math.min(dragging.from, dragging.to);
    const hi = Math.max(dragging.from, dragging.to);
    setBrushes((prev) => {
      const next = { ...prev };
      if (hi - lo < 0.01) delete next[dragging.key];
      else next[dragging.key] = [lo, hi];
      return next;
    });
    setDragging(null);
  };

  const toggleAxis = (k: string) => {
    const next = axesKeys.includes(k) ? axesKeys.filter((a) => a !== k) : [...axesKeys, k];
    update(layoutKey, { parallel: { axes: next, target } });
  };

  return (
    <div>
      <div className="toolbar">
        <fieldset className="inline-fieldset">
          <legend>Params</legend>
          {paramKeys.map((k) => (
            <label key={k} className="field-inline">
              <input
                type="checkbox"
                checked={axesKeys.includes(k)}
                onChange={() => toggleAxis(k)}
              />
              {k}
            </label>
          ))}
        </fieldset>
        <label className="field-inline">
          Target metric
          <select
            value={target}
            onChange={(e) =>
              update(layoutKey, { parallel: { axes: axesKeys, target: e.target.value } })
            }
          >
            {metricKeys.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <span aria-live="polite">
          {selected.size} of {runs.length} runs in brush
        </span>
        {Object.keys(brushes).length ? (
          <button type="button" className="button small" onClick={() => setBrushes({})}>
            Clear brushes
          </button>
        ) : null}
      </div>
      <svg
        ref={svgRef}
        viewBox={`0 0 ${width} ${H}`}
        width="100%"
        style={{ maxWidth: width }}
        role="img"
        aria-label="Parallel coordinates"
        // Move and release are tracked on the whole plot: a brush drag may leave its axis.
        onMouseMove={(e) => dragging && setDragging({ ...dragging, to: posOf(e.clientY) })}
        onMouseUp={endDrag}
        onMouseLeave={endDrag}
      >
        {rows.map((r) => {
          let d = '';
          let pen = false;
          axes.forEach((a, i) => {
            const p = axisPosition(a, r.values[a.key]);
            if (p === null) {
              pen = false;
              return;
            }
            d += `${pen ? 'L' : 'M'}${xOf(i)},${yOf(p)}`;
            pen = true;
          });
          const on = selected.has(r.id);
          return (
            <path
              key={r.id}
              d={d}
              fill="none"
              stroke={on ? colors.get(r.id) : 'var(--border)'}
              strokeOpacity={on ? 0.8 : 0.5}
              strokeWidth={on ? 1.4 : 1}
            />
          );
        })}
        {axes.map((a, i) => {
          const b =
            dragging?.key === a.key
              ? ([
                  Math.min(dragging.from, dragging.to),
                  Math.max(dragging.from, dragging.to),
                ] as const)
              : brushes[a.key];
          return (
            <g
              key={a.key}
              role="group"
              aria-label={`${a.key} axis`}
              className="pc-axis"
              onMouseDown={(e) => {
                const p = posOf(e.clientY);
                setDragging({ key: a.key, from: p, to: p });
              }}
            >
              <rect
                x={xOf(i) - 18}
                y={PAD.top}
                width={36}
                height={H - PAD.top - PAD.bottom}
                fill="transparent"
                style={{ cursor: 'crosshair' }}
              />
              <line
                x1={xOf(i)}
                x2={xOf(i)}
                y1={PAD.top}
                y2={H - PAD.bottom}
                stroke="var(--fg-muted)"
              />
              <text x={xOf(i)} y={14} textAnchor="middle" fontSize={12} fill="var(--fg)">
                {a.key}
              </text>
              <text x={xOf(i) + 4} y={H - PAD.bottom + 14} fontSize={10} fill="var(--fg-muted)">
                {a.kind === 'number' ? formatNumber(a.min, 3) : a.categories[0]}
              </text>
              <text x={xOf(i) + 4} y={PAD.top + 10} fontSize={10} fill="var(--fg-muted)">
                {a.kind === 'number'
                  ? formatNumber(a.max, 3)
                  : a.categories[a.categories.length - 1]}
              </text>
              {b ? (
                <rect
                  x={xOf(i) - 8}
                  y={yOf(b[1])}
                  width={16}
                  height={yOf(b[0]) - yOf(b[1])}
                  className="pc-brush"
                />
              ) : null}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
