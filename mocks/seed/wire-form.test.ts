// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { at } from '../../app/lib/at';
import type { WireSpan, WireTraceData } from '../../app/api/wire';
import { force } from '../db';
import { MAX_DOUBLE } from './build';
import { createDemoDb, demoIds } from './index';
import { crc32 } from './png';
import { PyFloat, pyDumps, pyStr } from './pyjson';

const { db } = createDemoDb({ line: '2.17.0', largeJsonBytes: 200_000 });

/** A span attribute's raw JSON text; a missing one fails the test by name. */
function attr(span: WireSpan, key: string): string {
  const v = span.attributes?.[key];
  if (v === undefined) throw new Error(`span ${span.name} has no attribute ${key}`);
  return v;
}

function bytesOf(body: string | Uint8Array): Uint8Array {
  return typeof body === 'string' ? new TextEncoder().encode(body) : body;
}

function file(runId: string, path: string) {
  const f = db.artifacts.get(runId)?.find((x) => x.path === path);
  if (!f) throw new Error(`no ${path}`);
  return f;
}

function spansOf(requestId: string): { text: string; data: WireTraceData } {
  const text = force(db.traces.get(requestId)!.data);
  return { text, data: JSON.parse(text) as WireTraceData };
}

describe('metric values in wire form', () => {
  it('stores NaN as "NaN" and +inf as 1.7976931348623157e+308, as the server sends them', () => {
    const failed = db.runs.get(demoIds.R_FAILED)!;
    expect(failed.latest.get('val/loss')).toMatchObject({ value: 'NaN', step: 1999 });
    expect(failed.latest.get('train/loss')).toMatchObject({ value: MAX_DOUBLE, step: 2000 });
    expect(JSON.stringify(failed.latest.get('train/loss'))).toContain('1.7976931348623157e+308');
    const history = force(failed.metrics.get('val/loss')!);
    expect(history.filter((m) => m.value === 'NaN').length).toBeGreaterThan(20);
    const edge = db.runs.get(demoIds.R_EDGE)!;
    expect(edge.latest.get('neg_inf')?.value).toBe(-MAX_DOUBLE);
    expect(edge.latest.get('nan_metric')?.value).toBe('NaN');
  });

  it('never holds a raw NaN or Infinity number', () => {
    const small = createDemoDb({
      line: '2.17.0',
      sweepRuns: 50,
      bigRuns: 5,
      chartRuns: 1,
      steps: 500,
    }).db;
    for (const run of small.runs.values()) {
      for (const h of run.metrics.values()) {
        for (const m of force(h))
          if (typeof m.value === 'number') expect(Number.isFinite(m.value)).toBe(true);
      }
    }
  });

  it('logs train/loss every step and val metrics every 10 steps plus the last, 50 ms apart', () => {
    const run = db.runs.get(demoIds.R_5000)!;
    const train = force(run.metrics.get('train/loss')!);
    expect(train).toHaveLength(5000);
    expect(at(train, 1).timestamp! - at(train, 0).timestamp!).toBe(50);
    expect(train.at(-1)).toEqual({
      key: 'train/loss',
      value: 0.2496897520704105,
      timestamp: 1795574640205,
      step: 4999,
    });
    const val = force(run.metrics.get('val/accuracy')!);
    expect(val.map((m) => m.step).slice(0, 3)).toEqual([0, 10, 20]);
    expect(val.at(-1)?.step).toBe(4999);
  });
});

