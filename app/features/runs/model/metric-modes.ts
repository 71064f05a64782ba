import type { Metric } from '../../../api';
import type { MetricMode } from './columns';

/**
 * The value a computed metric cell shows, from full histories. NaN points are
 * ignored for min/max/best; `null` when there is nothing to show.
 * For 'best', `ref` is the history of the reference metric: the value of
 * `history` at the step where `ref` is lowest (or highest); ties take the
 * first step; when `history` has no point at that step, the nearest earlier one.
 */
export function computeMetricMode(
  history: readonly Metric[],
  mode: MetricMode,
  ref?: readonly Metric[],
): { value: number; step: number } | null {
  const [first] = history;
  if (!first) return null;
  if (mode.kind === 'latest') {
    let last = first;
    for (const m of history)
      if (m.step > last.step || (m.step === last.step && m.timestamp >= last.timestamp)) last = m;
    return { value: last.value, step: last.step };
  }
  if (mode.kind === 'min' || mode.kind === 'max') {
    const best = extreme(history, mode.kind);
    return best ? { value: best.value, step: best.step } : null;
  }
  const bestRef = ref ? extreme(ref, mode.dir) : null;
  if (!bestRef) return null;
  let at: Metric | null = null;
  for (const m of history) {
    if (m.step <= bestRef.step && (!at || m.step > at.step)) at = m;
  }
  return at ? { value: at.value, step: at.step } : null;
}

function extreme(points: readonly Metric[], dir: 'min' | 'max'): Metric | null {
  let best: Metric | null = null;
  for (const p of points) {
    if (Number.isNaN(p.value)) continue;
    if (
      !best ||
      (dir === 'min' ? p.value < best.value : p.value > best.value) ||
      (p.value === best.value && p.step < best.step)
    )
      best = p;
  }
  return best;
}

/** A mode as one <option> value: `latest`, `min`, `max`, or `bmin~<key>` / `bmax~<key>`. */
export function metricModeValue(m: MetricMode): string {
  return m.kind === 'best' ? `b${m.dir}~${m.ref}` : m.kind;
}

/** The mode an <option> value names; null for anything else. Cut at the first '~': a key may hold one. */
export function parseMetricModeValue(v: string): MetricMode | null {
  if (v === 'latest' || v === 'min' || v === 'max') return { kind: v };
  const cut = v.indexOf('~');
  const dir = v.slice(0, cut);
  if (cut < 0 || (dir !== 'bmin' && dir !== 'bmax')) return null;
  return { kind: 'best', dir: dir === 'bmin' ? 'min' : 'max', ref: v.slice(cut + 1) };
}
