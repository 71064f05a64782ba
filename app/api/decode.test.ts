/**
 * Every 2xx JSON body recorded from a real MLflow 2.17 server decodes into the
 * app's types without loss (mocks/recordings/mlflow-2.17.0/exchanges; tests read
 * it, the app never does).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeExperiment,
  decodeFileInfo,
  decodeMetric,
  decodeMetricPoint,
  decodeModelVersion,
  decodeRegisteredModel,
  decodeRun,
  decodeRunInfo,
  decodeTraceData,
  decodeTraceInfo,
  parseTraceDataText,
} from './decode';
import type {
  WireExperiment,
  WireFileInfo,
  WireKeyValue,
  WireMetric,
  WireMetricWithRunId,
  WireModelVersion,
  WireRegisteredModel,
  WireRun,
  WireSpan,
  WireTraceInfo,
} from './wire';

const DIR = path.resolve(__dirname, '../../mocks/recordings/mlflow-2.17.0/exchanges');

interface Recorded {
  name: string;
  path: string;
  status: number;
  response: Record<string, unknown>;
  response_headers: Record<string, string>;
}

const all: Recorded[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && f !== '_index.json')
  .map((f) => ({
    ...(JSON.parse(readFileSync(path.join(DIR, f), 'utf8')) as Omit<Recorded, 'name'>),
    name: f.slice(0, -5),
  }));
const ok = all.filter((x) => x.status >= 200 && x.status < 300);
const DBL_MAX = 1.7976931348623157e308;

function expectMetricValue(wire: WireMetric['value'], value: number): void {
  if (wire === 'NaN') expect(value).toBeNaN();
  else if (wire === DBL_MAX) expect(value).toBe(Infinity);
  else expect(value).toBe(wire);
}

function expectTags(wire: WireKeyValue[] | undefined, decoded: Record<string, string>): void {
  expect(Object.keys(decoded)).toHaveLength(new Set((wire ?? []).map((t) => t.key)).size);
  for (const t of wire ?? []) expect(decoded[t.key]).toBe(t.value);
}

function checkRun(w: WireRun): void {
  const r = decodeRun(w);
  expect(r.info.id).toBe(w.info.run_id);
  expect(r.info.name).toBe(w.info.run_name ?? '');
  expect(r.info.endTime).toBe(w.info.end_time ?? null);
  expect(Object.keys(r.metrics)).toHaveLength(w.data?.metrics?.length ?? 0);
  for (const m of w.data?.metrics ?? []) expectMetricValue(m.value, r.metrics[m.key]?.value ?? NaN);
  expect(Object.keys(r.params)).toHaveLength(w.data?.params?.length ?? 0);
  expectTags(w.data?.tags, r.tags);
  expect(r.datasets).toHaveLength(w.inputs?.dataset_inputs?.length ?? 0);
  r.datasets.forEach((d, i) => {
    const wd = w.inputs?.dataset_inputs?.[i];
    expect(d.dataset.name).toBe(wd?.dataset.name);
    expect(d.context).toBe(wd?.tags?.find((t) => t.key === 'mlflow.data.context')?.value ?? null);
    if (wd?.dataset.schema) expect(typeof d.dataset.schema).toBe('object');
  });
  expect(r.parentRunId).toBe(r.tags['mlflow.parentRunId'] ?? null);
}

function checkVersion(w: WireModelVersion): void {
  const v = decodeModelVersion(w);
  expect([v.name, v.version, v.currentStage, v.source, v.runId]).toEqual([
    w.name,
    w.version,
    w.current_stage,
    w.source ?? '',
    w.run_id ?? '',
  ]);
  expect(v.aliases).toEqual(w.aliases ?? []);
  expectTags(w.tags, v.tags);
}

function checkModel(w: WireRegisteredModel): void {
  const m = decodeRegisteredModel(w);
  expect(m.latestVersions).toHaveLength(w.latest_versions?.length ?? 0);
  expect(Object.entries(m.aliases)).toEqual((w.aliases ?? []).map((a) => [a.alias, a.version]));
  expectTags(w.tags, m.tags);
  w.latest_versions?.forEach(checkVersion);
}

function checkTraceInfo(w: WireTraceInfo): void {
  const t = decodeTraceInfo(w);
  expect(t.requestId).toMatch(/^[0-9a-f]{32}$/);
  expect(t.status).toBe(w.status);
  expect(t.name).toBe(w.tags?.find((x) => x.key === 'mlflow.traceName')?.value ?? '');
  expect(t.sourceRunId).toBe(
    w.request_metadata?.find((x) => x.key === 'mlflow.sourceRun')?.value ?? null,
  );
  expectTags(w.request_metadata, t.requestMetadata);
}

/** The recorded response object, cut out of the file text so ns integers keep every digit. */
function rawResponse(name: string): string {
  const raw = readFileSync(path.join(DIR, `${name}.json`), 'utf8');
  const start = raw.indexOf('\n  "response": ') + '\n  "response": '.length;
  return raw.slice(start, raw.indexOf(',\n  "response_headers"', start));
}

