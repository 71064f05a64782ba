import type { Metric } from '../../../api';
import { compareText } from '../../../lib/compare-text';

export interface DatasetMetrics {
  /** '' when the values were logged without a dataset. */
  datasetName: string;
  datasetDigest: string;
  /** Latest value per key (highest step, then newest), sorted by key. */
  metrics: Metric[];
}

const datasetKey = (m: Metric) => `${m.datasetName ?? ''}\u0000${m.datasetDigest ?? ''}`;

function newer(a: Metric, b: Metric): boolean {
  return a.step !== b.step ? a.step > b.step : a.timestamp >= b.timestamp;
}

/**
 * A logged model's metrics, one group per dataset (the values logged with no
 * dataset come first), the latest value of each key in each group.
 */
export function metricsByDataset(metrics: readonly Metric[]): DatasetMetrics[] {
  const groups = new Map<string, { name: string; digest: string; latest: Map<string, Metric> }>();
  for (const m of metrics) {
    const k = datasetKey(m);
    let g = groups.get(k);
    if (!g) {
      g = { name: m.datasetName ?? '', digest: m.datasetDigest ?? '', latest: new Map() };
      groups.set(k, g);
    }
    const prev = g.latest.get(m.key);
    if (!prev || newer(m, prev)) g.latest.set(m.key, m);
  }
  return [...groups.values()]
    .sort((a, b) =>
      a.name === ''
        ? -1
        : b.name === ''
          ? 1
          : compareText(a.name, b.name) || compareText(a.digest, b.digest),
    )
    .map((g) => ({
      datasetName: g.name,
      datasetDigest: g.digest,
      metrics: [...g.latest.values()].sort((a, b) => compareText(a.key, b.key)),
    }));
}

/** A column per (metric key, dataset) across a list of models: `acc (eval_ds)`. */
export interface MetricColumn {
  id: string;
  key: string;
  datasetName: string;
  label: string;
}

export function metricColumns(models: readonly { metrics: readonly Metric[] }[]): MetricColumn[] {
  const seen = new Map<string, MetricColumn>();
  for (const model of models)
    for (const m of model.metrics) {
      const ds = m.datasetName ?? '';
      const id = `${m.key}\u0000${ds}`;
      if (!seen.has(id))
        seen.set(id, { id, key: m.key, datasetName: ds, label: ds ? `${m.key} (${ds})` : m.key });
    }
  return [...seen.values()].sort(
    (a, b) => compareText(a.key, b.key) || compareText(a.datasetName, b.datasetName),
  );
}

/** The latest value of one column's metric in one model, or undefined. */
export function metricValue(metrics: readonly Metric[], col: MetricColumn): number | undefined {
  let best: Metric | undefined;
  for (const m of metrics)
    if (m.key === col.key && (m.datasetName ?? '') === col.datasetName && (!best || newer(m, best)))
      best = m;
  return best?.value;
}
