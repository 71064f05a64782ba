/** The hostile variant of an agent trace: HTML/script in retrieved text and span names, a 1 MB string, 50-level nesting. */
import type { PyValue } from './pyjson';
import { hexId } from './random';
import { agentCore, docsOutput, promptOf, type AgentOptions } from './trace-agent';
import type { Span } from './trace-format';

function nested(depth: number): PyValue {
  let v: PyValue = { leaf: true, note: 'bottom of a 50-level document' };
  for (let d = depth; d >= 1; d--) v = { level: d, child: v };
  return v;
}

export function hostileSpans(o: AgentOptions): Span[] {
  const texts = [
    "passage <script>alert('retrieved')</script> about artifacts",
    '<img src=x onerror=alert(1)> artifacts are files logged with a run',
    '</textarea><svg onload=alert(2)> closing tags in data',
  ];
  const [root, rag, ret, fmt, llm] = agentCore({ ...o, useTool: false });
  const docs = docsOutput(o.docs, o.question, texts);
  const prompt = promptOf(docs, o.question);
  const s = (ns: number) => o.shape.rootStart + BigInt(ns);
  const line = 'All work and no play makes a very long log line. ';
  const big = line.repeat(Math.ceil(1_048_576 / line.length)).slice(0, 1_048_576);
  const id = (k: string) => hexId(`span/hostile/${k}`, 0, 16);
  return [
    { ...root, end: s(3_000_000) },
    rag,
    { ...ret, outputs: docs },
    { ...fmt, outputs: { prompt: prompt.slice(0, 80) } },
    {
      ...llm,
      inputs: { messages: [{ role: 'user', content: prompt }], max_tokens: 256 },
      outputs: {
        choices: [
          {
            message: {
              role: 'assistant',
              content:
                'Artifacts are **files**. <b>bold?</b> [click](javascript:alert(3)) <img src=x onerror=alert(4)>',
            },
          },
        ],
      },
    },
    {
      name: "<img src=x onerror=alert('span-name')>",
      spanId: id('name'),
      parentId: root.spanId,
      start: s(1_200_000),
      end: s(1_400_000),
      type: 'PARSER',
      inputs: { markdown: '# Title\n<script>alert(5)</script>' },
      outputs: {
        html: '<div onclick="alert(6)">rendered</div><iframe src="javascript:alert(7)"></iframe>',
      },
    },
    {
      name: 'fetch_page',
      spanId: id('big'),
      parentId: root.spanId,
      start: s(1_450_000),
      end: s(2_400_000),
      type: 'TOOL',
      functionName: 'fetch_page',
      inputs: { url: 'https://example.invalid/huge-log.txt' },
      outputs: { status: 200, body: big },
    },
    {
      name: 'parse_nested',
      spanId: id('deep'),
      parentId: root.spanId,
      start: s(2_450_000),
      end: s(2_900_000),
      type: 'PARSER',
      functionName: 'parse_nested',
      inputs: { depth: 50 },
      outputs: nested(50),
    },
  ];
}