function checkTraceData(x: Recorded): void {
  const text = rawResponse(x.name);
  const data = decodeTraceData(parseTraceDataText(text));
  const wire = (x.response as { spans: WireSpan[] }).spans;
  expect(data.spans).toHaveLength(wire.length);
  // exact ns offsets, computed from the digits in the file
  const starts = [...text.matchAll(/"start_time": (\d+)/g)].map((m) => BigInt(m[1] ?? ''));
  const origin = starts.reduce((a, b) => (b < a ? b : a));
  data.spans.forEach((s, i) => {
    expect(s.spanId).toBe(wire[i]?.context.span_id); // order preserved
    expect(s.parentId).toBe(wire[i]?.parent_id);
    const start = starts[i];
    expect(start, `start_time of span ${i}`).toBeTypeOf('bigint');
    expect(BigInt(s.startNs)).toBe((start ?? 0n) - origin);
    expect(Number.isInteger(s.startNs)).toBe(true);
    expect(s.status).toBe(wire[i]?.status_code === 'ERROR' ? 'ERROR' : 'OK');
    const type = wire[i]?.attributes?.['mlflow.spanType'];
    if (type) expect(s.spanType).toBe(JSON.parse(type));
    expect(s.events).toHaveLength(wire[i]?.events?.length ?? 0);
  });
}

type Check = (x: Recorded) => number;

/** One decoder per endpoint; each returns how many objects it decoded. */
const CHECKS: [RegExp, Check][] = [
  [
    /\/experiments\/search$/,
    (x) =>
      ((x.response.experiments as WireExperiment[]) ?? []).map((e) => decodeExperiment(e)).length,
  ],
  [
    /\/experiments\/get(-by-name)?$/,
    (x) => {
      const w = x.response.experiment as WireExperiment;
      const e = decodeExperiment(w);
      expectTags(w.tags, e.tags);
      expect(e.description).toBe(e.tags['mlflow.note.content'] ?? '');
      return 1;
    },
  ],
  [/\/experiments\/create$/, (x) => Number(typeof x.response.experiment_id === 'string')],
  [/\/runs\/search$/, (x) => ((x.response.runs as WireRun[]) ?? []).map(checkRun).length],
  [/\/runs\/(get|create)$/, (x) => (checkRun(x.response.run as WireRun), 1)],
  [
    /\/runs\/update$/,
    (x) => Number(decodeRunInfo(x.response.run_info as WireRun['info']).status === 'FINISHED'),
  ],
  [
    /\/metrics\/get-history$/,
    (x) =>
      ((x.response.metrics as WireMetric[]) ?? []).map((m) =>
        expectMetricValue(m.value, decodeMetric(m).value),
      ).length,
  ],
  [
    /\/metrics\/get-history-bulk(-interval)?$/,
    (x) =>
      ((x.response.metrics as WireMetricWithRunId[]) ?? []).map((m) => {
        const p = decodeMetricPoint(m);
        expect(p.runId).toBe(m.run_id);
        expectMetricValue(m.value, p.value);
      }).length,
  ],
  [
    /\/artifacts\/list$|\/mlflow-artifacts\/artifacts$/,
    (x) =>
      ((x.response.files as WireFileInfo[]) ?? []).map((f) => {
        const d = decodeFileInfo(f);
        expect(d.fileSize).toBe(f.is_dir ? null : f.file_size);
      }).length + 1,
  ],
  [
    /\/registered-models\/search$/,
    (x) => ((x.response.registered_models as WireRegisteredModel[]) ?? []).map(checkModel).length,
  ],
  [
    /\/registered-models\/(get|create|update|rename)$/,
    (x) => (checkModel(x.response.registered_model as WireRegisteredModel), 1),
  ],
  [
    /\/model-versions\/search$|\/get-latest-versions$/,
    (x) => ((x.response.model_versions as WireModelVersion[]) ?? []).map(checkVersion).length,
  ],
  [
    /\/model-versions\/(get|create|update|transition-stage)$|\/registered-models\/alias$/,
    (x) => {
      if (!x.response.model_version) return 1; // alias writes answer {}
      checkVersion(x.response.model_version as WireModelVersion);
      return 1;
    },
  ],
  [/\/traces$/, (x) => ((x.response.traces as WireTraceInfo[]) ?? []).map(checkTraceInfo).length],
  [/\/traces\/[^/]+\/info$/, (x) => (checkTraceInfo(x.response.trace_info as WireTraceInfo), 1)],
  [/\/get-trace-artifact$/, (x) => (checkTraceData(x), 1)],
  [/\/get-download-uri$/, (x) => Number(typeof x.response.artifact_uri === 'string')],
  [/\/delete-traces$/, (x) => Number(typeof x.response.traces_deleted === 'number')],
];

