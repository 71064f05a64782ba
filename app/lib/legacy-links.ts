/**
 * MLflow's own UI uses hash URLs (`/#/experiments/1/runs/<id>`). People keep
 * those links in docs and chats; map each to Runlens's route so they still work.
 * Returns null when the hash is not an MLflow route.
 */
import {
  comparePath,
  experimentPath,
  experimentsPath,
  modelComparePath,
  modelPath,
  modelsPath,
  modelVersionPath,
  runPath,
  tracePath,
  tracesPath,
} from './paths';

function parseJsonList(v: string | null): string[] {
  if (!v) return [];
  try {
    const parsed: unknown = JSON.parse(v);
    if (Array.isArray(parsed)) return parsed.map(String);
  } catch {
    // not JSON: a comma list
  }
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function translateLegacyHash(hash: string): string | null {
  if (!hash.startsWith('#/')) return null;
  const raw = hash.slice(1);
  const qIndex = raw.indexOf('?');
  const path = qIndex >= 0 ? raw.slice(0, qIndex) : raw;
  const search = new URLSearchParams(qIndex >= 0 ? raw.slice(qIndex + 1) : '');
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  const [head, ...rest] = parts;

  if (parts.length === 0) return experimentsPath();
  if (head === 'experiments') {
    const [expId, section, id, sub, ...artifactParts] = rest;
    if (!expId) return experimentsPath();
    if (section === 'runs' && id) {
      const artifact = sub === 'artifactPath' ? artifactParts.join('/') : '';
      return runPath({ experimentId: expId, runId: id, artifact });
    }
    if (section === 'traces')
      return id ? tracePath({ experimentId: expId, requestId: id }) : tracesPath(expId);
    const q = search.get('selectedTraceId') ?? search.get('selectedRequestId');
    if (q) return tracePath({ experimentId: expId, requestId: q });
    if (search.get('compareRunsMode') === 'TRACES') return tracesPath(expId);
    return experimentPath(expId);
  }
  if (head === 'compare-experiments') {
    const ids = parseJsonList(search.get('experiments'));
    return ids.length ? experimentPath(ids) : experimentsPath();
  }
  if (head === 'compare-runs' || head === 'metric') {
    return comparePath({
      runIds: parseJsonList(search.get('runs')),
      experimentIds: parseJsonList(search.get('experiments')),
      charts: head === 'metric' ? rest.join('/') : undefined,
    });
  }
  if (head === 'models') {
    const [name, section, version] = rest;
    if (!name) return modelsPath();
    if (section === 'versions' && version) return modelVersionPath({ name, version });
    if (section === 'compare-versions' || section === 'compare') {
      const versions = parseJsonList(search.get('version_to_run_ids') ?? search.get('versions'));
      return modelComparePath({ name, versions });
    }
    return modelPath(name);
  }
  return null;
}
