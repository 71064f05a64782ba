/**
 * EXP_TRACES (`agent-load-test`): TRACE_HUGE, one agent session with N spans
 * (10,000 or 50,000 with the knob) whose text is built only when opened, and
 * a page-worth of small probe traces.
 */
import type { Db } from '../db';
import { addExperiment } from './build';
import { R } from './experiments';
import { demoIds } from './ids';
import { hexId, Rng } from './random';
import { exceptionEvent, TOOL_STACK, ZERO_DIVISION } from './trace-agent';
import { addTrace, ns, type Span } from './trace-format';

const EXP = demoIds.EXP_TRACES;

/**
 * The session: root AGENT > turn CHAIN > (retrieve RETRIEVER, call_llm LLM >
 * lookup TOOL, parse PARSER). Every 97th tool call fails. Times advance in
 * ~µs steps, so many spans start within the same millisecond.
 */
export function hugeSessionSpans(count: number, rootStart: bigint, limit = count): Span[] {
  const rng = new Rng('trace/huge');
  const rootId = hexId('span/huge', 0, 16);
  const spans: Span[] = [];
  const turns = Math.max(1, Math.floor((count - 1) / 5));
  let t = 120_000;
  const at = (offset: number) => rootStart + BigInt(offset);
  const root: Span = {
    name: 'load_test_session',
    spanId: rootId,
    parentId: null,
    start: rootStart,
    end: rootStart,
    type: 'AGENT',
    functionName: 'session',
    inputs: { session_id: 'lt-0001', turns },
    outputs: { completed: turns, failed_tools: Math.floor(turns / 97) },
  };
  spans.push(root);
  for (let k = 0; k < turns && spans.length < limit; k++) {
    const base = 1 + k * 5;
    const id = (j: number) => hexId('span/huge', base + j, 16);
    const turnStart = t;
    const q = `question ${k}`;
    const rs = t + rng.int(2_000, 9_000);
    const re = rs + rng.int(40_000, 160_000);
    const ls = re + rng.int(1_000, 5_000);
    const ts = ls + rng.int(100_000, 300_000);
    const te = ts + rng.int(5_000, 40_000);
    const le = te + rng.int(80_000, 400_000);
    const ps = le + rng.int(500, 3_000);
    const pe = ps + rng.int(2_000, 12_000);
    t = pe + rng.int(3_000, 15_000);
    const failed = k % 97 === 96;
    const tool: Span = {
      name: 'lookup',
      spanId: id(3),
      parentId: id(2),
      start: at(ts),
      end: at(te),
      type: 'TOOL',
      functionName: 'lookup',
      inputs: { key: `k${k}` },
    };
    if (failed) {
      tool.status = 'ERROR';
      tool.statusMessage = `ZeroDivisionError: ${ZERO_DIVISION}`;
      tool.events = [exceptionEvent(at(te - 1_000), TOOL_STACK)];
    } else tool.outputs = { value: k * 7 };
    spans.push(
      {
        name: `turn_${String(k).padStart(5, '0')}`,
        spanId: id(0),
        parentId: rootId,
        start: at(turnStart),
        end: at(t - 1_000),
        type: 'CHAIN',
        inputs: { question: q },
        outputs: { answer: `answer ${k}` },
      },
      {
        name: 'retrieve',
        spanId: id(1),
        parentId: id(0),
        start: at(rs),
        end: at(re),
        type: 'RETRIEVER',
        functionName: 'retrieve',
        inputs: { query: q, k: 2 },
        outputs: [{ doc_id: `doc-${k % 1000}`, score: 0.5 }],
      },
      {
        name: 'call_llm',
        spanId: id(2),
        parentId: id(0),
        start: at(ls),
        end: at(le),
        type: 'LLM',
        functionName: 'call_llm',
        inputs: { messages: [{ role: 'user', content: q }] },
        outputs: { choices: [{ message: { role: 'assistant', content: `answer ${k}` } }] },
        post: [
          [
            'mlflow.chat.tokenUsage',
            { input_tokens: 40 + (k % 50), output_tokens: 12, total_tokens: 52 + (k % 50) },
          ],
        ],
      },
      tool,
      {
        name: 'parse',
        spanId: id(4),
        parentId: id(0),
        start: at(ps),
        end: at(pe),
        type: 'PARSER',
        inputs: { text: `answer ${k}` },
        outputs: { ok: !failed },
      },
    );
  }
  for (let h = 0; spans.length < Math.min(count, limit); h++) {
    spans.push({
      name: `heartbeat_${h}`,
      spanId: hexId('span/huge/hb', h, 16),
      parentId: rootId,
      start: at(t),
      end: at(t + 500),
      type: 'UNKNOWN',
    });
    t += 1_000;
  }
  root.end = at(t + 5_000);
  return spans.slice(0, limit);
}

