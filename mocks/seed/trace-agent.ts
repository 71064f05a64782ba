/**
 * Span trees of the `agent` traces in llm-agent: AGENT > CHAIN > RETRIEVER /
 * PARSER / LLM (> TOOL), like the recorded ones, plus a chat variant (system
 * prompt, tool calls, token usage) and a hostile variant.
 */
import { pyStr, type PyObject, type PyValue } from './pyjson';
import { hexId, Rng } from './random';
import type { Span, SpanEvent } from './trace-format';

export type Doc = readonly [number, number]; // [doc number, score]

const WRAP =
  '  File "/srv/mlflow/src/mlflow/tracing/fluent.py", line 146, in _wrapping_logic\n' +
  '    result = yield  # sync/async function output to be sent here\n             ^^^^^\n' +
  '  File "/srv/mlflow/src/mlflow/tracing/fluent.py", line 176, in wrapper\n' +
  '    return wrapping_coro.send(fn(*args, **kwargs))\n                              ^^^^^^^^^^^^^^^^^^^\n';
const HEAD =
  'Traceback (most recent call last):\n' +
  '  File "/srv/mlflow/site/opentelemetry/trace/__init__.py", line 590, in use_span\n    yield span\n' +
  '  File "/srv/mlflow/src/mlflow/tracing/fluent.py", line 274, in start_span\n    yield mlflow_span\n';
const TAIL =
  '  File "/srv/mlflow/workload.py", line 324, in calculator\n' +
  '    raise ZeroDivisionError("division by zero in tool \'calculator\'")\n' +
  "ZeroDivisionError: division by zero in tool 'calculator'\n";
const ROOT_MID =
  '  File "/srv/mlflow/workload.py", line 360, in failing_agent\n    calculator("5/0")\n' +
  '  File "/srv/mlflow/src/mlflow/tracing/fluent.py", line 175, in wrapper\n' +
  '    with _WrappingContext(fn, args, kwargs) as wrapping_coro:\n' +
  '  File "/srv/mlflow/src/mlflow/tracing/fluent.py", line 163, in __exit__\n' +
  '    self.coro.throw(exc_type, exc_value, traceback)\n';

export const ZERO_DIVISION = "division by zero in tool 'calculator'";
export const TOOL_STACK = HEAD + WRAP + TAIL;
export const ROOT_STACK = HEAD + WRAP + ROOT_MID + WRAP + TAIL;

export function exceptionEvent(timestamp: bigint, stacktrace: string): SpanEvent {
  return {
    name: 'exception',
    timestamp,
    attributes: {
      'exception.type': 'ZeroDivisionError',
      'exception.message': ZERO_DIVISION,
      'exception.stacktrace': stacktrace,
      'exception.escaped': 'False',
    },
  };
}

export const ANSWER = 'The answer is 42.';
export const CHOICES: PyObject = { choices: [{ message: { role: 'assistant', content: ANSWER } }] };

export function docsOutput(
  docs: readonly Doc[],
  question: string,
  texts?: readonly string[],
): PyValue {
  return docs.map(([n, score], i) => ({
    doc_id: `doc-${n}`,
    score,
    text: texts?.[i] ?? `passage about ${question}`,
  }));
}

export function promptOf(docs: PyValue, question: string): string {
  return `Context: ${pyStr(docs)}\nQ: ${question}`;
}

/** One of each span of the agent tree, in start order. */
type PerSpan<T> = readonly [T, T, T, T, T, T];

export interface AgentShape {
  /** Span ids in start order: root, rag_chain, retrieve, format_prompt, call_llm, calculator. */
  ids: PerSpan<string>;
  /** [start, end] in ns after `rootStart`, same order. */
  offsets: PerSpan<readonly [number, number]>;
  /** The tool error event, ns after `rootStart`. */
  toolErrorAt?: number;
  rootStart: bigint;
}

