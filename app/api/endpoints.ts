/**
 * Every path Runlens calls, in one place, with the prefix the real servers
 * (2.17 and 3.x) answer on. Some exist only under /ajax-api/2.0 (get-trace-artifact,
 * get-history-bulk); everything else uses the public /api/2.0 prefix.
 */
const API = '/api/2.0/mlflow';
const AJAX = '/ajax-api/2.0/mlflow';
const API3 = '/api/3.0/mlflow';

export const endpoints = {
  experiments: {
    search: `${API}/experiments/search`,
    get: `${API}/experiments/get`,
    create: `${API}/experiments/create`,
    update: `${API}/experiments/update`,
    delete: `${API}/experiments/delete`,
    restore: `${API}/experiments/restore`,
    setTag: `${API}/experiments/set-experiment-tag`,
  },
  runs: {
    search: `${API}/runs/search`,
    get: `${API}/runs/get`,
    create: `${API}/runs/create`,
    update: `${API}/runs/update`,
    delete: `${API}/runs/delete`,
    restore: `${API}/runs/restore`,
    setTag: `${API}/runs/set-tag`,
    deleteTag: `${API}/runs/delete-tag`,
    logBatch: `${API}/runs/log-batch`,
  },
  metrics: {
    getHistory: `${API}/metrics/get-history`,
    getHistoryBulkInterval: `${API}/metrics/get-history-bulk-interval`,
    /** only under /ajax-api */
  },
  artifacts: {
    list: `${API}/artifacts/list`,
    getArtifact: '/get-artifact',
    modelVersionArtifact: '/model-versions/get-artifact',
  },
  registeredModels: {
    search: `${API}/registered-models/search`,
    get: `${API}/registered-models/get`,
    create: `${API}/registered-models/create`,
    update: `${API}/registered-models/update`,
    rename: `${API}/registered-models/rename`,
    delete: `${API}/registered-models/delete`,
    setTag: `${API}/registered-models/set-tag`,
    deleteTag: `${API}/registered-models/delete-tag`,
    alias: `${API}/registered-models/alias`,
  },
  modelVersions: {
    search: `${API}/model-versions/search`,
    get: `${API}/model-versions/get`,
    create: `${API}/model-versions/create`,
    update: `${API}/model-versions/update`,
    delete: `${API}/model-versions/delete`,
    transitionStage: `${API}/model-versions/transition-stage`,
    setTag: `${API}/model-versions/set-tag`,
    deleteTag: `${API}/model-versions/delete-tag`,
  },
  traces: {
    search: `${API}/traces`,
    info: (requestId: string) => `${API}/traces/${encodeURIComponent(requestId)}/info`,
    tags: (requestId: string) => `${API}/traces/${encodeURIComponent(requestId)}/tags`,
    deleteTraces: `${API}/traces/delete-traces`,
    /** only under /ajax-api */
    artifact: `${AJAX}/get-trace-artifact`,
  },
  /** MLflow 3's v3 trace API (absent on 2.x). */
  tracesV3: {
    search: `${API3}/traces/search`,
    info: (traceId: string) => `${API3}/traces/${encodeURIComponent(traceId)}`,
    assessments: (traceId: string) => `${API3}/traces/${encodeURIComponent(traceId)}/assessments`,
    assessment: (traceId: string, assessmentId: string) =>
      `${API3}/traces/${encodeURIComponent(traceId)}/assessments/${encodeURIComponent(assessmentId)}`,
  },
  /** MLflow 3's logged models (absent on 2.x). */
  loggedModels: {
    search: `${API}/logged-models/search`,
    get: (modelId: string) => `${API}/logged-models/${encodeURIComponent(modelId)}`,
    artifactsList: (modelId: string) =>
      `${API}/logged-models/${encodeURIComponent(modelId)}/artifacts/directories`,
    /** only under /ajax-api */
    artifactFile: (modelId: string) =>
      `${AJAX}/logged-models/${encodeURIComponent(modelId)}/artifacts/files`,
  },
  server: {
    version: '/version',
    health: '/health',
    /** Runlens's own server: demo or proxy mode, tracking server reachability. */
    runlensInfo: '/runlens/info',
  },
} as const;
