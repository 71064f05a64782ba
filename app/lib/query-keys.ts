/**
 * One query-key factory per resource, shared by every feature so that a write
 * in one page invalidates what another page shows. Keys are hierarchical:
 * invalidating `runKeys.all` refetches every run query; `runKeys.lists()` every
 * runs search; `runKeys.detail(id)` one run. No string keys written inline.
 */

export const experimentKeys = {
  all: ['experiments'] as const,
  lists: () => [...experimentKeys.all, 'list'] as const,
  list: (params: object) => [...experimentKeys.lists(), params] as const,
  details: () => [...experimentKeys.all, 'detail'] as const,
  detail: (id: string) => [...experimentKeys.details(), id] as const,
};

export const runKeys = {
  all: ['runs'] as const,
  lists: () => [...runKeys.all, 'list'] as const,
  list: (params: object) => [...runKeys.lists(), params] as const,
  details: () => [...runKeys.all, 'detail'] as const,
  detail: (id: string) => [...runKeys.details(), id] as const,
  /** Every child of a parent (all pages, active ones), searched in these experiments. */
  children: (parentId: string, experimentIds: readonly string[]) =>
    [...runKeys.all, 'children', parentId, [...experimentIds].sort()] as const,
  /** Runs that took a logged model as an input (MLflow 3). */
  usingModel: (modelId: string) => [...runKeys.all, 'using-model', modelId] as const,
  /** An experiment's `mlflow.genai.evaluate` runs (MLflow 3). */
  evaluations: (experimentId: string) => [...runKeys.all, 'evaluations', experimentId] as const,
  /** The runs of the compare page (by id, or the top N of experiments): a `Run[]`, not pages. */
  compare: (params: object) => [...runKeys.all, 'compare', params] as const,
};

export const metricKeys = {
  all: ['metrics'] as const,
  history: (runId: string, key: string) => [...metricKeys.all, 'history', runId, key] as const,
  /** Server-sampled points of one run (`MetricPoint[]`, the run page's small charts). */
  sampledPoints: (params: object) => [...metricKeys.all, 'sampled-points', params] as const,
  /** Server-sampled series of many runs, by run id (compare's first paint). */
  sampledSeries: (params: object) => [...metricKeys.all, 'sampled-series', params] as const,
  /** A full history held as columns (compare charts); a different shape from `history`, so its own key. */
  columns: (runId: string, key: string) => [...metricKeys.all, 'columns', runId, key] as const,
};

export const artifactKeys = {
  all: ['artifacts'] as const,
  list: (runId: string, path: string) => [...artifactKeys.all, 'list', runId, path] as const,
  /** A file's content, as text or as a blob: two shapes, two kinds. */
  text: (runId: string, path: string) => [...artifactKeys.all, 'text', runId, path] as const,
  blob: (runId: string, path: string) => [...artifactKeys.all, 'blob', runId, path] as const,
  modelVersionFile: (name: string, version: string, path: string) =>
    [...artifactKeys.all, 'model-version', name, version, path] as const,
};

export const registeredModelKeys = {
  all: ['registered-models'] as const,
  lists: () => [...registeredModelKeys.all, 'list'] as const,
  list: (params: object) => [...registeredModelKeys.lists(), params] as const,
  details: () => [...registeredModelKeys.all, 'detail'] as const,
  detail: (name: string) => [...registeredModelKeys.details(), name] as const,
};

export const modelVersionKeys = {
  all: ['model-versions'] as const,
  lists: () => [...modelVersionKeys.all, 'list'] as const,
  list: (params: object) => [...modelVersionKeys.lists(), params] as const,
  details: () => [...modelVersionKeys.all, 'detail'] as const,
  detail: (name: string, version: string) =>
    [...modelVersionKeys.details(), name, version] as const,
  /** Versions resolved through an alias (`name@alias`). */
  aliases: (name: string) => [...modelVersionKeys.all, 'alias', name] as const,
  alias: (name: string, alias: string) => [...modelVersionKeys.aliases(name), alias] as const,
  /** The versions registered from one run (a page of them). */
  ofRun: (runId: string) => [...modelVersionKeys.all, 'of-run', runId] as const,
  /** Versions registered from a logged model (MLflow 3). */
  fromLoggedModel: (modelId: string) =>
    [...modelVersionKeys.all, 'from-logged-model', modelId] as const,
};

export const traceKeys = {
  all: ['traces'] as const,
  lists: () => [...traceKeys.all, 'list'] as const,
  list: (params: object) => [...traceKeys.lists(), params] as const,
  infos: () => [...traceKeys.all, 'info'] as const,
  info: (requestId: string) => [...traceKeys.infos(), requestId] as const,
  data: (requestId: string) => [...traceKeys.all, 'data', requestId] as const,
  /** The traces a run produced (one page, the run page's related section). */
  ofRun: (runId: string) => [...traceKeys.all, 'of-run', runId] as const,
  /** MLflow 3 chat sessions: an experiment's traces grouped by `mlflow.trace.session`. */
  sessions: (experimentId: string) => [...traceKeys.all, 'sessions', experimentId] as const,
  /** Every trace of one `mlflow.genai.evaluate` run (MLflow 3). */
  evaluation: (runId: string) => [...traceKeys.all, 'evaluation', runId] as const,
  session: (experimentId: string, sessionId: string) =>
    [...traceKeys.all, 'session', experimentId, sessionId] as const,
};

export const loggedModelKeys = {
  all: ['logged-models'] as const,
  lists: () => [...loggedModelKeys.all, 'list'] as const,
  list: (params: object) => [...loggedModelKeys.lists(), params] as const,
  details: () => [...loggedModelKeys.all, 'detail'] as const,
  detail: (modelId: string) => [...loggedModelKeys.details(), modelId] as const,
};

/** The tracking server's MLflow line (2 or 3), from `/version`. */
export const serverLineKey = ['server', 'line'] as const;

/** MLflow 3's prompt registry (registered models tagged `mlflow.prompt.is_prompt`). */
export const promptKeys = {
  all: ['prompts'] as const,
  lists: () => [...promptKeys.all, 'list'] as const,
  list: (params: object) => [...promptKeys.lists(), params] as const,
  detail: (name: string) => [...promptKeys.all, 'detail', name] as const,
  versions: (name: string) => [...promptKeys.all, 'versions', name] as const,
  /** Runs that loaded a version (their `mlflow.linkedPrompts` tag). */
  runs: (name: string) => [...promptKeys.all, 'runs', name] as const,
};