/** Generated span ids and timings shaped like the recorded agent traces. */
export function agentShape(requestId: string, rootStart: bigint): AgentShape {
  const rng = new Rng(`shape/${requestId}`);
  const j = (v: number) => Math.round(v * rng.range(0.85, 1.15));
  const rag = j(280_000);
  const ret = rag + j(110_000);
  const retEnd = ret + j(210_000);
  const fmt = retEnd + j(100_000);
  const fmtEnd = fmt + j(62_000);
  const llm = fmtEnd + j(40_000);
  const llmEnd = llm + j(125_000);
  const ragEnd = llmEnd + j(18_000);
  const calc = ragEnd + j(36_000);
  const calcEnd = calc + j(85_000);
  const id = (i: number) => hexId(`span/${requestId}`, i, 16);
  return {
    ids: [id(0), id(1), id(2), id(3), id(4), id(5)],
    offsets: [
      [0, calcEnd + j(18_000)],
      [rag, ragEnd],
      [ret, retEnd],
      [fmt, fmtEnd],
      [llm, llmEnd],
      [calc, calcEnd],
    ],
    toolErrorAt: calcEnd - j(60_000),
    rootStart,
  };
}

export function randomDocs(requestId: string): Doc[] {
  const rng = new Rng(`docs/${requestId}`);
  return [0, 1, 2].map(() => [rng.int(1, 999), rng.int(1, 999) / 1000] as const);
}

export interface AgentOptions {
  question: string;
  useTool: boolean;
  badTool: boolean;
  docs: readonly Doc[];
  shape: AgentShape;
}

/** The recorded `agent` tree: agent > rag_chain > (retrieve, format_prompt, call_llm), agent > calculator. */
export function agentSpans(o: AgentOptions): Span[] {
  return [...agentCore(o), ...calculatorSpans(o)];
}

