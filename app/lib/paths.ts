/**
 * Every route path of the app, built in one place (the route table in router.tsx
 * holds the matching patterns). Builders with more than one parameter take one
 * object, so a run id never lands where an experiment id belongs. Each part is
 * percent-encoded; id lists in a query (`?runs=a,b`) keep their commas readable.
 */
const enc = encodeURIComponent;
const list = (ids: readonly string[]) => ids.map(enc).join(',');

/** The experiments list (the home page). */
export const experimentsPath = (): string => '/';

/** One experiment's runs, or several experiments' runs side by side (`/experiments/1,3`). */
export const experimentPath = (ids: string | readonly string[]): string =>
  `/experiments/${typeof ids === 'string' ? enc(ids) : list(ids)}`;

/** A run's page; `artifact` opens a file of its artifacts browser. */
export function runPath(p: { experimentId: string; runId: string; artifact?: string }): string {
  const base = `${experimentPath(p.experimentId)}/runs/${enc(p.runId)}`;
  return p.artifact ? `${base}?artifact=${enc(p.artifact)}` : base;
}

export const tracesPath = (experimentId: string): string =>
  `${experimentPath(experimentId)}/traces`;

export const tracePath = (p: { experimentId: string; requestId: string }): string =>
  `${tracesPath(p.experimentId)}/${enc(p.requestId)}`;

export const modelsPath = (): string => '/models';

export const modelPath = (name: string): string => `/models/${enc(name)}`;

/** A version's page; `version` may be an alias reference (`@champion`). */
export const modelVersionPath = (p: { name: string; version: string }): string =>
  `${modelPath(p.name)}/versions/${enc(p.version)}`;

export function modelComparePath(p: { name: string; versions: readonly string[] }): string {
  return `${modelPath(p.name)}/compare${p.versions.length ? `?versions=${list(p.versions)}` : ''}`;
}

/** The compare page: runs by id, their experiments, and optionally a view or charts to open. */
export function comparePath(p: {
  runIds: readonly string[];
  experimentIds?: readonly string[];
  view?: string;
  charts?: string;
}): string {
  const q: string[] = [];
  if (p.runIds.length) q.push(`runs=${list(p.runIds)}`);
  if (p.experimentIds?.length) q.push(`experiments=${list(p.experimentIds)}`);
  if (p.view) q.push(`view=${enc(p.view)}`);
  if (p.charts) q.push(`charts=${enc(p.charts)}`);
  return `/compare${q.length ? `?${q.join('&')}` : ''}`;
}

// ---- MLflow 3 pages ----

/** An experiment's logged models (the Models tab). */
export const loggedModelsPath = (experimentId: string): string =>
  `${experimentPath(experimentId)}/models`;

/** A logged model's page (`m-…`); its id alone finds it. */
export const loggedModelPath = (modelId: string): string => `/logged-models/${enc(modelId)}`;

/** An experiment's chat sessions (traces sharing `mlflow.trace.session`). */
export const sessionsPath = (experimentId: string): string =>
  `${experimentPath(experimentId)}/sessions`;

export const sessionPath = (p: { experimentId: string; sessionId: string }): string =>
  `${sessionsPath(p.experimentId)}/${enc(p.sessionId)}`;

export const promptsPath = (): string => '/prompts';

/** A prompt's page; `from`/`to` pick two versions to diff. */
export function promptPath(p: {
  name: string;
  version?: string;
  from?: string;
  to?: string;
}): string {
  const q: string[] = [];
  if (p.version) q.push(`version=${enc(p.version)}`);
  if (p.from) q.push(`from=${enc(p.from)}`);
  if (p.to) q.push(`to=${enc(p.to)}`);
  return `/prompts/${enc(p.name)}${q.length ? `?${q.join('&')}` : ''}`;
}

/** An evaluation run's results; `compare` sets a second evaluation run beside it. */
export function evaluationPath(p: {
  experimentId: string;
  runId: string;
  compare?: string;
}): string {
  const base = `${experimentPath(p.experimentId)}/evaluations/${enc(p.runId)}`;
  return p.compare ? `${base}?compare=${enc(p.compare)}` : base;
}
