import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeTraceData, parseTraceDataText } from '../../../api/decode';
import { attributeCells } from './attributes';
import { chatMessages } from './chat';
import { criticalPath } from './critical-path';
import { exceptionEvents, spanTypeCounts } from './stats';
import { buildSpanTree } from './tree';
import { visibleRows, noneCollapsed } from './rows';
import { at } from '../../../lib/at';

/** The real MLflow 2.17 trace artifacts, decoded the way the client does it. */
const EXCHANGES = resolve(__dirname, '../../../../mocks/recordings/mlflow-2.17.0/exchanges');
function recorded(name: string) {
  const rec = JSON.parse(readFileSync(resolve(EXCHANGES, `${name}.json`), 'utf8')) as {
    response: unknown;
  };
  return decodeTraceData(parseTraceDataText(JSON.stringify(rec.response)));
}

describe('recorded MLflow 2.17 traces', () => {
  it('builds the 300-span trace into one root with 299 children in start order', () => {
    const data = recorded('trace_artifact_300_spans');
    const t = buildSpanTree(data.spans);
    expect(t.spans).toHaveLength(300);
    expect(t.spans[0]?.name).toBe('batch_embedding_job');
    expect(t.subtreeEnd[0]).toBe(300);
    expect(visibleRows(t, noneCollapsed(t))).toHaveLength(300);
    expect(spanTypeCounts(t.spans)).toEqual([
      { type: 'EMBEDDING', count: 299 },
      { type: 'CHAIN', count: 1 },
    ]);
    for (let i = 2; i < 300; i++)
      expect(at(t.spans, i).startNs).toBeGreaterThanOrEqual(at(t.spans, i - 1).startNs);
    // Nanosecond offsets are exact: several spans share a millisecond yet keep distinct, ordered starts.
    const sameMs = t.spans.filter((s) => s.startTimeMs === t.spans[1]?.startTimeMs);
    expect(sameMs.length).toBeGreaterThan(1);
    expect(new Set(sameMs.map((s) => s.startNs)).size).toBe(sameMs.length);
    expect(criticalPath(t).length).toBeGreaterThan(0);
  });

  it('marks the failing root, its exception and stack trace, and reads the chat of the LLM span', () => {
    const data = recorded('trace_artifact_error_root');
    const t = buildSpanTree(data.spans);
    const root = at(t.spans, 0);
    expect(root.name).toBe('failing_agent');
    expect(root.status).toBe('ERROR');
    const [exc] = exceptionEvents(root);
    expect(exc?.type).toBe('ZeroDivisionError');
    expect(exc?.message).toBe("division by zero in tool 'calculator'");
    expect(exc?.stacktrace).toContain('Traceback (most recent call last):');
    expect(exc?.stacktrace).toContain('line 324, in calculator');
    const calc = t.indexById.get(t.spans.find((s) => s.name === 'calculator')!.spanId)!;
    expect(t.errorInSubtree[calc]).toBe(1);
    const llm = t.spans.find((s) => s.spanType === 'LLM')!;
    expect(chatMessages(llm.inputs?.ok ? llm.inputs.value : null)?.[0]?.role).toBe('user');
    expect(chatMessages(llm.outputs?.ok ? llm.outputs.value : null)?.[0]?.content).toBe(
      'The answer is 42.',
    );
    expect(data.response).toBeNull();
  });

  it('keeps a custom span type and a unicode name, with JSON attribute values', () => {
    const data = recorded('trace_artifact_unicode_custom_type');
    const t = buildSpanTree(data.spans);
    expect(t.spans[0]?.name).toBe('unicode ✓ span');
    expect(t.spans[0]?.spanType).toBe('CUSTOM_TYPE');
    const cells = attributeCells(at(t.spans, 0));
    expect(cells.find((c) => c.key === 'list_attr')).toEqual({
      key: 'list_attr',
      kind: 'json',
      value: [1, 2, 3],
    });
    expect(cells.find((c) => c.key === 'float_attr')).toEqual({
      key: 'float_attr',
      kind: 'text',
      text: '0.1',
    });
  });

  it('keeps a malformed JSON attribute as its raw text', () => {
    // Written as text: the 19-digit times must reach the parser intact.
    const attrs = JSON.stringify({
      broken: '{"a": 1',
      'mlflow.spanType': '"TOOL"',
      html: '"<script>alert(1)</script>"',
    });
    const body = `{"spans":[{"name":"x","context":{"span_id":"0x1","trace_id":"0x2"},"parent_id":null,
      "start_time":1795808409226497234,"end_time":1795808409226497999,"status_code":"OK","attributes":${attrs},"events":[]}]}`;
    const span = at(decodeTraceData(parseTraceDataText(body)).spans, 0);
    expect(span.endNs).toBe(765);
    const cells = attributeCells(span);
    expect(cells.find((c) => c.key === 'broken')).toEqual({
      key: 'broken',
      kind: 'raw',
      text: '{"a": 1',
    });
    expect(cells.find((c) => c.key === 'html')).toEqual({
      key: 'html',
      kind: 'text',
      text: '<script>alert(1)</script>',
    });
  });
});
