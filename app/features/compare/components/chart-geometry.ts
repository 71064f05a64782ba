/**
 * Fixed plot geometry: uPlot gets these axis sizes and paddings, so its plotting area is
 * exactly `plotArea()` and the overlay (crosshair, zoom, markers) and the DOM tick labels
 * map pixels as the canvas does.
 */
export const MARGIN = { top: 8, right: 14, bottom: 0, left: 0 };
export const Y_AXIS_WIDTH = 58;
export const X_AXIS_HEIGHT = 24;
export const CHART_HEIGHT = 240;

export interface Plot {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function plotArea(width: number, height = CHART_HEIGHT): Plot {
  const left = MARGIN.left + Y_AXIS_WIDTH;
  const top = MARGIN.top;
  return {
    left,
    top,
    width: Math.max(10, width - left - MARGIN.right),
    height: Math.max(10, height - top - MARGIN.bottom - X_AXIS_HEIGHT),
  };
}

export interface Scale {
  (v: number): number;
  invert: (px: number) => number;
}

export function linearOrLog(
  domain: [number, number],
  range: [number, number],
  log: boolean,
): Scale {
  const t = log ? (v: number) => Math.log10(v) : (v: number) => v;
  const ti = log ? (v: number) => 10 ** v : (v: number) => v;
  const d0 = t(domain[0]);
  const d1 = t(domain[1]);
  const k = (range[1] - range[0]) / (d1 - d0 || 1);
  const f = ((v: number) => range[0] + (t(v) - d0) * k) as Scale;
  f.invert = (px: number) => ti(d0 + (px - range[0]) / k);
  return f;
}

/** `color` at `alpha` opacity, for '#rrggbb' and 'hsl(h s% l%)' (what runColor returns). */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (hex) {
    const [r = '0', g = '0', b = '0'] = hex.slice(1); // three groups, always set on a match
    return `rgba(${parseInt(r, 16)}, ${parseInt(g, 16)}, ${parseInt(b, 16)}, ${alpha})`;
  }
  if (color.startsWith('hsl(') && color.endsWith(')')) return `${color.slice(0, -1)} / ${alpha})`;
  return color;
}

const PALETTE = [
  '#2f6fed',
  '#e8710a',
  '#1e8e3e',
  '#d93025',
  '#9334e6',
  '#12b5cb',
  '#e52592',
  '#795548',
  '#5f6368',
  '#f9ab00',
];
/** Ten distinct colours, then golden-angle hues. */
export function runColor(i: number): string {
  return PALETTE[i] ?? `hsl(${Math.round((i * 137.508) % 360)} 62% 48%)`;
}
