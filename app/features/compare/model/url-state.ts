/**
 * Compare state in the URL, compact: defaults are not written. Old MLflow links
 * (`/compare?runs=a,b&experiments=1`, `...&charts=<metric key>`) parse as is;
 * `charts` becomes an exact-match chart filter.
 */
import type { BandKind, GroupBy } from './groups';
import { formatXMode, parseXMode, type XMode } from './x-axis';
import { oneOf } from '../../../lib/url-values';

export type CompareTab = 'charts' | 'bar' | 'scatter' | 'parallel' | 'images' | 'diff';
export const TABS: CompareTab[] = ['charts', 'bar', 'scatter', 'parallel', 'images', 'diff'];

export interface CompareState {
  runIds: string[];
  experimentIds: string[];
  /** Without `runs`: the first N runs of the experiments (a compact link for hundreds of runs). */
  top: number;
  xMode: XMode;
  smoothing: number;
  log: boolean;
  outliers: boolean;
  groupBy: GroupBy | null;
  band: BandKind;
  filter: string;
  zoom: [number, number] | null;
  tab: CompareTab;
}

const list = (v: string | null) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function parseCompareState(p: URLSearchParams): CompareState {
  const smoothing = Number(p.get('smooth') ?? 0);
  const zoom = list(p.get('zoom')).map(Number);
  const g = p.get('group');
  const gi = g ? g.indexOf(':') : -1;
  const band = p.get('band');
  const legacy = list(p.get('charts'));
  return {
    runIds: [...new Set(list(p.get('runs')))],
    experimentIds: list(p.get('experiments')),
    top: Math.max(0, Math.min(5000, Math.floor(Number(p.get('top')) || 0))),
    xMode: parseXMode(p.get('x') ?? 'step'),
    smoothing: Number.isFinite(smoothing) ? Math.min(Math.max(smoothing, 0), 0.99) : 0,
    log: p.get('log') === '1',
    outliers: p.get('outliers') === '1',
    groupBy:
      g && gi > 0
        ? { kind: g.slice(0, gi) === 'tag' ? 'tag' : 'param', key: g.slice(gi + 1) }
        : null,
    band: band === 'std' || band === 'stderr' ? band : 'minmax',
    filter: p.get('q') ?? (legacy.length ? `^(${legacy.map(escapeRegex).join('|')})$` : ''),
    zoom: zoomRange(zoom),
    tab: oneOf(p.get('tab'), TABS, 'charts'),
  };
}

/** A URL patch for part of the state (null deletes the param). */
export function comparePatch(s: Partial<CompareState>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (s.runIds) out.runs = s.runIds.join(',') || null;
  if (s.xMode) out.x = s.xMode.kind === 'step' ? null : formatXMode(s.xMode);
  if (s.smoothing !== undefined)
    out.smooth = s.smoothing > 0 ? String(Math.round(s.smoothing * 100) / 100) : null;
  if (s.log !== undefined) out.log = s.log ? '1' : null;
  if (s.outliers !== undefined) out.outliers = s.outliers ? '1' : null;
  if (s.groupBy !== undefined) out.group = s.groupBy ? `${s.groupBy.kind}:${s.groupBy.key}` : null;
  if (s.band) out.band = s.band === 'minmax' ? null : s.band;
  if (s.filter !== undefined) {
    out.q = s.filter || null;
    out.charts = null;
  }
  if (s.zoom !== undefined)
    out.zoom = s.zoom ? s.zoom.map((v) => Number(v.toPrecision(8))).join(',') : null;
  if (s.tab) out.tab = s.tab === 'charts' ? null : s.tab;
  return out;
}

/** `[from, to]` from the URL's two numbers, or null for anything else (no zoom). */
function zoomRange(v: readonly number[]): [number, number] | null {
  if (v.length !== 2) return null;
  const [from = NaN, to = NaN] = v;
  return Number.isFinite(from) && Number.isFinite(to) && from < to ? [from, to] : null;
}
