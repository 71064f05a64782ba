/**
 * `llm-agent` (id 5): the 20 recorded traces (trace_artifact_* and traces_*
 * recordings). Five have recorded span data and are rebuilt exactly (ids,
 * ns times, documents); the others get span trees of the same shape, three
 * kinds: plain agent, chat with tool calls, hostile content.
 */
import type { Db } from '../db';
import { addRun, setSingleMetric, SOURCE_TAGS, type Pairs } from './build';
import { R } from './experiments';
import { demoIds } from './ids';
import { hexId, Rng } from './random';
import {
  agentShape,
  agentSpans,
  ANSWER,
  chatSpans,
  CHOICES,
  docsOutput,
  exceptionEvent,
  promptOf,
  randomDocs,
  ROOT_STACK,
  TOOL_STACK,
  ZERO_DIVISION,
  type AgentShape,
  type Doc,
} from './trace-agent';
import { addTrace, ns, type Span } from './trace-format';
import { hostileSpans } from './trace-hostile';

const EXP = demoIds.EXP_LLM;

/** [request id, timestamp - R, execution ms, question, use_tool, bad_tool, user tags] */
// prettier-ignore
const AGENT_TRACES: ReadonlyArray<readonly [string, number, number, string, boolean, boolean, Pairs]> = [
  ['176db892cdeb4245a7df3a3ae9e99810', 408739, 12, 'What is MLflow?', true, false, [['env', 'staging'], ['reviewed', 'true']]],
  ['09fcf60b3caa4fc2980ec045557e57d0', 408774, 14, 'How do I log a metric?', false, false, [['env', 'prod']]],
  ['8bb6da8ad2a54129b60293ccc98c06da', 408811, 10, 'Explain tracing', false, false, [['env', 'staging']]],
  ['1a6af180c61b41c1a13a02c3ddb65a80', 408841, 12, 'What is a run?', true, true, [['env', 'prod']]],
  ['397bc984dadb4ed193f3b32882ca87da', 408872, 10, 'How to register a model?', false, false, [['env', 'staging']]],
  ['576786b87a2d4a84acd931eb5bde24f9', 408901, 9, 'What are aliases?', false, false, [['env', 'prod'], ['reviewed', 'true']]],
  ['94298a78907a4923a2969bc8ac9a7a50', 408928, 10, 'What is autolog?', true, false, [['env', 'staging']]],
  ['af39eb36aa9a4c34bc7c09ce01bc4d19', 408956, 10, 'Compare runs', false, false, [['env', 'prod']]],
  ['bf37f88cfc7e41668cad6fb0e96eab79', 408985, 10, 'What is a span?', false, false, [['env', 'staging']]],
  ['2ab01768e4274d689664504f6d01e73f', 409013, 11, 'Delete an experiment', true, false, [['env', 'prod']]],
  ['a6d25561bdbd49a2b0395244f8e2255f', 409044, 8, 'What is an artifact?', false, false, [['env', 'staging'], ['reviewed', 'true']]],
  ['01a28e18d8ce4010a2b68ede2fab4cbf', 409072, 9, 'Search runs by tag', false, false, [['env', 'prod']]],
  ['78a623a0938041349fb5a0b9a67f0605', 409101, 10, 'Nested runs?', true, false, [['env', 'staging']]],
  ['8670e6e3e31346278f5512ca15d9872f', 409129, 9, 'System metrics?', false, false, [['env', 'prod']]],
  ['29d97b91d5d3490380134b642bbc1924', 409158, 11, 'Datasets in MLflow?', false, false, [['env', 'staging']]],
  ['4151f539ff7946fe8e512114cea6fc5c', 409188, 9, 'Model signature?', true, false, [['env', 'prod'], ['reviewed', 'true']]],
  ['6993367c5b574ff4965382c20c679929', 409333, 10, 'Trace inside a run?', true, false, [['env', 'staging']]],
];

