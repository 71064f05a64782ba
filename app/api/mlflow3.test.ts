// @vitest-environment node
/**
 * MLflow 3 shapes, trimmed from what a real 3.18.0 server answered (the full
 * exchanges are the recordings' job; these pin the decoders' reading of them).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeModelVersion, decodeRun, decodeTraceInfo } from './decode';
import { setApiBaseUrl } from './http';
import { forgetServerLine, lineOf } from './server-line';
import { decodeTraceData, parseTraceDataText, v3IdToHex } from './trace-decode';
import { getTraceInfo, searchTraces } from './traces';

const TRACE_ID = 'tr-85b976e2d9360751cdcb3e5a18236cb2';

const v3Info = {
  trace_id: TRACE_ID,
  trace_location: { type: 'MLFLOW_EXPERIMENT', mlflow_experiment: { experiment_id: '1' } },
  request_time: '2026-12-05T09:08:52.497Z',
  execution_duration: '0.076s',
  state: 'OK',
  trace_metadata: {
    'mlflow.trace.user': 'alice',
    'mlflow.trace.session': 's1',
    'mlflow.traceInputs': '{"q": "hello"}',
  },
  tags: { 'mlflow.traceName': 'agent', env: 'test' },
  request_preview: '{"q": "hello"}',
  response_preview: 'hi <script>alert(1)</script>',
  assessments: [
    {
      assessment_id: 'a-fb46',
      assessment_name: 'correct',
      trace_id: TRACE_ID,
      source: { source_type: 'HUMAN', source_id: 'bob' },
      create_time: '2026-12-05T09:09:33.524Z',
      last_update_time: '2026-12-05T09:09:33.524Z',
      feedback: { value: true },
      rationale: 'looks <b>right</b>',
      valid: false,
    },
    {
      assessment_id: 'a-995e',
      assessment_name: 'expected',
      trace_id: TRACE_ID,
      span_id: 'a41c78f7e5f9d864',
      source: { source_type: 'HUMAN', source_id: 'default' },
      create_time: '2026-12-05T09:09:33.592Z',
      last_update_time: '2026-12-05T09:09:33.592Z',
      expectation: {
        serialized_value: { serialization_format: 'JSON_FORMAT', value: '{"answer": "hi"}' },
      },
      valid: true,
    },
    {
      assessment_id: 'a-0b5d',
      assessment_name: 'correct',
      trace_id: TRACE_ID,
      source: { source_type: 'HUMAN', source_id: 'carol' },
      create_time: '2026-12-05T09:09:33.622Z',
      last_update_time: '2026-12-05T09:09:33.622Z',
      feedback: { value: false },
      rationale: 'actually wrong',
      overrides: 'a-fb46',
      valid: true,
    },
  ],
};

describe('MLflow 3 trace info', () => {
  it('reads the v3 shape: maps, ISO times, durations, state, previews, session and user', () => {
    const t = decodeTraceInfo(v3Info);
    expect(t).toMatchObject({
      requestId: TRACE_ID,
      experimentId: '1',
      timestampMs: Date.UTC(2026, 11, 5, 9, 8, 52, 497),
      executionTimeMs: 76,
      status: 'OK',
      name: 'agent',
      tags: { env: 'test', 'mlflow.traceName': 'agent' },
      requestPreview: '{"q": "hello"}',
      responsePreview: 'hi <script>alert(1)</script>',
      sessionId: 's1',
      userId: 'alice',
    });
  });

  it('reads feedback, serialized expectations, span targets and overrides', () => {
    const [first, expected, override] = decodeTraceInfo(v3Info).assessments;
    expect(first).toMatchObject({
      kind: 'feedback',
      value: true,
      valid: false,
      spanId: null,
      source: { type: 'HUMAN', id: 'bob' },
    });
    expect(expected).toMatchObject({
      kind: 'expectation',
      value: { answer: 'hi' },
      spanId: 'a41c78f7e5f9d864',
    });
    expect(override).toMatchObject({
      value: false,
      overrides: 'a-fb46',
      rationale: 'actually wrong',
      valid: true,
    });
    expect(override?.createTime).toBe(Date.parse('2026-12-05T09:09:33.622Z'));
  });

  it('still reads the 2.x shape, with no assessments', () => {
    const t = decodeTraceInfo({
      request_id: 'tr-1',
      experiment_id: '5',
      timestamp_ms: 1730000000000,
      execution_time_ms: 12,
      status: 'ERROR',
      request_metadata: [{ key: 'mlflow.trace.session', value: 's9' }],
      tags: [{ key: 'mlflow.traceName', value: 'x' }],
    });
    expect(t).toMatchObject({
      requestId: 'tr-1',
      status: 'ERROR',
      assessments: [],
      sessionId: 's9',
      name: 'x',
    });
  });

  it('refuses a v3 duration it cannot read, naming the field', () => {
    expect(() => decodeTraceInfo({ ...v3Info, execution_duration: 76 })).toThrow(
      'trace_info.execution_duration should be a duration such as "1.5s", but is number 76',
    );
  });
});

describe('MLflow 3 span data (get-trace-artifact in the v3 span schema)', () => {
  const body = `{"spans":[
    {"trace_id": "hbl24tk2B1HNyz5aGCNssg==", "span_id": "pBx49+X52GQ=", "parent_span_id": null, "name": "agent", "kind": "SPAN_KIND_INTERNAL",
     "start_time_unix_nano": 1796461732497961342, "end_time_unix_nano": 1796461732573565435, "events": [],
     "status": {"code": "STATUS_CODE_OK", "message": ""},
     "attributes": {"mlflow.spanType": "\\"AGENT\\"", "mlflow.spanInputs": "{\\"q\\": \\"hello\\"}"}, "links": []},
    {"trace_id": "hbl24tk2B1HNyz5aGCNssg==", "span_id": "EfIfInv8tTU=", "parent_span_id": "pBx49+X52GQ=", "name": "retrieve", "kind": "SPAN_KIND_INTERNAL",
     "start_time_unix_nano": 1796461732572693318, "end_time_unix_nano": 1796461732572935468,
     "events": [{"name": "exception", "time_unix_nano": 1796461732572700000, "attributes": {"exception.message": "boom"}}],
     "status": {"code": "STATUS_CODE_ERROR", "message": "boom"},
     "attributes": {"mlflow.spanType": "\\"RETRIEVER\\""}, "links": []}
  ]}`;

  it('turns base64 ids into the hex MLflow 3 uses elsewhere, keeps exact ns offsets and reads status', () => {
    const { spans } = decodeTraceData(parseTraceDataText(body));
    const [root, child] = spans;
    expect(root).toMatchObject({
      spanId: 'a41c78f7e5f9d864',
      parentId: null,
      name: 'agent',
      spanType: 'AGENT',
      status: 'OK',
      startNs: 0,
    });
    expect(root?.endNs).toBe(75_604_093); // 1796461732573565435 - 1796461732497961342, exact
    expect(root?.traceId).toBe('85b976e2d9360751cdcb3e5a18236cb2');
    expect(child).toMatchObject({
      spanId: '11f21f227bfcb535',
      parentId: 'a41c78f7e5f9d864',
      status: 'ERROR',
      statusMessage: 'boom',
    });
    expect(child?.startNs).toBe(74_731_976);
    expect(child?.events[0]).toMatchObject({ name: 'exception', offsetNs: 74_738_658 });
    expect(root?.inputs).toEqual({ ok: true, value: { q: 'hello' } });
  });

  it('keeps hex ids (as 3.5.0 wrote them) and odd strings as they are', () => {
    expect(v3IdToHex('a41c78f7e5f9d864')).toBe('a41c78f7e5f9d864');
    expect(v3IdToHex('pBx49+X52GQ=')).toBe('a41c78f7e5f9d864');
    expect(v3IdToHex('not base64!')).toBe('not base64!');
    expect(v3IdToHex(null)).toBe('');
  });

  it('names the span that is not an object', () => {
    expect(() => decodeTraceData({ spans: [{ name: 'a' }, 'x'] })).toThrow(
      'spans[1] should be an object',
    );
  });
});

describe('MLflow 3 runs and model versions', () => {
  it('reads model outputs and metrics measured per model and dataset', () => {
    const r = decodeRun({
      info: { run_uuid: '9e81', run_id: '9e81', experiment_id: '1', status: 'FINISHED' },
      data: {
        metrics: [
          {
            key: 'acc',
            value: 0.9,
            timestamp: 1,
            step: 0,
            model_id: 'm-685a',
            dataset_name: 'eval',
            dataset_digest: 'd1',
          },
        ],
      },
      inputs: {},
      outputs: { model_outputs: [{ model_id: 'm-685a', step: 0 }] },
    });
    expect(r.modelOutputs).toEqual([{ modelId: 'm-685a', step: 0 }]);
    expect(r.modelInputs).toEqual([]);
    expect(r.metrics.acc).toMatchObject({
      value: 0.9,
      modelId: 'm-685a',
      datasetName: 'eval',
      datasetDigest: 'd1',
    });
  });

  it('finds the logged model of a version from model_id or a models:/m-… source', () => {
    expect(
      decodeModelVersion({
        name: 'p',
        version: '1',
        source: 'models:/m-685adfa5986b404a92b32757f9467fc2',
      }).modelId,
    ).toBe('m-685adfa5986b404a92b32757f9467fc2');
    expect(
      decodeModelVersion({ name: 'p', version: '2', source: 's3://x', model_id: 'm-1' }).modelId,
    ).toBe('m-1');
    expect(
      decodeModelVersion({ name: 'p', version: '3', source: 'runs:/r/model' }).modelId,
    ).toBeNull();
  });
});

describe('which trace API a server gets', () => {
  let version = '3.18.0';
  const seen: string[] = [];
  beforeEach(() => {
    setApiBaseUrl('http://mlflow.test');
    forgetServerLine();
    seen.length = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        const u = new URL(url);
        seen.push(`${init?.method ?? 'GET'} ${u.pathname}`);
        if (u.pathname === '/version') return new Response(version);
        if (u.pathname === '/api/3.0/mlflow/traces/search')
          return Response.json({ traces: [v3Info] });
        if (u.pathname === `/api/3.0/mlflow/traces/${TRACE_ID}`)
          return Response.json({ trace: { trace_info: v3Info } });
        if (u.pathname === '/api/2.0/mlflow/traces') return Response.json({});
        return new Response('{}', { status: 404 });
      }),
    );
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    setApiBaseUrl('');
    forgetServerLine();
  });

  it('uses the v3 search and trace info on 3.x, asking /version once', async () => {
    version = '3.18.0';
    const page = await searchTraces({ experimentIds: ['1'], filter: "tags.env = 'test'" });
    expect(page.items[0]?.assessments).toHaveLength(3);
    expect((await getTraceInfo(TRACE_ID)).sessionId).toBe('s1');
    expect(seen).toEqual([
      'GET /version',
      'POST /api/3.0/mlflow/traces/search',
      `GET /api/3.0/mlflow/traces/${TRACE_ID}`,
    ]);
  });

  it('uses the 2.x search on 2.17', async () => {
    version = '2.17.0';
    await searchTraces({ experimentIds: ['1'] });
    expect(seen).toEqual(['GET /version', 'GET /api/2.0/mlflow/traces']);
  });

  it('reads the line from the version', () => {
    expect(lineOf('2.17.0')).toBe(2);
    expect(lineOf('3.18.0')).toBe(3);
    expect(lineOf('4.0.0rc1')).toBe(3);
    expect(lineOf('garbage')).toBe(2);
  });
});
