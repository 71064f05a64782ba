/**
 * Record a real MLflow server's HTTP exchanges into mocks/recordings/mlflow-<version>/:
 * start the server (tools/mlflow-server.ts), log the workload (tools/workload), put
 * tools/record-proxy.ts in front, then make the UI's reads, errors and writes through it
 * (hand-written requests below, then tools/workload/record_calls.py with the real client).
 *
 *   node --import tsx tools/record-mlflow.ts 3.18.0
 */
import { spawn, spawnSync } from 'node:child_process';
import { at } from '../app/lib/at';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mlflowProcessEnv, mlflowVenv, startMlflowServer } from './mlflow-server';
import { startRecordProxy } from './record-proxy';
import { runWorkload, type WorkloadManifest } from './workload-runner';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Call = [name: string, method: string, pathAndQuery: string, body?: unknown];

const A = '/api/2.0/mlflow';
const A3 = '/api/3.0/mlflow';
const X = '/ajax-api/2.0/mlflow';
const q = (o: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(o).map(([k, v]) => [k, String(v)])).toString();

/**
 * The entries of a manifest section that the calls use, each checked present: a missing one
 * stops the recording with its name instead of sending "undefined" to the server.
 * Curried so the value type is given and the keys are inferred.
 */
function has<V>() {
  return <K extends string>(section: unknown, keys: readonly K[], where: string): Record<K, V> => {
    const o = (section ?? {}) as Record<string, unknown>;
    const missing = keys.filter((k) => o[k] === undefined).map((k) => `${where}.${k}`);
    if (missing.length) throw new Error(`The workload manifest lacks ${missing.join(', ')}`);
    return o as Record<K, V>;
  };
}