export function seedTraceExperiment(db: Db, spanCount: number): void {
  const created = R + 500_000;
  addExperiment(db, {
    id: EXP,
    name: 'agent-load-test',
    created,
    updated: created + 7_200_000,
    tags: [['team', 'genai']],
  });
  const ts = created + 600_000;
  const rootStart = ns(ts, 3_000_000);
  // The execution time follows from the generated timeline (about 0.3 ms per turn).
  const approxMs = Math.max(1, Math.round(((spanCount / 5) * 600_000) / 1_000_000));
  addTrace(
    db,
    {
      requestId: demoIds.TRACE_HUGE,
      experimentId: EXP,
      timestampMs: ts,
      executionTimeMs: approxMs,
      status: 'OK',
      inputs: { session_id: 'lt-0001', turns: Math.max(1, Math.floor((spanCount - 1) / 5)) },
      outputs: {
        completed: Math.max(1, Math.floor((spanCount - 1) / 5)),
        failed_tools: Math.floor(Math.floor((spanCount - 1) / 5) / 97),
      },
      traceName: 'load_test_session',
      spans: hugeSessionSpans(spanCount, rootStart, 4),
      tags: [
        ['env', 'load-test'],
        ['spans', String(spanCount)],
      ],
    },
    hexId('trace-id/huge', 0),
    () => hugeSessionSpans(spanCount, rootStart),
    {
      completed: Math.max(1, Math.floor((spanCount - 1) / 5)),
      failed_tools: Math.floor(Math.floor((spanCount - 1) / 5) / 97),
    },
  );
  const rng = new Rng('trace/probes');
  for (let i = 0; i < 40; i++) {
    const requestId = hexId('trace/probe', i);
    const t0 = ts + 60_000 * (i + 1);
    const start = ns(t0, 2_000_000);
    const failed = rng.chance(0.1);
    const dur = rng.int(200_000, 2_000_000);
    const rootId = hexId(`span/probe/${i}`, 0, 16);
    const spans: Span[] = [
      {
        name: 'probe',
        spanId: rootId,
        parentId: null,
        start,
        end: start + BigInt(dur),
        type: 'AGENT',
        inputs: { probe: i },
        outputs: failed ? undefined : { ok: true },
        status: failed ? 'ERROR' : 'OK',
        statusMessage: failed ? 'TimeoutError: upstream did not answer in 2s' : '',
      },
      {
        name: 'ping',
        spanId: hexId(`span/probe/${i}`, 1, 16),
        parentId: rootId,
        start: start + 10_000n,
        end: start + BigInt(dur - 10_000),
        type: 'TOOL',
        inputs: { host: `replica-${i % 4}` },
      },
    ];
    addTrace(
      db,
      {
        requestId,
        experimentId: EXP,
        timestampMs: t0,
        executionTimeMs: Math.ceil(dur / 1e6) + 2,
        status: failed ? 'ERROR' : 'OK',
        inputs: { probe: i },
        outputs: failed ? undefined : { ok: true },
        traceName: 'probe',
        spans,
        tags: [
          ['env', 'load-test'],
          ['replica', `replica-${i % 4}`],
        ],
      },
      hexId('trace-id/probe', i),
      () => spans,
      failed ? undefined : { ok: true },
    );
  }
}