/** The five spans every agent trace has: root, rag_chain, retrieve, format_prompt, call_llm. */
export function agentCore(o: AgentOptions): [Span, Span, Span, Span, Span] {
  const { question, shape } = o;
  const t = (i: 0 | 1 | 2 | 3 | 4): [bigint, bigint] => [
    shape.rootStart + BigInt(shape.offsets[i][0]),
    shape.rootStart + BigInt(shape.offsets[i][1]),
  ];
  const [root, rag, ret, fmt, llm] = shape.ids;
  const docs = docsOutput(o.docs, question);
  const prompt = promptOf(docs, question);
  return [
    {
      name: 'agent',
      spanId: root,
      parentId: null,
      start: t(0)[0],
      end: t(0)[1],
      type: 'AGENT',
      functionName: 'agent',
      inputs: { question, use_tool: o.useTool, bad_tool: o.badTool },
      outputs: { answer: ANSWER, question },
    },
    {
      name: 'rag_chain',
      spanId: rag,
      parentId: root,
      start: t(1)[0],
      end: t(1)[1],
      type: 'CHAIN',
      functionName: 'rag_chain',
      inputs: { question },
      outputs: CHOICES,
    },
    {
      name: 'retrieve',
      spanId: ret,
      parentId: rag,
      start: t(2)[0],
      end: t(2)[1],
      type: 'RETRIEVER',
      functionName: 'retrieve',
      inputs: { query: question, k: 3 },
      outputs: docs,
    },
    {
      name: 'format_prompt',
      spanId: fmt,
      parentId: rag,
      start: t(3)[0],
      end: t(3)[1],
      type: 'PARSER',
      inputs: { question, n_docs: 3 },
      outputs: { prompt: prompt.slice(0, 80) },
      post: [['template_version', 'v3']],
    },
    {
      name: 'call_llm',
      spanId: llm,
      parentId: rag,
      start: t(4)[0],
      end: t(4)[1],
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
  ];
}

/** The calculator tool span under the root, when the agent used the tool. */
function calculatorSpans(o: AgentOptions): Span[] {
  const { shape } = o;
  const [root, , , , , calc] = shape.ids;
  const [start, end] = shape.offsets[5];
  if (o.useTool) {
    const calcSpan: Span = {
      name: 'calculator',
      spanId: calc,
      parentId: root,
      start: shape.rootStart + BigInt(start),
      end: shape.rootStart + BigInt(end),
      type: 'TOOL',
      functionName: 'calculator',
      inputs: { expression: o.badTool ? '1/0' : '2+2' },
    };
    if (o.badTool) {
      calcSpan.status = 'ERROR';
      calcSpan.statusMessage = `ZeroDivisionError: ${ZERO_DIVISION}`;
      calcSpan.events = [
        exceptionEvent(shape.rootStart + BigInt(shape.toolErrorAt ?? 0), TOOL_STACK),
      ];
    } else {
      calcSpan.outputs = { result: 3 };
    }
    return [calcSpan];
  }
  return [];
}

const SEARCH_TOOL = {
  type: 'function',
  function: {
    name: 'search_docs',
    description: 'Search the MLflow documentation.',
    parameters: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
  },
};

/**
 * The chat variant: the LLM answers with a tool call, the tool runs inside
 * the LLM span, a second LLM call answers. Token usage in three spellings.
 */
export function chatSpans(o: AgentOptions): Span[] {
  const [root, rag, ret, fmt, llm] = agentCore({ ...o, useTool: false });
  const q = o.question;
  const s = (ns: number) => o.shape.rootStart + BigInt(ns);
  const prompt = promptOf(docsOutput(o.docs, q), q); // what agentCore put in llm's message
  const callId = `call_${hexId(`call/${q}`, 0, 24)}`;
  const toolCall = {
    id: callId,
    type: 'function',
    function: { name: 'search_docs', arguments: `{"query": "${q}"}` },
  };
  const messages = [
    { role: 'system', content: 'You are an MLflow expert. Use tools when helpful.' },
    { role: 'user', content: prompt },
  ];
  const toolResult = `Found 2 pages about "${q}": docs/tracking.html, docs/tracing.html`;
  const finalMessages = [
    ...messages,
    { role: 'assistant', content: null, tool_calls: [toolCall] },
    { role: 'tool', tool_call_id: callId, content: toolResult },
  ];
  const first: Span = {
    ...llm,
    end: s(1_300_000),
    start: s(700_000),
    inputs: { messages, tools: [SEARCH_TOOL], tool_choice: 'auto', max_tokens: 256 },
    mid: [
      ['mlflow.chat.tools', [SEARCH_TOOL]],
      ['mlflow.chat.tokenUsage', { input_tokens: 212, output_tokens: 19, total_tokens: 231 }],
    ],
    outputs: {
      id: `chatcmpl-${hexId(`cmpl/${q}`, 0, 20)}`,
      object: 'chat.completion',
      model: 'gpt-4o-mini-2024-07-18',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: null, tool_calls: [toolCall] },
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 212, completion_tokens: 19, total_tokens: 231 },
    },
    post: [
      [
        'mlflow.chat.messages',
        [...messages, { role: 'assistant', content: null, tool_calls: [toolCall] }],
      ],
    ],
  };
  const tool: Span = {
    name: 'search_docs',
    spanId: hexId(`span/${q}/tool`, 0, 16),
    parentId: llm.spanId,
    start: s(900_000),
    end: s(1_100_000),
    type: 'TOOL',
    functionName: 'search_docs',
    inputs: { query: q },
    outputs: {
      results: [
        { url: 'docs/tracking.html', title: 'MLflow Tracking' },
        { url: 'docs/tracing.html', title: 'Tracing' },
      ],
    },
  };
  const second: Span = {
    name: 'call_llm',
    spanId: hexId(`span/${q}/final`, 0, 16),
    parentId: rag.spanId,
    start: s(1_350_000),
    end: s(1_650_000),
    type: 'LLM',
    functionName: 'call_llm',
    pre: [
      ['model', 'gpt-4o-mini'],
      ['temperature', 0.2],
    ],
    inputs: { messages: finalMessages, max_tokens: 256 },
    outputs: {
      choices: [
        { index: 0, message: { role: 'assistant', content: ANSWER }, finish_reason: 'stop' },
      ],
    },
    post: [
      ['llm.token_count.prompt', 268],
      ['llm.token_count.completion', 11],
      ['llm.token_count.total', 279],
      ['mlflow.chat.messages', [...finalMessages, { role: 'assistant', content: ANSWER }]],
    ],
  };
  const calc: Span = {
    name: 'calculator',
    spanId: hexId(`span/${q}/calc`, 0, 16),
    parentId: root.spanId,
    start: s(1_900_000),
    end: s(2_050_000),
    type: 'TOOL',
    functionName: 'calculator',
    inputs: { expression: '6*7' },
    outputs: { result: 42 },
  };
  return [
    { ...root, end: s(2_100_000) },
    { ...rag, end: s(1_700_000) },
    ret,
    fmt,
    first,
    tool,
    second,
    calc,
  ];
}
