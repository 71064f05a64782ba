/**
 * The 3.x demo's trace API against the recorded MLflow 3.18.0 exchanges
 * (mocks/recordings/mlflow-3.18.0): each answer has the recorded shape
 * (contract/shape.ts), and the semantics asked of a real 3.18.0 hold
 * (assessment validation, overrides, feedback filters, errors).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTraceDataText } from '../../app/api/decode';
import { at } from '../../app/lib/at';
import { shapeDiff } from '../contract/shape';
import { createDemoDb, demoIds } from '../seed';
import { ASSESSED_EXPERIMENT } from '../seed/genai-scale';
import { line3TraceId } from '../seed/trace-v3';
import { client, type Call } from './test-client';

const DIR = path.resolve(__dirname, '../recordings/mlflow-3.18.0/exchanges');
const recorded = (name: string): { status: number; response: unknown } =>
  JSON.parse(readFileSync(path.join(DIR, `${name}.json`), 'utf8')) as {
    status: number;
    response: unknown;
  };

function demo3(extra = {}): { call: Call; db: ReturnType<typeof createDemoDb>['db'] } {
  const { db } = createDemoDb({ line: '3.18.0', ...extra });
  return { call: client(db), db };
}

const loc = (experimentId: string) => [
  { type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: experimentId } },
];

const ASSESSED = line3TraceId('09fcf60b3caa4fc2980ec045557e57d0');
const OVERRIDDEN = line3TraceId('8bb6da8ad2a54129b60293ccc98c06da');

function experimentNamed(db: ReturnType<typeof demo3>['db'], name: string): string {
  for (const e of db.experiments.values()) if (e.name === name) return e.experiment_id;
  throw new Error(`no experiment ${name}`);
}

type Traces = { traces?: Record<string, unknown>[]; next_page_token?: string };

/**
 * Tags and metadata are maps: only their `mlflow.*` keys have a fixed meaning,
 * so user keys (`env`, `topic`, ...) are left out of the shape comparison. A
 * feedback value may be any JSON value (the recording has no object one). OTLP
 * span attributes (a key/value list) are an open map too: checked on their own.
 */
function mapsOpen(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(mapsOpen);
  if (!body || typeof body !== 'object') return body;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if ((k === 'tags' || k === 'trace_metadata') && v && typeof v === 'object' && !Array.isArray(v))
      out[k] = Object.fromEntries(Object.entries(v).filter(([key]) => key.startsWith('mlflow.')));
    else if (k === 'attributes' && Array.isArray(v)) out[k] = [];
    else if (k === 'feedback' && v && typeof v === 'object' && 'value' in v)
      out[k] = { value: typeof v.value === 'object' && v.value !== null ? 'json' : v.value };
    else out[k] = mapsOpen(v);
  }
  return out;
}