describe('trace data in wire form', () => {
  it('writes nanosecond times beyond 2^53 as exact digits', () => {
    const { text } = spansOf(demoIds.TRACE_IN_RUN);
    expect(text).toContain('"start_time": 1795808409342917797');
    expect(text).toContain('"end_time": 1795808409344006735');
    expect(1795808409342917797n > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
  });

  it('has spans that start within the same millisecond at distinct nanoseconds', () => {
    const { text } = spansOf(demoIds.TRACE_BIG);
    const starts = [...text.matchAll(/"start_time": (\d+)/g)].map((m) => BigInt(m[1] ?? ''));
    expect(starts).toHaveLength(300);
    expect(new Set(starts.map(String)).size).toBe(300);
    const perMs = new Map<string, number>();
    for (const s of starts)
      perMs.set(String(s / 1_000_000n), (perMs.get(String(s / 1_000_000n)) ?? 0) + 1);
    expect(Math.max(...perMs.values())).toBeGreaterThan(1);
  });

  it('JSON-encodes every attribute value, uses 0x ids and well-formed parents', () => {
    for (const [requestId, trace] of db.traces) {
      if (requestId === demoIds.TRACE_HUGE) continue;
      const data = JSON.parse(force(trace.data)) as WireTraceData;
      const ids = new Set(data.spans.map((s: WireSpan) => s.context.span_id));
      for (const span of data.spans) {
        expect(span.context.span_id).toMatch(/^0x[0-9a-f]{16}$/);
        expect(span.context.trace_id).toMatch(/^0x[0-9a-f]{32}$/);
        if (span.parent_id !== null) expect(ids.has(span.parent_id)).toBe(true);
        for (const value of Object.values(span.attributes ?? {})) {
          expect(typeof value).toBe('string');
          expect(() => JSON.parse(value)).not.toThrow();
        }
        expect(JSON.parse(attr(span, 'mlflow.traceRequestId'))).toBe(requestId);
      }
      expect(trace.info.request_id).toMatch(/^[0-9a-f]{32}$/);
      const tags = Object.fromEntries((trace.info.tags ?? []).map((t) => [t.key, t.value]));
      expect(tags['mlflow.traceSpans']?.length).toBeLessThanOrEqual(250);
      expect(tags['mlflow.traceName']).toBe(data.spans[0]?.name);
    }
  });

  it('rebuilds the recorded in-run trace byte for byte (4,484 bytes) and the error trace with its exception', () => {
    expect(spansOf(demoIds.TRACE_IN_RUN).text).toHaveLength(4484);
    expect(spansOf(demoIds.TRACE_UNICODE).text).toHaveLength(584);
    const { data } = spansOf(demoIds.TRACE_ERROR);
    expect(data.response).toBeNull();
    expect(data.spans[0]).toMatchObject({ status_code: 'ERROR', events: [{ name: 'exception' }] });
    expect(data.spans[0]?.events?.[0]?.attributes).toMatchObject({
      'exception.type': 'ZeroDivisionError',
    });
    const info = db.traces.get(demoIds.TRACE_IN_RUN)!.info;
    expect(info.request_metadata).toContainEqual({
      key: 'mlflow.sourceRun',
      value: demoIds.R_AGENT,
    });
  });

  it('carries chat messages, tool calls, token usage and hostile content', () => {
    const chat = spansOf(demoIds.TRACE_CHAT).data.spans;
    const llm = chat.find((s) => JSON.parse(attr(s, 'mlflow.spanType')) === 'LLM')!;
    expect(JSON.parse(attr(llm, 'mlflow.spanOutputs')).choices[0].message.tool_calls).toHaveLength(
      1,
    );
    expect(JSON.parse(attr(llm, 'mlflow.chat.tokenUsage'))).toMatchObject({
      total_tokens: 231,
    });
    const tool = chat.find((s) => s.parent_id === llm.context.span_id)!;
    expect(JSON.parse(attr(tool, 'mlflow.spanType'))).toBe('TOOL');
    const { text, data } = spansOf(demoIds.TRACE_HOSTILE);
    expect(text.length).toBeGreaterThan(1_048_576);
    expect(text).toContain('<script>');
    let depth = 0;
    let node = JSON.parse(
      attr(
        data.spans.find((s) => s.name === 'parse_nested')!,
        'mlflow.spanOutputs',
      ),
    );
    while (node.child) [node, depth] = [node.child, depth + 1];
    expect(depth).toBe(50);
  });
});

describe('artifacts', () => {
  it('report sizes equal to the bytes served, and the recorded sizes', () => {
    for (const files of db.artifacts.values()) {
      for (const f of files) expect(bytesOf(force(f.body)).length, f.path).toBe(f.size);
    }
    expect(file(demoIds.R_VISION, 'images/random_noise.png').size).toBe(12420);
    expect(file(demoIds.R_VISION, 'plots/loss_curve.png').size).toBe(17350);
    expect(file(demoIds.R_VISION, 'plots/confusion_matrix.svg').size).toBe(12273);
    expect(file(demoIds.R_MODEL, 'model/MLmodel').size).toBe(1079);
  });

  it('serves MLflow content types, and 400 HTML for the mangled step images', () => {
    expect(file(demoIds.R_VISION, 'config/classes.json').contentType).toBe('text/plain');
    expect(file(demoIds.R_VISION, 'plots/confusion_matrix.svg').contentType).toBe('image/svg+xml');
    expect(file(demoIds.R_VISION, 'images/attention').contentType).toBe('application/octet-stream');
    const mangled = db.artifacts
      .get(demoIds.R_VISION)!
      .filter((f) => f.path.startsWith('images/predictions'));
    expect(mangled).toHaveLength(10);
    for (const f of mangled)
      expect(f.failWith).toMatchObject({ status: 400, contentType: 'text/html' });
    expect(
      mangled.find((f) => f.path.includes('\u0010') && f.path.endsWith('.png'))!.failWith!.body,
    ).toHaveLength(286);
  });

  it('produces valid image, PDF and table bytes', () => {
    const vision = (p: string) => bytesOf(force(file(demoIds.R_VISION, p).body));
    const png = vision('images/gradient_gray.png');
    expect(Array.from(png.slice(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    for (let o = 8; o < png.length;) {
      const len = new DataView(png.buffer, png.byteOffset + o).getUint32(0);
      const crc = new DataView(png.buffer, png.byteOffset + o + 8 + len).getUint32(0);
      expect(crc32(png, o + 4, o + 8 + len)).toBe(crc);
      o += 12 + len;
    }
    expect(new TextDecoder().decode(vision('images/spinner.gif').slice(0, 6))).toBe('GIF89a');
    const jpg = vision('images/photo.jpg');
    expect([jpg[0], jpg[1], jpg.at(-2), jpg.at(-1)]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
    const webp = db.artifacts
      .get(demoIds.R_VISION)!
      .find((f) => f.path.startsWith('images/samples') && f.path.endsWith('.webp'))!;
    const wb = bytesOf(force(webp.body));
    expect(
      new TextDecoder().decode(wb.slice(0, 4)) + new TextDecoder().decode(wb.slice(8, 12)),
    ).toBe('RIFFWEBP');
    const pdf = new TextDecoder().decode(vision('notes/summary.pdf'));
    const xref = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(xref, xref + 4)).toBe('xref');
    expect(JSON.parse(new TextDecoder().decode(vision('tables/predictions.json')))).toMatchObject({
      columns: ['image_id', 'label', 'pred', 'confidence'],
    });
    expect(() =>
      JSON.parse(new TextDecoder().decode(vision('data/large/predictions_full.json'))),
    ).not.toThrow();
  });
});

describe('pyDumps', () => {
  it('writes what Python json.dumps writes', () => {
    const v = {
      a: [
        1,
        2.5,
        1e-5,
        new PyFloat(1e16),
        0.1,
        new PyFloat(3),
        new PyFloat(-0),
        new PyFloat(1.5e300),
      ],
      s: 'q"uo\\te\n\t\u2713 \u{1F680} \u007f \u0001',
      n: null,
      t: true,
      nested: { x: [], y: {} },
    };
    expect(pyDumps(v)).toBe(
      '{"a": [1, 2.5, 1e-05, 1e+16, 0.1, 3.0, -0.0, 1.5e+300], "s": "q\\"uo\\\\te\\n\\t\\u2713 \\ud83d\\ude80 \\u007f \\u0001", "n": null, "t": true, "nested": {"x": [], "y": {}}}',
    );
    expect(pyDumps(v, false)).toBe(
      '{"a": [1, 2.5, 1e-05, 1e+16, 0.1, 3.0, -0.0, 1.5e+300], "s": "q\\"uo\\\\te\\n\\t\u2713 \u{1F680} \u007f \\u0001", "n": null, "t": true, "nested": {"x": [], "y": {}}}',
    );
    expect(pyStr([{ doc_id: 'doc-1', score: 0.5, text: "it's" }])).toBe(
      `[{'doc_id': 'doc-1', 'score': 0.5, 'text': "it's"}]`,
    );
  });
});
