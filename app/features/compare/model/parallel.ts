import { maxOf, minOf } from '../../../lib/extent';

/** Parallel coordinates maths: one axis per param/metric, numeric or categorical, and brush filtering. */
export interface Axis {
  key: string;
  kind: 'number' | 'category';
  min: number;
  max: number;
  categories: string[];
}

export function buildAxis(key: string, values: (string | number | undefined)[]): Axis {
  const defined = values.filter((v): v is string | number => v !== undefined && v !== '');
  const nums = defined.map(Number);
  if (defined.length && nums.every(Number.isFinite)) {
    const min = minOf(nums);
    const max = maxOf(nums);
    return { key, kind: 'number', min, max: max === min ? min + 1 : max, categories: [] };
  }
  return {
    key,
    kind: 'category',
    min: 0,
    max: 1,
    categories: [...new Set(defined.map(String))].sort(),
  };
}

/** Position 0 (bottom) .. 1 (top) of a value on an axis; null when missing or not drawable. */
export function axisPosition(a: Axis, v: string | number | undefined): number | null {
  if (v === undefined || v === '') return null;
  if (a.kind === 'number') {
    const n = Number(v);
    return Number.isFinite(n) ? (n - a.min) / (a.max - a.min) : null;
  }
  const i = a.categories.indexOf(String(v));
  if (i < 0) return null;
  return a.categories.length === 1 ? 0.5 : i / (a.categories.length - 1);
}

/** Runs whose position lies inside every brush ([lo, hi] in 0..1) of the brushed axes. */
export function brushFilter(
  rows: { id: string; values: Record<string, string | number | undefined> }[],
  axes: Axis[],
  brushes: Record<string, [number, number]>,
): Set<string> {
  const out = new Set<string>();
  for (const r of rows) {
    let ok = true;
    for (const a of axes) {
      const b = brushes[a.key];
      if (!b) continue;
      const p = axisPosition(a, r.values[a.key]);
      if (p === null || p < b[0] || p > b[1]) {
        ok = false;
        break;
      }
    }
    if (ok) out.add(r.id);
  }
  return out;
}
