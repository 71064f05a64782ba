/**
 * Everything that follows the pointer, over the uPlot canvas. Hovering never renders
 * React: the handler finds the hovered column by binary search on the shared x array,
 * reads every series there and writes the crosshair and the sorted tooltip straight
 * into a few DOM nodes. React renders only what changes with data or highlight: NaN/inf
 * markers and the highlighted run (drawn over a dimmed canvas). Drag zooms, double-click
 * resets.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import { formatNumber } from '../../../lib/format';
import { extentOf, nearestCell, type Cell } from '../model/align';
import { lowerBound, type Marker } from '../model/bucket';
import { linearOrLog, type Plot, type Scale } from './chart-geometry';

export interface TipSeries {
  name: string;
  color: string;
  col: Cell[];
}

export interface MarkedLine {
  id: string;
  name: string;
  color: string;
  markers: Marker[];
}

interface Props {
  plot: Plot;
  xDomain: [number, number];
  yDomain: [number, number];
  log: boolean;
  xs: number[];
  /** Listed in the tooltip: group means, then runs. */
  tip: TipSeries[];
  marked: MarkedLine[];
  highlight: { color: string; col: Cell[] } | null;
  formatX: (x: number) => string;
  onZoom: (range: [number, number]) => void;
  onReset: () => void;
}

const MAX_ROWS = 12;

declare global {
  interface Window {
    /** Set by the bench: hover latencies (event to tooltip written), in ms. */
    __runlensHoverLatency?: number[];
    /** Set by the bench: the handler's share of it (dispatch to tooltip written), in ms. */
    __runlensHoverHandler?: number[];
  }
}

/** Index of the x nearest to `x` (xs ascending, non-empty). */
function nearestIndex(xs: number[], x: number): number {
  const i = lowerBound(xs, x);
  if (i >= xs.length) return xs.length - 1;
  return i > 0 && x - (xs[i - 1] as number) < (xs[i] as number) - x ? i - 1 : i; // 0 < i < length
}