function calls(m: WorkloadManifest): Call[] {
  const e = has<string>()(
    m.experiments,
    ['assessments', 'hostile', 'logged_models', 'sessions', 'sweep', 'traces'],
    'experiments',
  );
  const r = has<string & string[]>()(
    m.runs,
    ['artifacts', 'failed', 'hostile', 'methods', 'parent', 'rule', 'system_metrics', 'trial'],
    'runs',
  );
  const t = has<string & string[]>()(m.traces, ['agent', 'big', 'error', 'hostile_span'], 'traces');
  const lm = {
    ...has<{ model_id: string; run_id: string }>()(
      m.logged_models,
      ['iris-logreg'],
      'logged_models',
    ),
    ...has<string>()(m.logged_models, ['consumer_run'], 'logged_models'),
    ...has<{ name: string; version: string }>()(m.logged_models, ['registered'], 'logged_models'),
  };
  const ev = has<{ run_id: string }>()(m.evaluations, ['baseline'], 'evaluations');
  const as = m.assessments as { traces: string[]; on_span: { assessment_id: string } };
  const loc = (id: string) => [
    { type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: id } },
  ];
  return [
    ['health', 'GET', '/health'],
    ['version', 'GET', '/version'],
    ['experiments_search_default', 'GET', `${A}/experiments/search?max_results=100`],
    ['experiments_search_view_all', 'GET', `${A}/experiments/search?max_results=100&view_type=ALL`],
    ['experiments_get_sweep', 'GET', `${A}/experiments/get?experiment_id=${e.sweep}`],
    ['experiments_get_hostile', 'GET', `${A}/experiments/get?experiment_id=${e.hostile}`],
    [
      'runs_search_sweep_page1',
      'POST',
      `${A}/runs/search`,
      { experiment_ids: [e.sweep], max_results: 50, order_by: ['attributes.start_time DESC'] },
    ],
    [
      'runs_search_filter_status_failed',
      'POST',
      `${A}/runs/search`,
      { experiment_ids: [e.sweep], filter: "attributes.status = 'FAILED'" },
    ],
    [
      'runs_search_filter_parent',
      'POST',
      `${A}/runs/search`,
      { experiment_ids: [e.sweep], filter: `tags.\`mlflow.parentRunId\` = '${r.parent}'` },
    ],
    [
      'runs_search_logged_models_exp',
      'POST',
      `${A}/runs/search`,
      { experiment_ids: [e.logged_models] },
    ],
    ['runs_get_trial', 'GET', `${A}/runs/get?run_id=${r.trial}`],
    ['runs_get_failed_nan', 'GET', `${A}/runs/get?run_id=${at(r.failed, 0, 'runs.failed')}`],
    ['runs_get_parent', 'GET', `${A}/runs/get?run_id=${r.parent}`],
    ['runs_get_hostile', 'GET', `${A}/runs/get?run_id=${r.hostile}`],
    ['runs_get_artifacts_inputs', 'GET', `${A}/runs/get?run_id=${r.artifacts}`],
    ['runs_get_system_metrics', 'GET', `${A}/runs/get?run_id=${r.system_metrics}`],
    ['runs_get_logged_model_outputs', 'GET', `${A}/runs/get?run_id=${lm['iris-logreg'].run_id}`],
    ['runs_get_logged_model_inputs', 'GET', `${A}/runs/get?run_id=${lm.consumer_run}`],
    ['runs_get_eval_baseline', 'GET', `${A}/runs/get?run_id=${ev.baseline.run_id}`],
    [
      'metrics_get_history',
      'GET',
      `${A}/metrics/get-history?${q({ run_id: r.trial, metric_key: 'val/loss' })}`,
    ],
    [
      'metrics_get_history_nan_inf',
      'GET',
      `${A}/metrics/get-history?${q({ run_id: at(r.failed, 0, 'runs.failed'), metric_key: 'train/loss' })}`,
    ],
    [
      'metrics_get_history_model_dataset',
      'GET',
      `${A}/metrics/get-history?${q({ run_id: lm['iris-logreg'].run_id, metric_key: 'accuracy' })}`,
    ],
    [
      'ajax_metrics_get_history_bulk_interval',
      'GET',
      `${X}/metrics/get-history-bulk-interval?${q({ run_ids: r.trial, metric_key: 'val/loss', max_results: 320 })}`,
    ],
    ['artifacts_list_root', 'GET', `${A}/artifacts/list?run_id=${r.artifacts}`],
    [
      'artifacts_list_images',
      'GET',
      `${A}/artifacts/list?${q({ run_id: r.artifacts, path: 'images' })}`,
    ],
    [
      'artifacts_list_logged_model_run',
      'GET',
      `${A}/artifacts/list?run_id=${lm['iris-logreg'].run_id}`,
    ],
    [
      'get_artifact_png',
      'GET',
      `/get-artifact?${q({ path: 'images/noise.png', run_uuid: r.artifacts })}`,
    ],
    [
      'get_artifact_table_json',
      'GET',
      `/get-artifact?${q({ path: 'tables/predictions.json', run_uuid: r.artifacts })}`,
    ],
    [
      'get_artifact_csv',
      'GET',
      `/get-artifact?${q({ path: 'data/metrics.csv', run_uuid: r.artifacts })}`,
    ],
    [
      'get_artifact_missing_file',
      'GET',
      `/get-artifact?${q({ path: 'nope.txt', run_uuid: r.artifacts })}`,
    ],
    ['registered_models_search_all', 'GET', `${A}/registered-models/search?max_results=100`],
    [
      'registered_models_search_prompts',
      'GET',
      `${A}/registered-models/search?${q({ filter: "tags.`mlflow.prompt.is_prompt` = 'true'", max_results: 100 })}`,
    ],
    ['registered_models_get', 'GET', `${A}/registered-models/get?name=iris-classifier`],
    ['registered_models_get_prompt', 'GET', `${A}/registered-models/get?name=qa-prompt`],
    [
      'registered_models_alias_prompt_production',
      'GET',
      `${A}/registered-models/alias?${q({ name: 'qa-prompt', alias: 'production' })}`,
    ],
    [
      'model_versions_get',
      'GET',
      `${A}/model-versions/get?${q({ name: 'iris-classifier', version: 2 })}`,
    ],
    [
      'model_versions_get_from_logged_model',
      'GET',
      `${A}/model-versions/get?${q({ name: lm.registered.name, version: lm.registered.version })}`,
    ],
    [
      'model_versions_search_prompt',
      'GET',
      `${A}/model-versions/search?${q({ filter: "name='qa-prompt'" })}`,
    ],
    [
      'model_versions_get_artifact_mlmodel',
      'GET',
      `/model-versions/get-artifact?${q({ path: 'MLmodel', name: 'iris-classifier', version: 2 })}`,
    ],
    ['logged_models_get', 'GET', `${A}/logged-models/${lm['iris-logreg'].model_id}`],
    [
      'logged_models_search',
      'POST',
      `${A}/logged-models/search`,
      { experiment_ids: [e.logged_models] },
    ],
    [
      'logged_models_artifacts_directories',
      'GET',
      `${A}/logged-models/${lm['iris-logreg'].model_id}/artifacts/directories`,
    ],
    ['traces_search_v2', 'GET', `${A}/traces?${q({ experiment_ids: e.traces, max_results: 100 })}`],
    ['traces_get_info_v2', 'GET', `${A}/traces/${at(t.agent, 0, 'traces.agent')}/info`],
    [
      'traces_search_v3',
      'POST',
      `${A3}/traces/search`,
      { locations: loc(e.traces), max_results: 100 },
    ],
    [
      'traces_search_v3_page1',
      'POST',
      `${A3}/traces/search`,
      { locations: loc(e.traces), max_results: 3, order_by: ['timestamp_ms DESC'] },
    ],
    [
      'traces_search_v3_filter_error',
      'POST',
      `${A3}/traces/search`,
      { locations: loc(e.traces), filter: "trace.status = 'ERROR'" },
    ],
    [
      'traces_search_v3_filter_tag',
      'POST',
      `${A3}/traces/search`,
      { locations: loc(e.traces), filter: "tags.topic = 'docs'" },
    ],
    [
      'traces_search_v3_sessions',
      'POST',
      `${A3}/traces/search`,
      { locations: loc(e.sessions), max_results: 100 },
    ],
    [
      'traces_search_v3_assessments',
      'POST',
      `${A3}/traces/search`,
      { locations: loc(e.assessments) },
    ],
    ['traces_get_info_v3', 'GET', `${A3}/traces/${at(t.agent, 0, 'traces.agent')}`],
    [
      'traces_get_info_v3_assessed',
      'GET',
      `${A3}/traces/${at(as.traces, 0, 'assessments.traces')}`,
    ],
    ['traces_get_info_v3_error', 'GET', `${A3}/traces/${t.error}`],
    [
      'traces_get_v3_with_spans',
      'GET',
      `${A3}/traces/get?trace_id=${at(t.agent, 0, 'traces.agent')}`,
    ],
    ['traces_get_v3_hostile', 'GET', `${A3}/traces/get?trace_id=${t.hostile_span}`],
    [
      'traces_batch_get',
      'GET',
      `${A3}/traces/batchGet?${q({ trace_ids: at(t.agent, 1, 'traces.agent') })}`,
    ],
    [
      'ajax_trace_artifact_agent',
      'GET',
      `${X}/get-trace-artifact?request_id=${at(t.agent, 0, 'traces.agent')}`,
    ],
    ['ajax_trace_artifact_big', 'GET', `${X}/get-trace-artifact?request_id=${t.big}`],
    [
      'assessments_get',
      'GET',
      `${A3}/traces/${at(as.traces, 0, 'assessments.traces')}/assessments/${as.on_span.assessment_id}`,
    ],
    ['error_trace_info_v3_not_found', 'GET', `${A3}/traces/tr-00000000000000000000000000000000`],
    [
      'error_traces_search_v3_bad_filter',
      'POST',
      `${A3}/traces/search`,
      { locations: loc(e.traces), filter: 'nonsense ==' },
    ],
    [
      'error_logged_model_not_found',
      'GET',
      `${A}/logged-models/m-00000000000000000000000000000000`,
    ],
    ['error_experiment_not_found', 'GET', `${A}/experiments/get?experiment_id=999999`],
    ['error_run_not_found', 'GET', `${A}/runs/get?run_id=00000000000000000000000000000000`],
    [
      'error_runs_search_malformed_filter',
      'POST',
      `${A}/runs/search`,
      { experiment_ids: [e.sweep], filter: 'metrics.x >>' },
    ],
    ['error_unknown_endpoint', 'GET', `${A}/no-such-endpoint`],
    ['error_registered_model_not_found', 'GET', `${A}/registered-models/get?name=no-such-model`],
  ];
}

