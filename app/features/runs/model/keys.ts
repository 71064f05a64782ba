import type { Run } from '../../../api';
import { compareText } from '../../../lib/compare-text';

export interface RunKeys {
  metrics: string[];
  params: string[];
  tags: string[];
  datasets: string[];
  /** metric key -> how many runs logged it (picks the default columns). */
  metricRuns?: ReadonlyMap<string, number>;
  /** Params whose value differs between runs (shown first by default: the hyperparameters swept). */
  paramVaries?: ReadonlySet<string>;
}

/**
 * Every metric, param, tag and dataset key present in the loaded runs, sorted.
 * Linear in the total number of keys (12,000 metric keys per run stay cheap).
 */
export function collectKeys(runs: readonly Run[]): RunKeys {
  const metrics = new Map<string, number>();
  const params = new Map<string, string>();
  const varies = new Set<string>();
  const tags = new Set<string>();
  const datasets = new Set<string>();
  for (const r of runs) {
    for (const k in r.metrics) metrics.set(k, (metrics.get(k) ?? 0) + 1);
    for (const k in r.params) {
      const v = r.params[k];
      if (v === undefined) continue; // k is an own key: never taken
      const first = params.get(k);
      if (first === undefined) params.set(k, v);
      else if (first !== v) varies.add(k);
    }
    for (const k in r.tags) tags.add(k);
    for (const d of r.datasets) datasets.add(d.dataset.name);
  }
  const sorted = (s: Iterable<string>) => [...s].sort((a, b) => compareText(a, b));
  return {
    metrics: sorted(metrics.keys()),
    metricRuns: metrics,
    params: sorted(params.keys()),
    paramVaries: varies,
    tags: sorted(tags),
    datasets: sorted(datasets),
  };
}
