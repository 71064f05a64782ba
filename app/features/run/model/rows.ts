/** Rows for the params/metrics/tags tables: search, system-tag split, history summary. */
import type { Metric, TagMap } from '../../../api';
import { isSystemTag } from '../../../lib/tags';
import { compareText } from '../../../lib/compare-text';

export interface KeyValue {
  key: string;
  value: string;
}

/** Case-insensitive match on key or value; every word of the query must match. */
export function filterKeyValues(entries: KeyValue[], query: string): KeyValue[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return entries;
  return entries.filter((e) => {
    const hay = `${e.key}\n${e.value}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export function toKeyValues(map: Record<string, string>): KeyValue[] {
  return Object.entries(map)
    .map(([key, value]) => ({ key, value }))
    .sort((a, b) => compareText(a.key, b.key));
}

/** Tags the page shows elsewhere or MLflow owns (`mlflow.*`) go in a folded group. */
export function splitTags(tags: TagMap): { user: KeyValue[]; system: KeyValue[] } {
  const all = toKeyValues(tags);
  return {
    user: all.filter((t) => !isSystemTag(t.key)),
    system: all.filter((t) => isSystemTag(t.key)),
  };
}

/** Values longer than this are folded behind a toggle. */
export const LONG_VALUE = 120;

export function isLongValue(v: string): boolean {
  return v.length > LONG_VALUE || v.includes('\n');
}

export interface MetricSummary {
  min: number;
  max: number;
  steps: number;
}

/** NaN points do not count towards min/max (they would poison both); they count as steps. */
export function summarizeHistory(points: Metric[]): MetricSummary | null {
  if (!points.length) return null;
  let min = Infinity;
  let max = -Infinity;
  const steps = new Set<number>();
  for (const p of points) {
    steps.add(p.step);
    if (Number.isNaN(p.value)) continue;
    if (p.value < min) min = p.value;
    if (p.value > max) max = p.value;
  }
  if (min === Infinity && max === -Infinity) return { min: NaN, max: NaN, steps: steps.size };
  return { min, max, steps: steps.size };
}

/** Artifact folders that hold a logged model, from `mlflow.log-model.history` (a JSON list). */
export function loggedModelFolders(tags: TagMap, rootDirs: string[] = []): string[] {
  const out = new Set<string>();
  try {
    const parsed: unknown = JSON.parse(tags['mlflow.log-model.history'] ?? '[]');
    if (Array.isArray(parsed))
      for (const m of parsed)
        if (
          m &&
          typeof m === 'object' &&
          typeof (m as { artifact_path?: unknown }).artifact_path === 'string'
        )
          out.add((m as { artifact_path: string }).artifact_path);
  } catch {
    // a broken tag is ignored: the folder listing may still show a `model` folder
  }
  if (rootDirs.includes('model')) out.add('model');
  return [...out];
}
