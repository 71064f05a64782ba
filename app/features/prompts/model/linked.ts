import type { Run } from '../../../api';

export interface LinkedRun {
  runId: string;
  experimentId: string;
  name: string;
}

/** The runs whose `mlflow.linkedPrompts` tag names a version of this prompt, per version. */
export function runsByVersion(runs: readonly Run[], prompt: string): Map<string, LinkedRun[]> {
  const out = new Map<string, LinkedRun[]>();
  for (const r of runs) {
    let linked: unknown;
    try {
      linked = JSON.parse(r.tags['mlflow.linkedPrompts'] ?? '[]');
    } catch {
      continue;
    }
    if (!Array.isArray(linked)) continue;
    for (const l of linked) {
      if (!l || typeof l !== 'object' || !('name' in l) || l.name !== prompt || !('version' in l))
        continue;
      const v = String(l.version);
      const list = out.get(v) ?? [];
      if (!list.some((x) => x.runId === r.info.id))
        list.push({ runId: r.info.id, experimentId: r.info.experimentId, name: r.info.name });
      out.set(v, list);
    }
  }
  return out;
}

/** `_mlflow_experiment_ids` (`,1,3,`) -> ['1', '3']. */
export function promptExperimentIds(tags: Readonly<Record<string, string>>): string[] {
  return (tags._mlflow_experiment_ids ?? '').split(',').filter(Boolean);
}