/** Recorded span data: trace id, root start (ns), span ids, offsets, documents, tool error time. */
// prettier-ignore
const RECORDED: Record<string, { traceId: string; shape: AgentShape; docs: Doc[] }> = {
  [demoIds.TRACE_IN_RUN]: {
    traceId: '7d8e7e47c7f5fab04224d362d02627fb',
    shape: {
      rootStart: 1795808409342917797n,
      ids: ['2995331bf4947f65', 'd8148556ea08aded', 'b2f7d665caf88192', 'efb1396135a9224f', 'e62d1ec58dc1ddcd', '787be8c1dacddd6c'],
      offsets: [[0, 1088938], [284800, 949498], [393146, 604836], [708679, 770717], [809843, 931581], [985758, 1070515]],
    },
    docs: [[727, 0.629], [669, 0.601], [895, 0.603]],
  },
  [demoIds.TRACE_TOOL_ERROR]: {
    traceId: '5fdbde9e99d816ada7340c0634a02fc4',
    shape: {
      rootStart: 1795808408851162435n,
      ids: ['5e80c9d81e150e42', 'dc9cdd04b8d1dd7f', 'e4ed0c70ab74fe58', 'ea2cfe203bb1fc1b', 'f0fbf50471db7715', '0c016cab07d19c07'],
      offsets: [[0, 2521857], [271718, 1239233], [446531, 920305], [975280, 1044144], [1079717, 1210354], [1276007, 2453678]],
      toolErrorAt: 2394195,
    },
    docs: [[662, 0.138], [347, 0.67], [788, 0.512]],
  },
};

function seedAgentTraces(db: Db): void {
  for (const [requestId, at, exec, question, useTool, badTool, tags] of AGENT_TRACES) {
    const timestampMs = R + at;
    const recorded = RECORDED[requestId];
    const shape =
      recorded?.shape ?? agentShape(requestId, ns(timestampMs, exec * 1_000_000 - 1_500_000));
    const docs = recorded?.docs ?? randomDocs(requestId);
    const opts = { question, useTool, badTool, docs, shape };
    const build =
      requestId === demoIds.TRACE_HOSTILE
        ? hostileSpans
        : useTool && !recorded
          ? chatSpans
          : agentSpans;
    const spans = build(opts);
    const inputs = { question, use_tool: useTool, bad_tool: badTool };
    const outputs = { answer: ANSWER, question };
    addTrace(
      db,
      {
        requestId,
        experimentId: EXP,
        timestampMs,
        executionTimeMs: exec,
        status: 'OK',
        sourceRun: requestId === demoIds.TRACE_IN_RUN ? demoIds.R_AGENT : undefined,
        inputs,
        outputs,
        traceName: 'agent',
        spans: spans.slice(0, 4),
        tags,
      },
      recorded?.traceId ?? hexId(`trace-id/${requestId}`, 0),
      () => build(opts),
      outputs,
    );
  }
}

function seedErrorTrace(db: Db): void {
  const q = 'divide five by zero';
  const root = 1795808409226497234n;
  const at = (o: number) => root + BigInt(o);
  const ids = [
    'bc3e69a8cd626d98',
    '0d265c818041f0a3',
    '1d7b95dc283cca1a',
    '19f525fa945f2302',
    'c983cf9b4debc327',
    '3eeacdd894e00e07',
  ] as const;
  const docs = docsOutput(
    [
      [680, 0.018],
      [92, 0.293],
      [939, 0.493],
    ],
    q,
  );
  const prompt = promptOf(docs, q);
  const failure = `ZeroDivisionError: ${ZERO_DIVISION}`;
  const spans: Span[] = [
    {
      name: 'failing_agent',
      spanId: ids[0],
      parentId: null,
      start: at(0),
      end: at(2382210),
      type: 'AGENT',
      functionName: 'failing_agent',
      inputs: { q },
      status: 'ERROR',
      statusMessage: failure,
      events: [exceptionEvent(at(2362775), ROOT_STACK)],
    },
    {
      name: 'rag_chain',
      spanId: ids[1],
      parentId: ids[0],
      start: at(233910),
      end: at(814849),
      type: 'CHAIN',
      functionName: 'rag_chain',
      inputs: { question: q },
      outputs: CHOICES,
    },
    {
      name: 'retrieve',
      spanId: ids[2],
      parentId: ids[1],
      start: at(332787),
      end: at(524153),
      type: 'RETRIEVER',
      functionName: 'retrieve',
      inputs: { query: q, k: 3 },
      outputs: docs,
    },
    {
      name: 'format_prompt',
      spanId: ids[3],
      parentId: ids[1],
      start: at(571168),
      end: at(633705),
      type: 'PARSER',
      inputs: { question: q, n_docs: 3 },
      outputs: { prompt: prompt.slice(0, 80) },
      post: [['template_version', 'v3']],
    },
    {
      name: 'call_llm',
      spanId: ids[4],
      parentId: ids[1],
      start: at(667570),
      end: at(797691),
      type: 'LLM',
      functionName: 'call_llm',
      pre: [
        ['model', 'gpt-4o-mini'],
        ['temperature', 0.2],
      ],
      inputs: { messages: [{ role: 'user', content: prompt }], max_tokens: 256 },
      mid: [['usage', { prompt_tokens: 120, completion_tokens: 42, total_tokens: 162 }]],
      outputs: CHOICES,
    },
    {
      name: 'calculator',
      spanId: ids[5],
      parentId: ids[0],
      start: at(853199),
      end: at(2086619),
      type: 'TOOL',
      functionName: 'calculator',
      inputs: { expression: '5/0' },
      status: 'ERROR',
      statusMessage: failure,
      events: [exceptionEvent(at(2051411), TOOL_STACK)],
    },
  ];
  addTrace(
    db,
    {
      requestId: demoIds.TRACE_ERROR,
      experimentId: EXP,
      timestampMs: R + 409215,
      executionTimeMs: 13,
      status: 'ERROR',
      inputs: { q },
      traceName: 'failing_agent',
      spans,
      tags: [
        ['env', 'staging'],
        ['incident', 'INC-1234'],
      ],
    },
    '276f1e910756792443e67e9e3cd0b199',
    () => spans,
    undefined,
  );
}

