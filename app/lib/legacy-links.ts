/**
 * MLflow's own UI uses hash URLs (`/#/experiments/1/runs/<id>`). People keep
 * those links in docs and chats; map each to Runlens's route so they still work.
 * Returns null when the hash is not an MLflow route.
 */
function parseJsonList(v: string | null): string[] {
  if (!v) return [];
  try {
    const parsed: unknown = JSON.parse(v);
    if (Array.isArray(parsed)) return parsed.map(String);
  } catch {
    // not JSON: a comma list
  }
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

export function translateLegacyHash(hash: string): string | null {
  if (!hash.startsWith('#/')) return null;
  const raw = hash.slice(1);
  const qIndex = raw.indexOf('?');
  const path = qIndex >= 0 ? raw.slice(0, qIndex) : raw;
  const search = new URLSearchParams(qIndex >= 0 ? raw.slice(qIndex + 1) : '');
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const enc = encodeURIComponent;
  const [head, ...rest] = parts;

  if (parts.length === 0) return '/';
  if (head === 'experiments') {
    const [expId, section, id, sub, ...artifactParts] = rest;
    if (!expId) return '/';
    if (section === 'runs' && id) {
      if (sub === 'artifactPath' && artifactParts.length)
        return `/experiments/${enc(expId)}/runs/${enc(id)}?artifact=${enc(artifactParts.join('/'))}`;
      return `/experiments/${enc(expId)}/runs/${enc(id)}`;
    }
    if (section === 'traces') return `/experiments/${enc(expId)}/traces${id ? `/${enc(id)}` : ''}`;
    const q = search.get('selectedTraceId') ?? search.get('selectedRequestId');
    if (q) return `/experiments/${enc(expId)}/traces/${enc(q)}`;
    if (search.get('compareRunsMode') === 'TRACES') return `/experiments/${enc(expId)}/traces`;
    return `/experiments/${enc(expId)}`;
  }
  if (head === 'compare-experiments') {
    const ids = parseJsonList(search.get('experiments'));
    return ids.length ? `/experiments/${ids.map(enc).join(',')}` : '/';
  }
  if (head === 'compare-runs') {
    const runs = parseJsonList(search.get('runs'));
    const exps = parseJsonList(search.get('experiments'));
    const p = new URLSearchParams();
    if (runs.length) p.set('runs', runs.join(','));
    if (exps.length) p.set('experiments', exps.join(','));
    return `/compare${p.toString() ? `?${p.toString()}` : ''}`;
  }
  if (head === 'metric') {
    const key = rest.join('/');
    const runs = parseJsonList(search.get('runs'));
    const exps = parseJsonList(search.get('experiments'));
    const p = new URLSearchParams();
    if (runs.length) p.set('runs', runs.join(','));
    if (exps.length) p.set('experiments', exps.join(','));
    if (key) p.set('charts', key);
    return `/compare?${p.toString()}`;
  }
  if (head === 'models') {
    const [name, section, version] = rest;
    if (!name) return '/models';
    if (section === 'versions' && version) return `/models/${enc(name)}/versions/${enc(version)}`;
    if (section === 'compare-versions' || section === 'compare') {
      const versions = parseJsonList(search.get('version_to_run_ids') ?? search.get('versions'));
      return `/models/${enc(name)}/compare${versions.length ? `?versions=${versions.map(enc).join(',')}` : ''}`;
    }
    return `/models/${enc(name)}`;
  }
  return null;
}