function highlightPath(xs: number[], col: Cell[], sx: Scale, sy: Scale): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const y = col[i];
    if (y === undefined) continue;
    if (y === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${sx(xs[i] as number).toFixed(1)},${sy(y).toFixed(1)}`; // i < xs.length
    pen = true;
  }
  return d;
}

/** Writes rows into `ol`, reusing its <li> nodes. */
function writeRows(ol: HTMLOListElement, rows: { name: string; color: string; v: number }[]): void {
  const n = Math.min(rows.length, MAX_ROWS);
  while (ol.children.length < n) {
    const li = document.createElement('li');
    const sw = document.createElement('span');
    sw.className = 'swatch';
    const name = document.createElement('span');
    name.className = 'tooltip-name';
    const num = document.createElement('span');
    num.className = 'num';
    li.append(sw, name, num);
    ol.append(li);
  }
  for (let k = 0; k < ol.children.length; k++) {
    const li = ol.children[k] as HTMLLIElement;
    li.hidden = k >= n;
    if (k >= n) continue;
    const [sw, name, num] = li.children as unknown as [
      HTMLSpanElement,
      HTMLSpanElement,
      HTMLSpanElement,
    ];
    const row = rows[k] as (typeof rows)[number]; // k < n <= rows.length
    sw.style.background = row.color;
    name.textContent = row.name;
    num.textContent = formatNumber(row.v);
  }
}

export function ChartOverlay(p: Props) {
  const { plot, xDomain, yDomain, log, xs, tip, marked, highlight } = p;
  const sx = useMemo(() => linearOrLog(xDomain, [0, plot.width], false), [xDomain, plot.width]);
  const sy = useMemo(
    () => linearOrLog(yDomain, [plot.height, 0], log),
    [yDomain, plot.height, log],
  );
  const rootRef = useRef<HTMLDivElement>(null);
  const crossRef = useRef<HTMLDivElement>(null);
  const zoomRef = useRef<HTMLDivElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const tipXRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const moreRef = useRef<HTMLDivElement>(null);
  const hoverPx = useRef<number | null>(null);
  const drag = useRef<{ from: number; to: number } | null>(null);
  // Column extents, once per data change, so a lookup never scans past a run's ends.
  const tipCols = useMemo(() => tip.map((t) => ({ ...t, ext: extentOf(t.col) })), [tip]);

  const hide = () => {
    hoverPx.current = null;
    if (crossRef.current) crossRef.current.hidden = true;
    if (tipRef.current) tipRef.current.hidden = true;
  };

  const showAt = (px: number) => {
    const cross = crossRef.current;
    const box = tipRef.current;
    const list = listRef.current;
    if (!cross || !box || !list || !tipXRef.current || !moreRef.current) return;
    hoverPx.current = px;
    cross.hidden = false;
    cross.style.transform = `translateX(${px}px)`;
    const rows: { name: string; color: string; v: number }[] = [];
    if (xs.length) {
      const i = nearestIndex(xs, sx.invert(px));
      for (const t of tipCols) {
        const v = nearestCell(xs, t.col, i, t.ext[0], t.ext[1]);
        if (v !== undefined) rows.push({ name: t.name, color: t.color, v: v ?? NaN });
      }
    }
    if (!rows.length) {
      box.hidden = true;
      return;
    }
    // Highest first; gaps (NaN) last.
    rows.sort((a, b) => (Number.isNaN(a.v) ? 1 : Number.isNaN(b.v) ? -1 : b.v - a.v));
    tipXRef.current.textContent = p.formatX(sx.invert(px));
    writeRows(list, rows);
    moreRef.current.hidden = rows.length <= MAX_ROWS;
    moreRef.current.textContent = `… ${rows.length - MAX_ROWS} more`;
    const right = px > plot.width / 2;
    box.style.left = right ? '' : `${plot.left + px + 12}px`;
    box.style.right = right ? `${plot.width - px + 24}px` : '';
    box.hidden = false;
  };

  // New data under a resting pointer: refresh the tooltip in place.
  useLayoutEffect(() => {
    if (hoverPx.current !== null) showAt(Math.min(hoverPx.current, plot.width));
  });

  const localX = (e: React.MouseEvent) => {
    const r = rootRef.current!.getBoundingClientRect();
    return Math.min(Math.max(e.clientX - r.left, 0), plot.width);
  };

  const drawZoom = () => {
    const z = zoomRef.current;
    const d = drag.current;
    if (!z) return;
    z.hidden = !d;
    if (!d) return;
    z.style.left = `${Math.min(d.from, d.to)}px`;
    z.style.width = `${Math.abs(d.to - d.from)}px`;
  };

  const hlPath = useMemo(
    () => (highlight ? highlightPath(xs, highlight.col, sx, sy) : ''),
    [highlight, xs, sx, sy],
  );
  const markers = useMemo(() => {
    const out: { key: string; x: number; kind: Marker['kind']; color: string; name: string }[] = [];
    for (const l of marked)
      for (const m of l.markers) {
        const x = sx(m.x);
        if (x >= 0 && x <= plot.width)
          out.push({
            key: `${l.id}-${m.x}-${m.kind}`,
            x,
            kind: m.kind,
            color: l.color,
            name: l.name,
          });
      }
    return out;
  }, [marked, sx, plot.width]);

  return (
    <>
      <div
        ref={rootRef}
        className="chart-overlay"
        style={{ left: plot.left, top: plot.top, width: plot.width, height: plot.height }}
        onMouseMove={(e) => {
          const t0 = performance.now();
          const px = localX(e);
          if (drag.current) {
            drag.current.to = px;
            drawZoom();
          }
          showAt(px);
          // event.timeStamp shares performance.now()'s clock: latency from the event, not from the handler.
          const t1 = performance.now();
          window.__runlensHoverLatency?.push(t1 - e.timeStamp);
          window.__runlensHoverHandler?.push(t1 - t0);
        }}
        onMouseLeave={() => {
          hide();
          drag.current = null;
          drawZoom();
        }}
        onMouseDown={(e) => {
          if (e.button !== 0) return;
          drag.current = { from: localX(e), to: localX(e) };
          drawZoom();
        }}
        onMouseUp={() => {
          const d = drag.current;
          drag.current = null;
          drawZoom();
          if (d && Math.abs(d.to - d.from) > 4)
            p.onZoom([sx.invert(Math.min(d.from, d.to)), sx.invert(Math.max(d.from, d.to))]);
        }}
        onDoubleClick={p.onReset}
        aria-hidden="true"
      >
        <svg className="chart-marks" width={plot.width} height={plot.height}>
          {hlPath ? (
            <path
              d={hlPath}
              fill="none"
              stroke={highlight!.color}
              strokeWidth={2.5}
              className="highlight-line"
            />
          ) : null}
          {markers.map((m) => (
            <text
              key={m.key}
              x={m.x}
              y={m.kind === 'inf' ? 10 : plot.height - 3}
              fill={m.color}
              fontSize={11}
              textAnchor="middle"
              className="nan-marker"
            >
              <title>{`${m.name}: ${m.kind === 'nan' ? 'NaN' : m.kind === 'inf' ? '+inf' : '-inf'}`}</title>
              {m.kind === 'nan' ? '×' : m.kind === 'inf' ? '▲' : '▼'}
            </text>
          ))}
        </svg>
        <div ref={zoomRef} className="zoom-rect" hidden />
        <div ref={crossRef} className="crosshair" hidden />
      </div>
      <div
        ref={tipRef}
        className="chart-tooltip"
        role="tooltip"
        style={{ top: plot.top + 4 }}
        hidden
      >
        <div ref={tipXRef} className="muted" />
        <ol ref={listRef} />
        <div ref={moreRef} className="muted" hidden />
      </div>
    </>
  );
}