function seedUnicodeTrace(db: Db): void {
  const root = 1795808409393372339n;
  const spans: Span[] = [
    {
      name: 'unicode \u2713 span',
      spanId: 'db2dcda360a953c3',
      parentId: null,
      start: root,
      end: root + 150589n,
      type: 'CUSTOM_TYPE',
      inputs: 'plain string input',
      outputs: null,
      post: [
        ['float_attr', 0.1],
        ['list_attr', [1, 2, 3]],
      ],
    },
  ];
  addTrace(
    db,
    {
      requestId: demoIds.TRACE_UNICODE,
      experimentId: EXP,
      timestampMs: R + 409384,
      executionTimeMs: 9,
      status: 'OK',
      inputs: 'plain string input',
      outputs: null,
      traceName: 'unicode \u2713 span',
      spans,
      tags: [['env', 'prod']],
    },
    '4c28d54c3fb1815f253839842d2e98ab',
    () => spans,
    null,
  );
}

/** The recorded 300-span trace: one CHAIN root with 299 EMBEDDING children (several start within the same ms). */
function seedBigTrace(db: Db): void {
  const rootStart = 1795808409257895798n;
  const rootEnd = 1795808409288179604n;
  const rootId = 'f71682e147e1d540';
  const build = (): Span[] => {
    const rng = new Rng('trace/big');
    const spans: Span[] = [
      {
        name: 'batch_embedding_job',
        spanId: rootId,
        parentId: null,
        start: rootStart,
        end: rootEnd,
        type: 'CHAIN',
        inputs: { n_items: 299 },
        outputs: { status: 'done' },
      },
    ];
    let t = 164_958;
    for (let i = 0; i < 299; i++) {
      const dur = rng.int(40_000, 100_000);
      const vector = Array.from({ length: 8 }, () => rng.int(1, 9999) / 10000);
      spans.push({
        name: `embed_${String(i).padStart(3, '0')}`,
        spanId: hexId('span/big', i, 16),
        parentId: rootId,
        start: rootStart + BigInt(t),
        end: rootStart + BigInt(t + dur),
        type: 'EMBEDDING',
        inputs: { text: `item ${i}` },
        outputs: { dim: 8, vector },
        post: [['index', i]],
      });
      t += dur + rng.int(20_000, 30_000);
    }
    return spans;
  };
  const head = build().slice(0, 4);
  addTrace(
    db,
    {
      requestId: demoIds.TRACE_BIG,
      experimentId: EXP,
      timestampMs: R + 409248,
      executionTimeMs: 39,
      status: 'OK',
      inputs: { n_items: 299 },
      outputs: { status: 'done' },
      traceName: 'batch_embedding_job',
      spans: head,
      tags: [
        ['env', 'prod'],
        ['kind', 'batch'],
      ],
    },
    'c1746929fc7ab9a55d04d35553f82bfa',
    build,
    { status: 'done' },
  );
}

export function seedLlmAgent(db: Db): void {
  const run = addRun(db, {
    id: demoIds.R_AGENT,
    experimentId: EXP,
    name: 'agent-eval-run',
    start: R + 409319,
    end: R + 409368,
    params: [['agent_version', 'v2']],
    tags: [...SOURCE_TAGS, ['mlflow.runName', 'agent-eval-run']],
  });
  setSingleMetric(run, 'latency_ms', 123.0, R + 409362);
  seedAgentTraces(db);
  seedErrorTrace(db);
  seedBigTrace(db);
  seedUnicodeTrace(db);
}