async function main() {
  const version = process.argv[2] ?? '3.18.0';
  const outDir = path.join(ROOT, 'mocks', 'recordings', `mlflow-${version}`);
  const exchanges = path.join(outDir, 'exchanges');
  fs.rmSync(exchanges, { recursive: true, force: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'runlens-record-'));
  const server = await startMlflowServer({ version, dataDir: path.join(work, 'server') });
  try {
    console.log(`record: MLflow ${version} at ${server.url}; logging the workload`);
    const manifest = await runWorkload({
      version,
      trackingUri: server.url,
      manifestFile: path.join(work, 'manifest.json'),
      logFile: path.join(work, 'workload.log'),
    });
    const proxy = await startRecordProxy({ target: server.url, dir: exchanges });
    for (const [name, method, url, body] of calls(manifest)) {
      proxy.setName(name);
      const res = await fetch(`${proxy.url}${url}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      await res.arrayBuffer();
      if (res.status >= 400 && !name.startsWith('error_'))
        console.log(`record: ${name} answered ${res.status}`);
    }
    proxy.setName(null);
    // Async: the proxy runs in this process and must keep answering meanwhile.
    const py = spawn(
      mlflowVenv(version).python,
      [
        path.join(ROOT, 'tools', 'workload', 'record_calls.py'),
        proxy.url,
        path.join(work, 'manifest.json'),
      ],
      { env: mlflowProcessEnv(), cwd: work, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    await new Promise((resolve) => py.on('exit', resolve));
    await proxy.close();
    fs.writeFileSync(
      path.join(exchanges, '_index.json'),
      `${JSON.stringify({ server: server.url, mlflow_version: version, manifest }, null, 2)}\n`,
    );
    const routes = spawnSync(
      mlflowVenv(version).python,
      [
        '-c',
        "from mlflow.server import app\nfor r in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):\n    print(','.join(sorted(m for m in r.methods if m not in ('HEAD','OPTIONS'))), r.rule)",
      ],
      { env: mlflowProcessEnv(), encoding: 'utf8', cwd: work },
    );
    fs.writeFileSync(path.join(outDir, 'routes.txt'), routes.stdout);
    console.log(`record: ${proxy.written.length} exchanges in ${path.relative(ROOT, exchanges)}`);
  } finally {
    await server.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