describe('3.x demo: v3 traces', () => {
  it('answers the v3 search, info, spans and errors in the recorded shapes', async () => {
    const { call } = demo3();
    const search = await call('POST', '/api/3.0/mlflow/traces/search', {
      locations: loc(demoIds.EXP_LLM),
      max_results: 100,
    });
    expect(search.status).toBe(200);
    const traces = (search.body as Traces).traces ?? [];
    expect(traces.length).toBeGreaterThan(15);
    expect(traces.every((t) => String(t.trace_id).startsWith('tr-'))).toBe(true);
    const rec = recorded('traces_search_v3_assessments').response;
    expect(
      shapeDiff(mapsOpen(rec), mapsOpen(search.body), [
        mapsOpen(recorded('traces_search_v3').response),
      ]),
    ).toEqual([]);

    const info = await call('GET', `/api/3.0/mlflow/traces/${ASSESSED}`);
    expect(
      shapeDiff(mapsOpen(recorded('traces_get_info_v3_assessed').response), mapsOpen(info.body)),
    ).toEqual([]);

    const missing = await call('GET', '/api/3.0/mlflow/traces/tr-00000000000000000000000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(recorded('error_trace_info_v3_not_found').response);

    const bad = await call('POST', '/api/3.0/mlflow/traces/search', {
      locations: loc(demoIds.EXP_LLM),
      filter: 'nonsense ==',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual(recorded('error_traces_search_v3_bad_filter').response);

    const got = await call('GET', '/api/3.0/mlflow/traces/get', { trace_id: ASSESSED });
    // The client's own read of an assessed trace (it has double attribute values too).
    expect(
      shapeDiff(mapsOpen(recorded('client_get_trace_assessed_2').response), mapsOpen(got.body), [
        mapsOpen(recorded('traces_get_v3_with_spans').response),
      ]),
    ).toEqual([]);
    const root = at(
      (got.body.trace as { spans: { attributes: { key: string; value: unknown }[] }[] }).spans,
      0,
      'root span',
    );
    expect(root.attributes.find((a) => a.key === 'mlflow.spanType')?.value).toEqual({
      string_value: 'AGENT',
    });
    expect(root.attributes.find((a) => a.key === 'mlflow.spanInputs')?.value).toEqual({
      kvlist_value: {
        values: [
          { key: 'question', value: { string_value: 'How do I log a metric?' } },
          { key: 'use_tool', value: { bool_value: false } },
          { key: 'bad_tool', value: { bool_value: false } },
        ],
      },
    });
  });

  it('serves span data in the v3 schema through get-trace-artifact', async () => {
    const { call } = demo3();
    const id = line3TraceId(demoIds.TRACE_ERROR);
    const res = await call('GET', '/ajax-api/2.0/mlflow/get-trace-artifact', { request_id: id });
    expect(res.status).toBe(200);
    expect(res.text.startsWith('{"spans":[{"trace_id": "')).toBe(true);
    const body = parseTraceDataText(res.text) as { spans: Record<string, unknown>[] };
    const rec = JSON.parse(
      (recorded('ajax_trace_artifact_agent').response as { text: string }).text,
    ) as unknown;
    expect(shapeDiff(rec, JSON.parse(res.text))).toEqual([]);
    const span = at(body.spans, 0, 'first span');
    expect(span.status).toEqual({
      code: 'STATUS_CODE_ERROR',
      message: "ZeroDivisionError: division by zero in tool 'calculator'",
    });
    expect((span.attributes as Record<string, string>)['mlflow.traceRequestId']).toBe(
      JSON.stringify(id),
    );
    // exact nanoseconds survive the conversion
    expect(res.text).toContain('"start_time_unix_nano": 1795808409226497234');
  });

  it('keeps the 2.17 demo free of v3 endpoints and tr- ids', async () => {
    const { db } = createDemoDb({ line: '2.17.0' });
    const call = client(db);
    const res = await call('POST', '/api/3.0/mlflow/traces/search', { locations: loc('5') });
    expect(res.status).toBe(404);
    expect(res.contentType).toContain('text/html');
    expect([...db.traces.keys()].some((k) => k.startsWith('tr-'))).toBe(false);
  });
});

describe('3.x demo: assessments', () => {
  it('creates, reads, updates and deletes as 3.18 does', async () => {
    const { call } = demo3();
    const base = `/api/3.0/mlflow/traces/${ASSESSED}/assessments`;
    const made = await call('POST', base, {
      assessment: {
        trace_id: ASSESSED,
        assessment_name: 'helpful',
        source: { source_type: 'HUMAN', source_id: 'carol@example.com' },
        feedback: { value: true },
        rationale: 'Clear answer.',
      },
    });
    expect(made.status).toBe(200);
    expect(shapeDiff(recorded('write_assessments_create_feedback').response, made.body)).toEqual(
      [],
    );
    const id = (made.body.assessment as { assessment_id: string }).assessment_id;
    expect(id).toMatch(/^a-[0-9a-f]{32}$/);

    const upd = await call('PATCH', `${base}/${id}`, {
      assessment: {
        assessment_id: id,
        feedback: { value: false },
        rationale: 'On reflection, no.',
      },
      update_mask: 'feedback,rationale',
    });
    expect(shapeDiff(recorded('write_assessments_update').response, upd.body)).toEqual([]);
    expect(upd.body.assessment).toMatchObject({
      feedback: { value: false },
      rationale: 'On reflection, no.',
    });

    const wrongKind = await call('PATCH', `${base}/${id}`, {
      assessment: { expectation: { value: 'x' } },
      update_mask: 'expectation',
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.message).toBe(
      'Cannot update expectation value on a Feedback assessment.',
    );
    const noMask = await call('PATCH', `${base}/${id}`, { assessment: { rationale: 'x' } });
    expect(noMask.body.message).toMatch(/Missing value for required parameter 'update_mask'/);

    const del = await call('DELETE', `${base}/${id}`, { trace_id: ASSESSED, assessment_id: id });
    expect(del.status).toBe(200);
    expect(del.body).toEqual({});
    const gone = await call('GET', `${base}/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: `Assessment with ID '${id}' not found for trace '${ASSESSED}'`,
      sqlstate: 'KAM00',
      error_class: 'RESOURCE_NOT_FOUND',
    });
    expect((await call('DELETE', `${base}/a-missing`)).body).toEqual({});
  });

  it('refuses what 3.18 refuses', async () => {
    const { call } = demo3();
    const base = `/api/3.0/mlflow/traces/${ASSESSED}/assessments`;
    const noValue = await call('POST', base, {
      assessment: { assessment_name: 'x', source: { source_type: 'HUMAN', source_id: 'me' } },
    });
    expect(noValue.status).toBe(400);
    expect(noValue.body.message).toBe('Unknown assessment type: None');
    const noBody = await call('POST', base, {});
    expect(noBody.body.message).toMatch(/required parameter 'assessment'/);
    const noTrace = await call(
      'POST',
      '/api/3.0/mlflow/traces/tr-00000000000000000000000000000000/assessments',
      { assessment: { assessment_name: 'x', feedback: { value: 1 } } },
    );
    expect(noTrace.status).toBe(404);
    const badOverride = await call('POST', base, {
      assessment: { assessment_name: 'x', feedback: { value: 1 }, overrides: 'a-nope' },
    });
    expect(badOverride.status).toBe(404);
  });

  it('an override turns the old one invalid, and valid again when it goes', async () => {
    const { call } = demo3();
    const validity = async () => {
      const r = await call('GET', `/api/3.0/mlflow/traces/${OVERRIDDEN}`);
      const list = ((r.body.trace as { trace_info: { assessments: Record<string, unknown>[] } })
        .trace_info.assessments ?? []) as {
        assessment_name: string;
        valid: boolean;
        overrides?: string;
        assessment_id: string;
      }[];
      return list.filter((a) => a.assessment_name === 'correct');
    };
    const before = await validity();
    expect(before.map((a) => a.valid)).toEqual([false, true]);
    const [old, override] = [at(before, 0, 'old'), at(before, 1, 'override')];
    expect(override.overrides).toBe(old.assessment_id);
    await call(
      'DELETE',
      `/api/3.0/mlflow/traces/${OVERRIDDEN}/assessments/${override.assessment_id}`,
    );
    expect((await validity()).map((a) => a.valid)).toEqual([true]);
  });

  it('filters on feedback values as the server stores them', async () => {
    const { call } = demo3();
    const ids = async (filter: string) => {
      const r = await call('POST', '/api/3.0/mlflow/traces/search', {
        locations: loc(demoIds.EXP_LLM),
        filter,
      });
      expect(r.status).toBe(200);
      return ((r.body as Traces).traces ?? []).map((t) => t.trace_id);
    };
    const passed = await ids("feedback.correct = 'true'");
    expect(passed).toContain(ASSESSED);
    expect(passed).toContain(OVERRIDDEN); // the human's verdict counts, not the overridden judge's
    expect(await ids("feedback.correct = 'false'")).not.toContain(OVERRIDDEN);
    expect(await ids("feedback.tone = 'polite'")).toEqual([ASSESSED]);
    expect(await ids('feedback.relevance > 0.85')).toHaveLength(2);
    expect((await ids('feedback.relevance IS NOT NULL')).length).toBe(4);
    const bad = await call('POST', '/api/3.0/mlflow/traces/search', {
      locations: loc(demoIds.EXP_LLM),
      filter: 'feedback.x = true',
    });
    expect(bad.body.message).toBe("Invalid clause(s) in filter string: 'feedback.x', '=', 'true'");
  });
});

describe('3.x demo: sessions, evaluations, scale', () => {
  it('groups chat turns by session metadata', async () => {
    const { call, db } = demo3();
    const exp = experimentNamed(db, 'chat-sessions');
    const r = await call('POST', '/api/3.0/mlflow/traces/search', {
      locations: loc(exp),
      filter: "metadata.`mlflow.trace.session` = 'onboarding-17'",
    });
    const traces = (r.body as Traces).traces ?? [];
    expect(traces).toHaveLength(3);
    // The recorded chat turns had no token usage and all answered; 3.18 writes
    // `mlflow.trace.tokenUsage` when a span reports usage (tracing/constant.py),
    // and a failed turn has no response preview (traces_search_v3_filter_error).
    const sessions = structuredClone(recorded('traces_search_v3_sessions').response) as Traces;
    const first = at(sessions.traces ?? [], 0, 'first session trace').trace_metadata as Record<
      string,
      string
    >;
    first['mlflow.trace.tokenUsage'] = '{"input_tokens": 1, "output_tokens": 1, "total_tokens": 2}';
    const failed = recorded('traces_search_v3_filter_error').response;
    expect(shapeDiff(sessions, r.body, [failed])).toEqual([]);
    const all = await call('POST', '/api/3.0/mlflow/traces/search', {
      locations: loc(exp),
      filter: 'metadata.`mlflow.trace.session` IS NOT NULL',
    });
    expect((all.body as Traces).traces).toHaveLength(9);
  });

  it('logs evaluation runs like mlflow.genai.evaluate', async () => {
    const { call, db } = demo3();
    const exp = experimentNamed(db, 'genai-eval');
    const runs = await call('POST', '/api/2.0/mlflow/runs/search', {
      experiment_ids: [exp],
      filter: "tags.`mlflow.runType` = 'genai_evaluate'",
    });
    const list = (runs.body.runs ?? []) as { info: { run_id: string; run_name: string } }[];
    expect(list.map((r) => r.info.run_name).sort()).toEqual(['eval-baseline', 'eval-candidate']);
    const baseline = list.find((r) => r.info.run_name === 'eval-baseline')!.info.run_id;
    const run = await call('GET', '/api/2.0/mlflow/runs/get', { run_id: baseline });
    // `run.outputs` (3.x model outputs) belongs to the logged-models half of the 3.x demo.
    const recordedRun = structuredClone(recorded('runs_get_eval_baseline').response) as {
      run: Record<string, unknown>;
    };
    if (!('outputs' in (run.body.run as object))) delete recordedRun.run.outputs;
    expect(shapeDiff(recordedRun, run.body)).toEqual([]);
    const metrics = (run.body.run as { data: { metrics: { key: string; value: number }[] } }).data
      .metrics;
    expect(Object.fromEntries(metrics.map((m) => [m.key, m.value]))).toEqual({
      'exact_match/mean': 0.6,
      'short_answer/mean': 0.8,
      'word_count/mean': 2.8,
    });
    const traces = await call('POST', '/api/3.0/mlflow/traces/search', {
      locations: loc(exp),
      filter: `metadata.\`mlflow.sourceRun\` = '${baseline}'`,
    });
    expect((traces.body as Traces).traces).toHaveLength(5);
    expect(shapeDiff(recorded('client_search_traces_eval_run_2').response, traces.body)).toEqual(
      [],
    );
  });

  it('seeds N traces with 5 assessment names for the bench', () => {
    const { db } = createDemoDb({ line: '3.18.0', assessedTraces: 50 });
    const exp = experimentNamed(db, ASSESSED_EXPERIMENT);
    const traces = [...db.traces.values()].filter((t) => t.info.experiment_id === exp);
    expect(traces).toHaveLength(50);
    const names = new Set(
      traces.flatMap((t) => (t.assessments ?? []).map((a) => a.assessment_name)),
    );
    expect(names.size).toBe(5);
  });
});