/** 2xx answers that carry nothing to decode: writes answering {}, files, GraphQL, /version, /health. */
function nothingToDecode(x: Recorded): boolean {
  const ct = x.response_headers['Content-Type'] ?? '';
  return (
    (ct.startsWith('application/json') && Object.keys(x.response).length === 0) ||
    !ct.startsWith('application/json') ||
    x.path.endsWith('/graphql')
  );
}

describe('decoders on every recorded 2xx JSON body', () => {
  const decodable = ok.filter((x) => !nothingToDecode(x) || x.path.endsWith('/get-trace-artifact'));

  it('has a decoder for each of them', () => {
    const missing = decodable
      .filter((x) => !CHECKS.some(([re]) => re.test(x.path)))
      .map((x) => x.name);
    expect(missing).toEqual([]);
    expect(decodable.length).toBeGreaterThan(130);
  });

  for (const x of decodable) {
    it(x.name, () => {
      const check = CHECKS.find(([re]) => re.test(x.path));
      expect(check, x.path).toBeTruthy();
      if (check) expect(check[1](x)).toBeGreaterThan(0);
    });
  }

  it('turns "NaN" into NaN and SQLite +inf into Infinity', () => {
    const run = decodeRun(
      (all.find((x) => x.name === 'runs_get_failed_nan')?.response as { run: WireRun }).run,
    );
    expect(run.metrics['val/loss']?.value).toBeNaN();
    expect(run.metrics['train/loss']?.value).toBe(Infinity);
    const hist = (
      all.find((x) => x.name === 'metrics_get_history_nan_inf')?.response.metrics as WireMetric[]
    ).map((m) => decodeMetric(m));
    expect(hist.filter((m) => Number.isNaN(m.value)).length).toBeGreaterThan(0);
  });

  it('keeps span attributes as parsed JSON and exception events', () => {
    const data = decodeTraceData(parseTraceDataText(rawResponse('trace_artifact_error_root')));
    const root = data.spans[0];
    expect(root?.status).toBe('ERROR');
    expect(root?.inputs).toEqual({ ok: true, value: { q: 'divide five by zero' } });
    expect(root?.events[0]?.attributes['exception.type']).toBe('ZeroDivisionError');
    expect(root?.events[0]?.offsetNs).toBeGreaterThan(0);
    const unicode = decodeTraceData(
      parseTraceDataText(rawResponse('trace_artifact_unicode_custom_type')),
    );
    expect(unicode.spans[0]?.spanType).toBe('CUSTOM_TYPE');
    expect(unicode.request).toEqual({ ok: true, value: 'plain string input' });
    expect(unicode.response).toEqual({ ok: true, value: null });
  });
});
